"use server";

import { createCreditMemo } from "@/db/queries/credit-memos";
import { creditMemoFormSchema } from "@/lib/validation/order";
import { serverAction } from "@/server/action";

/** Refund Offline: one credit memo of the lines and quantities entered (inventory-rules §7). */
export const createCreditMemoAction = serverAction({
  resource: "Magento_Sales::creditmemo",
  schema: creditMemoFormSchema,
  invalidMessage: "The credit memo was not created: please correct the fields marked below.",
  run: ({ orderId, items }, { db, admin }) => createCreditMemo(db, { orderId, items, actor: admin, via: "admin" }),
  // Source quantities and salable figures change everywhere: storefront, grids, dashboard, the order.
  revalidate: ["/"],
  done: ({ order }) => ({
    redirect: `/admin/sales/order/view/order_id/${order.id}`,
    flash: [{ kind: "success", text: "You created the credit memo." }],
  }),
});
