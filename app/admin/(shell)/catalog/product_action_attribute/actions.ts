"use server";

import { z } from "zod";
import { gridHrefOf, massSelectionFromSearch, massUpdateMessages, massUpdateResultSchema } from "@/lib/validation/mass-update";
import { serverAction } from "@/server/action";

/**
 * After the save's stream answered "done": the pages that show products' settings and figures
 * are revalidated (the stream's own response was long gone by the time the write committed),
 * and the grid the update came from says what happened. It writes nothing: the counts only
 * word this admin's own message.
 */
export const finishMassUpdateAction = serverAction({
  resource: "Magento_Catalog::update_attributes",
  schema: z.object({ selection: z.string().max(20_000), result: massUpdateResultSchema }),
  run: async (input) => input,
  revalidate: [
    "/admin/catalog/product",
    "/admin/dashboard",
    "/admin/reports/report_product/lowstock",
    "/admin/notification",
    "/admin/logging",
    "/preview",
  ],
  done: ({ selection, result }) => ({
    redirect: gridHrefOf(massSelectionFromSearch(selection)),
    flash: massUpdateMessages(result),
  }),
});
