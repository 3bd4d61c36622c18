"use server";

import { z } from "zod";
import { saveProduct } from "@/db/queries/product-save";
import { idField } from "@/lib/validation/fields";
import { productFormSchema, productLockSchema } from "@/lib/validation/product";
import { serverAction } from "@/server/action";

const requestSchema = z
  .object({
    id: idField().optional(),
    values: productFormSchema,
    lock: productLockSchema.optional(),
  })
  // An edit always carries what the page loaded: without it a stale save could not be told apart.
  .refine((request) => request.id === undefined || request.lock !== undefined, { path: ["lock"] });

/** Save on the product page: the same schema as the form, then one saveProduct transaction. */
export const saveProductAction = serverAction({
  resource: "Magento_Catalog::products",
  schema: requestSchema,
  fieldsUnder: "values",
  invalidMessage: "The product was not saved: please correct the fields marked below.",
  run: ({ id, values: { stockItem, sources, ...product }, lock }, { db, admin }) =>
    saveProduct(db, { id, product, stockItem, sources, lock, actor: admin }),
  // Everything that shows a product's figures reads them on its next render.
  revalidate: (saved) => [
    "/admin/catalog/product",
    `/admin/catalog/product/edit/id/${saved.id}`,
    "/admin/dashboard",
    "/admin/reports/report_product/lowstock",
    "/preview",
  ],
  done: (saved) => ({
    redirect: `/admin/catalog/product/edit/id/${saved.id}`,
    flash: [
      { kind: "success", text: "You saved the product." },
      // Inventory-rules §8 overrode the Stock Status the admin submitted: say so.
      ...(saved.statusReason ? [{ kind: "warning" as const, text: `Stock Status was ${saved.statusReason}.` }] : []),
    ],
  }),
});
