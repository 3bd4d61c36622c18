"use server";

import { z } from "zod";
import { saveStockForm } from "@/db/queries/stocks";
import { idField } from "@/lib/validation/fields";
import { stockFormSchema } from "@/lib/validation/msi";
import { serverAction } from "@/server/action";

const save = serverAction({
  resource: "Magento_InventoryApi::stock_edit",
  // The id is the request's, not the form's: any client can send anything (a number beyond the database's range, too).
  schema: z.object({ id: idField().nullable(), values: stockFormSchema }),
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
