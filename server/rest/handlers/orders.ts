import "server-only";
import { createCreditMemo } from "@/db/queries/credit-memos";
import { cancelOrder, placeOrder, shipOrder } from "@/db/queries/orders";
import { DEFAULT_SOURCE_CODE } from "@/db/queries/sources";
import { orderIdParam, placeOrderFields, refundOrderFields, shipOrderFields } from "@/lib/validation/order";
import { parseOr400, requestBody } from "../body";
import { placedOrderData } from "../magento";
import { doneAnswer, idAnswer, placedOrderAnswer } from "../responses";
import { restRoute, type RestRoute } from "../router";

const CREATE = "Magento_Sales::create";
const CANCEL = "Magento_Sales::cancel";
const SHIP = "Magento_Sales::ship";
const CREDITMEMO = "Magento_Sales::creditmemo";

/** Magento ships from the default source when no source is named (single-source mode). */

/** Magento's ShipOrder fields Stockroom accepts and does not keep (no e-mails, comments or tracking). */
const IGNORED_SHIP_FIELDS = ["notify", "appendComment", "comment", "tracks", "packages"] as const;

const placeBody = requestBody(placeOrderFields);
const shipBody = requestBody(shipOrderFields, IGNORED_SHIP_FIELDS);
/** Magento's RefundOrder fields Stockroom accepts and does not keep (no e-mails or comments). */
const refundBody = requestBody(refundOrderFields, ["notify", "appendComment", "comment"]);

const orderId = (params: Record<string, string>, name: string) => parseOr400(orderIdParam, params[name], name);

export const orderRoutes: RestRoute[] = [
  restRoute({
    // Stockroom's own (Magento places orders through carts): inventory-rules §4 per line, §5 backorders,
    // §7 reservations, in one transaction; a refusal stores nothing. The token's admin placed it.
    method: "POST",
    path: "stockroom/orders",
    resource: CREATE,
    body: placeBody,
    response: placedOrderAnswer,
    bodyPath: (field) => (field === "storeCode" ? "store_code" : field),
    async handler({ db, body, admin }) {
      const { store_code, items } = await body();
      const placed = await placeOrder(db, { storeCode: store_code, items, actor: admin, via: "rest" });
      return placedOrderData(placed.order, placed.notices);
    },
  }),
  restRoute({
    method: "POST",
    path: "orders/:id/cancel",
    resource: CANCEL,
    response: doneAnswer,
    async handler({ db, params, admin }) {
      await cancelOrder(db, { orderId: orderId(params, "id"), actor: admin });
      return true;
    },
  }),
  restRoute({
    // Answers the shipment id. Inventory-rules §7: too little in the source refuses the whole shipment.
    method: "POST",
    path: "order/:orderId/ship",
    resource: SHIP,
    body: shipBody,
    response: idAnswer,
    bodyPath: (field) => (field === "sourceCode" ? "arguments.extension_attributes.source_code" : field),
    async handler({ db, params, body, admin }) {
      const id = orderId(params, "orderId");
      const shipment = await body();
      const shipped = await shipOrder(db, {
        orderId: id,
        sourceCode: shipment.arguments?.extension_attributes?.source_code ?? DEFAULT_SOURCE_CODE,
        items: shipment.items?.map((item) => ({ orderItemId: item.order_item_id, qty: item.qty })),
        actor: admin,
      });
      return shipped.shipmentId;
    },
  }),
  restRoute({
    // Answers the credit memo id. Inventory-rules §7: the listed return_to_stock_items go back to
    // stock; without the list, Automatically Return Credit Memo Item to Stock decides for every line.
    method: "POST",
    path: "order/:orderId/refund",
    resource: CREDITMEMO,
    body: refundBody,
    response: idAnswer,
    bodyPath: (field) => {
      if (field.startsWith("returnToStockItems")) return field.replace("returnToStockItems", "arguments.extension_attributes.return_to_stock_items");
      return field.replace(/\.orderItemId$/, ".order_item_id");
    },
    async handler({ db, params, body, admin }) {
      const id = orderId(params, "orderId");
      const refund = await body();
      const memo = await createCreditMemo(db, {
        orderId: id,
        items: refund.items?.map((item) => ({ orderItemId: item.order_item_id, qty: item.qty })),
        returnToStockItems: refund.arguments?.extension_attributes?.return_to_stock_items,
        actor: admin,
        via: "rest",
      });
      return memo.creditmemoId;
    },
  }),
];
