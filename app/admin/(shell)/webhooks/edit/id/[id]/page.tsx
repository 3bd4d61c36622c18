import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FlashMessages } from "@/components/admin/flash-messages";
import { getWebhook, listDeliveries } from "@/db/queries/webhooks";
import { firstParam } from "@/lib/validation/grid";
import { eventBoxes, webhookIdParam } from "@/lib/validation/webhook";
import { requireResource } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { readFlash } from "@/server/flash";
import { DeliveryLog } from "../../../_components/delivery-log";
import { WebhookForm } from "../../../_components/webhook-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("System.webhooks");
  return { title: t("editMetaTitle") };
}
export const dynamic = "force-dynamic";

type Query = Record<string, string | string[] | undefined>;

/** The delivery log's cursor from the URL; a malformed one is ignored (the newest page). */
const cursorParam = (value: string | string[] | undefined) => {
  const parsed = webhookIdParam.safeParse(firstParam(value));
  return parsed.success ? parsed.data : undefined;
};

export default async function EditWebhookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Query> }) {
  await requireResource("Stockroom_Webhooks::webhooks");
  const id = webhookIdParam.safeParse((await params).id);
  const db = await getDb();
  const webhook = id.success ? await getWebhook(db, id.data) : undefined;
  if (!webhook) notFound();
  const query = await searchParams;
  const log = await listDeliveries(db, webhook.id, { before: cursorParam(query.before), after: cursorParam(query.after) });
  return (
    <>
      <WebhookForm
        title={webhook.name}
        webhook={{ id: webhook.id, secret: webhook.secret }}
        notice={<FlashMessages messages={await readFlash()} />}
        defaults={{
          name: webhook.name,
          url: webhook.url,
          isActive: webhook.isActive,
          events: eventBoxes(webhook.events),
        }}
      />
      <DeliveryLog webhookId={webhook.id} basePath={`/admin/webhooks/edit/id/${webhook.id}`} log={log} />
    </>
  );
}
