import { z } from "zod";
import { REFUND_NOTHING, refundQtyProblem, round4, shopperQtyMessage, type EffectiveSettings, type RefundLineRules } from "@/lib/inventory";
import { renderPhrase } from "@/lib/refusal";
import { idField, LESS_OR_EQUAL_MAX_QTY, listField, magentoObject, MAX_INT4, MAX_QTY, numberField, textField } from "./fields";

/** Inventory-rules §4, the storefront Qty box's own message for anything that is not a positive number. */
const QTY_GREATER_THAN_0 = "Please enter a quantity greater than 0.";

/** What a number box submits: "" and blanks are undefined (never a silent 0), text is parsed. */
function toNumber(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  return text === "" ? undefined : Number(text);
}

/** Magento's SKU and store code length limit. */
const code = textField(64);

/** An order or shipment quantity: a positive number up to Magento's Qty ceiling. */
const qty = z.preprocess(
  toNumber,
  z.number({ error: QTY_GREATER_THAN_0 }).finite(QTY_GREATER_THAN_0).gt(0, QTY_GREATER_THAN_0).max(MAX_QTY, LESS_OR_EQUAL_MAX_QTY),
);

/** One order line as a shopper or an integration sends it. */
const orderLineSchema = z.object({ sku: code, qty });

/**
 * Add to Cart on the storefront preview: the only things a shopper may tell the server are the
 * store, the SKU and the quantity. Everything else (price, name, stock) is read again inside
 * the order's transaction.
 */
export const addToCartSchema = orderLineSchema.extend({ storeCode: code });
export type AddToCartInput = z.input<typeof addToCartSchema>;
export type AddToCartValues = z.output<typeof addToCartSchema>;

/**
 * The Qty box's client-side check (inventory-rules §4 last paragraph): the shape above plus the product's
 * quantity rules worded for shoppers, from lib/inventory. The server runs §4 itself.
 */
export function shopperCartSchema(eff: EffectiveSettings) {
  return addToCartSchema.superRefine((values, ctx) => {
    const message = shopperQtyMessage(eff, values.qty);
    if (message) ctx.addIssue({ code: "custom", path: ["qty"], message });
  });
}

/** Cancel / Ship on the admin order page. */
export const orderIdSchema = z.object({ orderId: z.coerce.number().int().positive().max(MAX_INT4) });
export const shipOrderSchema = orderIdSchema.extend({ sourceCode: textField() });
export type ShipOrderFormInput = z.input<typeof shipOrderSchema>;
export type ShipOrderFormValues = z.output<typeof shipOrderSchema>;

/**
 * The REST order calls: the same fields and quantity rules as Add to Cart and the admin's Ship,
 * as Magento data objects (a misspelt key is refused, not ignored) with Magento's names.
 */
export const orderIdParam = idField();

/** POST /stockroom/orders: `store_code` and `items: [{sku, qty}]`. */
export const placeOrderFields = {
  store_code: addToCartSchema.shape.storeCode,
  items: listField(magentoObject(orderLineSchema.shape, ["extension_attributes"]), 1000),
};

/**
 * POST /order/{id}/ship (Magento's ShipOrder): lines to ship (everything still open when left
 * out) and the source in `arguments.extension_attributes.source_code`.
 */
export const shipOrderFields = {
  items: listField(magentoObject({ order_item_id: idField(), qty }, ["extension_attributes"]), 1000).optional(),
  arguments: magentoObject({
    extension_attributes: magentoObject({ source_code: shipOrderSchema.shape.sourceCode.optional() }).optional(),
  }).optional(),
};

/**
 * New Credit Memo: per order line its Qty to Refund (0 leaves the line out; empty is no number)
 * and Return to Stock. The write checks each line against what is left to refund (inventory-rules §7).
 */
export const creditMemoFormSchema = orderIdSchema.extend({
  items: z
    .array(
      z.object({
        orderItemId: idField(),
        qty: numberField({ min: { value: 0, inclusive: true }, max: MAX_QTY }),
        backToStock: z.boolean(),
      }),
    )
    .min(1, REFUND_NOTHING)
    .max(1000)
    .refine((items) => items.some((item) => round4(item.qty) > 0), REFUND_NOTHING),
});
export type CreditMemoFormInput = z.input<typeof creditMemoFormSchema>;
export type CreditMemoFormValues = z.output<typeof creditMemoFormSchema>;

/**
 * The form's client-side check: the schema above plus each line's own limits, from lib/inventory
 * (`lines` in the form's row order). The server checks them again inside its transaction.
 */
export function creditMemoLimitsSchema(lines: readonly (RefundLineRules & { sku: string })[]) {
  return creditMemoFormSchema.superRefine((values, ctx) => {
    values.items.forEach((item, i) => {
      const line = lines[i];
      const problem = line && refundQtyProblem(line, item.qty);
      if (problem) ctx.addIssue({ code: "custom", path: ["items", i, "qty"], message: renderPhrase(problem, { sku: line.sku }) });
    });
  });
}

/**
 * POST /order/{id}/refund (Magento's RefundOrder): lines to refund (everything left when omitted)
 * and in `arguments.extension_attributes.return_to_stock_items` the order items going back to
 * stock. Magento's money arguments are accepted and ignored: Stockroom keeps no prices' totals.
 */
export const refundOrderFields = {
  items: listField(magentoObject({ order_item_id: idField(), qty }, ["extension_attributes"]), 1000).optional(),
  arguments: magentoObject(
    {
      extension_attributes: magentoObject({
        return_to_stock_items: z.array(idField(), { error: "Please send a list here." }).max(1000).optional(),
      }).optional(),
    },
    ["shipping_amount", "adjustment_positive", "adjustment_negative"],
  ).optional(),
};
