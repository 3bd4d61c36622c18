"use server";

import { z } from "zod";
import { deleteWebhook, regenerateWebhookSecret, resendDelivery, saveWebhook } from "@/db/queries/webhooks";
import { deliveryRefSchema, webhookIdParam, webhookSchema } from "@/lib/validation/webhook";
import { serverAction } from "@/server/action";

/*
 * Stores > Webhooks. Ids are the request's, held to an id's shape: any client can send anything.
 * Webhooks show on their own pages only.
 */

const GRID = "/admin/webhooks";
const editPage = (id: number) => `${GRID}/edit/id/${id}`;
const idOnly = z.object({ id: webhookIdParam });

const save = serverAction({
  resource: "Stockroom_Webhooks::webhooks",
  schema: z.object({ id: webhookIdParam.nullable(), values: webhookSchema }),
  fieldsUnder: "values",
  run: ({ id, values }, { db, admin }) => saveWebhook(db, id, values, admin!),
  revalidate: [GRID],
  done: (id) => ({ redirect: editPage(id), flash: [{ kind: "success", text: "You saved the webhook." }] }),
});

/** New Webhook (id null) or Edit Webhook. */
export async function saveWebhookAction(id: number | null, values: unknown) {
  return save({ id, values });
}

const regenerate = serverAction({
  resource: "Stockroom_Webhooks::webhooks",
  schema: idOnly,
  run: async ({ id }, { db, admin }) => {
    await regenerateWebhookSecret(db, id, admin!);
    return id;
  },
  revalidate: [GRID],
  done: (id) => ({
    redirect: editPage(id),
    flash: [{ kind: "success", text: "You generated a new secret. Deliveries are signed with it from now on: update your receiver." }],
  }),
});

export async function regenerateSecretAction(id: number) {
  return regenerate({ id });
}

const remove = serverAction({
  resource: "Stockroom_Webhooks::webhooks",
  schema: idOnly,
  run: ({ id }, { db, admin }) => deleteWebhook(db, id, admin!),
  revalidate: [GRID],
  done: () => ({ redirect: GRID, flash: [{ kind: "success", text: "You deleted the webhook." }] }),
});

export async function deleteWebhookAction(id: number) {
  return remove({ id });
}

/** Resend: the delivery is sent again at the dispatcher's next poll; the log on this page shows it. */
export const resendDeliveryAction = serverAction({
  resource: "Stockroom_Webhooks::webhooks",
  schema: deliveryRefSchema,
  run: (ref, { db, admin }) => resendDelivery(db, ref, admin!),
  revalidate: [GRID],
  done: () => ({ message: "The delivery will be sent again in a few seconds." }),
});
