import { cancelOrder, placeOrder, shipOrder, type OrderFailure, type OrderLineInput } from "@/db/queries/orders";
import { DEFAULT_SOURCE_CODE } from "@/db/queries/sources";
import { orderIdParam, placeOrderFields, shipOrderFields } from "@/lib/validation/order";
import { parseOr400, requestBody } from "../body";
import { fieldError, RestError } from "../errors";
import { placedOrderData } from "../magento";
import type { RestRoute } from "../router";

const CREATE = "Magento_Sales::create";
const CANCEL = "Magento_Sales::cancel";
const SHIP = "Magento_Sales::ship";

/** Magento's answer for an order id that does not exist (OrderRepository::get). */
const ORDER_NOT_FOUND = "The entity that was requested doesn't exist. Verify the entity and try again.";
/** Magento's OrderService answers `false` here; Stockroom says why instead. */
const NOTHING_TO_CANCEL = "You cannot cancel this order: every item in it is already shipped or canceled.";
/** Magento ships from the default source when no source is named (single-source mode). */

/** Magento's ShipOrder fields Stockroom accepts and does not keep (no e-mails, comments or tracking). */
const IGNORED_SHIP_FIELDS = ["notify", "appendComment", "comment", "tracks", "packages"] as const;

const placeBody = requestBody(placeOrderFields);
const shipBody = requestBody(shipOrderFields, IGNORED_SHIP_FIELDS);

const orderId = (params: Record<string, string>, name: string) => parseOr400(orderIdParam, params[name], name);

/**
 * A refused order call: an order id in the URL that does not exist is a 404; anything wrong
 * with the body (unknown SKU, store or source, spec §4 refusal, too little in the source) a 400.
 * An unknown SKU is named by its line in `items`.
 */
function orderFailure(failure: OrderFailure, items: readonly OrderLineInput[] = []): RestError {
  switch (failure.reason) {
    case "order_not_found":
      return new RestError(404, ORDER_NOT_FOUND);
    case "store_not_found":
      return fieldError("store_code", failure.message);
    case "product_not_found":
      return fieldError(`items.${items.findIndex((item) => item.sku === failure.sku)}.sku`, failure.message);
    case "not_salable":
      // Spec §4: the message is what the shopper sees (the last error); every check in `errors`.
      return new RestError(
        400,
        failure.message,
        { sku: failure.sku },
        failure.errors.length > 0 ? failure.errors.map((e) => ({ message: e.message, parameters: { code: e.code } })) : undefined,
      );
    case "source_not_found":
      return fieldError("arguments.extension_attributes.source_code", failure.message);
    case "not_allowed":
    case "not_enough_source_qty":
      return new RestError(400, failure.message);
  }
}

export const orderRoutes: RestRoute[] = [
  {
    // Stockroom's own (Magento places orders through carts): spec §4 per line, §5 backorders,
    // §7 reservations, in one transaction; a refusal stores nothing.
    method: "POST",
    path: "stockroom/orders",
    resource: CREATE,
    async handler({ db, json }) {
      const { store_code, items } = parseOr400(placeBody, await json());
      const result = placeOrder(db, { storeCode: store_code, items });
      if (!result.ok) throw orderFailure(result, items);
      return placedOrderData(result.order, result.notices);
    },
  },
  {
    method: "POST",
    path: "orders/:id/cancel",
    resource: CANCEL,
    handler({ db, params, admin }) {
      const result = cancelOrder(db, { orderId: orderId(params, "id"), actor: admin });
      if (!result.ok) {
        throw result.reason === "not_allowed" ? new RestError(400, NOTHING_TO_CANCEL) : orderFailure(result);
      }
      return true;
    },
  },
  {
    // Answers the shipment id. Spec §7: too little in the source refuses the whole shipment.
    method: "POST",
    path: "order/:orderId/ship",
    resource: SHIP,
    async handler({ db, params, json, admin }) {
      const id = orderId(params, "orderId");
      const body = parseOr400(shipBody, await json());
      const result = shipOrder(db, {
        orderId: id,
        sourceCode: body.arguments?.extension_attributes?.source_code ?? DEFAULT_SOURCE_CODE,
        items: body.items?.map((item) => ({ orderItemId: item.order_item_id, qty: item.qty })),
        actor: admin,
      });
      if (!result.ok) throw orderFailure(result);
      return result.shipmentId;
    },
  },
];
