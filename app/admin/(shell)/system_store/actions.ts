"use server";

import { z } from "zod";
import { deleteStoreGroup, deleteStoreView, deleteWebsite, saveStoreGroup, saveStoreView, saveWebsite } from "@/db/queries/store-save";
import { idField } from "@/lib/validation/fields";
import { storeGroupSchema, storeViewSchema, websiteSchema } from "@/lib/validation/stores";
import { serverAction } from "@/server/action";

/*
 * Stores > Settings > All Stores. Ids are the request's, held to an id's shape: any client can
 * send anything. Scopes show in the configuration page, the stocks' Sales Channels, the preview
 * and REST: every save revalidates every page.
 */

const GRID = "/admin/system_store";
const saved = (text: string) => () => ({ redirect: GRID, flash: [{ kind: "success" as const, text }] });

const saveWebsiteSpec = serverAction({
  resource: "Magento_Backend::store",
  schema: z.object({ id: idField().nullable(), values: websiteSchema }),
  fieldsUnder: "values",
  run: ({ id, values }, { db, admin }) => saveWebsite(db, id, values, admin!),
  revalidate: ["/"],
  done: saved("You saved the website."),
});

const saveGroupSpec = serverAction({
  resource: "Magento_Backend::store",
  schema: z.object({ id: idField().nullable(), values: storeGroupSchema }),
  fieldsUnder: "values",
  run: ({ id, values }, { db, admin }) => saveStoreGroup(db, id, values, admin!),
  revalidate: ["/"],
  done: saved("You saved the store."),
});

const saveStoreSpec = serverAction({
  resource: "Magento_Backend::store",
  schema: z.object({ id: idField().nullable(), values: storeViewSchema }),
  fieldsUnder: "values",
  run: ({ id, values }, { db, admin }) => saveStoreView(db, id, values, admin!),
  revalidate: ["/"],
  done: saved("You saved the store view."),
});

const idOnly = z.object({ id: idField() });

const deleteWebsiteSpec = serverAction({
  resource: "Magento_Backend::store",
  schema: idOnly,
  run: ({ id }, { db, admin }) => deleteWebsite(db, id, admin!),
  revalidate: ["/"],
  done: saved("You deleted the website."),
});

const deleteGroupSpec = serverAction({
  resource: "Magento_Backend::store",
  schema: idOnly,
  run: ({ id }, { db, admin }) => deleteStoreGroup(db, id, admin!),
  revalidate: ["/"],
  done: saved("You deleted the store."),
});

const deleteStoreSpec = serverAction({
  resource: "Magento_Backend::store",
  schema: idOnly,
  run: ({ id }, { db, admin }) => deleteStoreView(db, id, admin!),
  revalidate: ["/"],
  done: saved("You deleted the store view."),
});

export async function saveWebsiteAction(id: number | null, values: unknown) {
  return saveWebsiteSpec({ id, values });
}
export async function saveStoreGroupAction(id: number | null, values: unknown) {
  return saveGroupSpec({ id, values });
}
export async function saveStoreViewAction(id: number | null, values: unknown) {
  return saveStoreSpec({ id, values });
}
export async function deleteWebsiteAction(id: number) {
  return deleteWebsiteSpec({ id });
}
export async function deleteStoreGroupAction(id: number) {
  return deleteGroupSpec({ id });
}
export async function deleteStoreViewAction(id: number) {
  return deleteStoreSpec({ id });
}
