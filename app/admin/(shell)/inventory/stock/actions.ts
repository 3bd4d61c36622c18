"use server";

import { z } from "zod";
import { saveStockForm } from "@/db/queries/stocks";
import { stockFormSchema } from "@/lib/validation/msi";
import { serverAction } from "@/server/action";

const save = serverAction({
  schema: z.object({ id: z.number().int().positive().nullable(), values: stockFormSchema }),
  fieldsUnder: "values",
  run: ({ id, values }, { db, admin }) => saveStockForm(db, id, values, admin!),
  // Links and channels move salable figures and the storefront's stock.
  revalidate: ["/"],
  done: (stockId) => ({
    redirect: `/admin/inventory/stock/edit/id/${stockId}`,
    flash: [{ kind: "success", text: "You saved the stock." }],
  }),
});

/** New Stock (id null) or Edit Stock: name, sales channels and sources in one transaction. */
export async function saveStockAction(id: number | null, values: unknown) {
  return save({ id, values });
}
