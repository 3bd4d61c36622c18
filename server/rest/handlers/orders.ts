import "server-only";
import { cancelOrder, placeOrder, shipOrder } from "@/db/queries/orders";
import { DEFAULT_SOURCE_CODE } from "@/db/queries/sources";
import { orderIdParam, placeOrderFields, shipOrderFields } from "@/lib/validation/order";
import { parseOr400, requestBody } from "../body";
import { placedOrderData } from "../magento";
import type { RestRoute } from "../router";

const CREATE = "Magento_Sales::create";
const CANCEL = "Magento_Sales::cancel";
const SHIP = "Magento_Sales::ship";

/** Magento ships from the default source when no source is named (single-source mode). */

/** Magento's ShipOrder fields Stockroom accepts and does not keep (no e-mails, comments or tracking). */
const IGNORED_SHIP_FIELDS = ["notify", "appendComment", "comment", "tracks", "packages"] as const;

const placeBody = requestBody(placeOrderFields);
const shipBody = requestBody(shipOrderFields, IGNORED_SHIP_FIELDS);

const orderId = (params: Record<string, string>, name: string) => parseOr400(orderIdParam, params[name], name);

export const orderRoutes: RestRoute[] = [
  {
    // Stockroom's own (Magento places orders through carts): inventory-rules §4 per line, §5 backorders,
    // §7 reservations, in one transaction; a refusal stores nothing. The token's admin placed it.
    method: "POST",
    path: "stockroom/orders",
    resource: CREATE,
    bodyPath: (field) => (field === "storeCode" ? "store_code" : field),
    async handler({ db, json, admin }) {
      const { store_code, items } = parseOr400(placeBody, await json());
      const placed = await placeOrder(db, { storeCode: store_code, items, actor: admin, via: "rest" });
      return placedOrderData(placed.order, placed.notices);
    },
  },
  {
    method: "POST",
    path: "orders/:id/cancel",
    resource: CANCEL,
    async handler({ db, params, admin }) {
      await cancelOrder(db, { orderId: orderId(params, "id"), actor: admin });
      return true;
    },
  },
  {
    // Answers the shipment id. Inventory-rules §7: too little in the source refuses the whole shipment.
    method: "POST",
    path: "order/:orderId/ship",
    resource: SHIP,
    bodyPath: (field) => (field === "sourceCode" ? "arguments.extension_attributes.source_code" : field),
    async handler({ db, params, json, admin }) {
      const id = orderId(params, "orderId");
      const body = parseOr400(shipBody, await json());
      const shipped = await shipOrder(db, {
        orderId: id,
        sourceCode: body.arguments?.extension_attributes?.source_code ?? DEFAULT_SOURCE_CODE,
        items: body.items?.map((item) => ({ orderItemId: item.order_item_id, qty: item.qty })),
        actor: admin,
      });
      return shipped.shipmentId;
    },
  },
];
