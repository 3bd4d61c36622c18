import { z } from "zod";
import { shopperQtyMessage, type EffectiveSettings } from "@/lib/inventory";

/** Spec §4, the storefront Qty box's own message for anything that is not a positive number. */
export const QTY_GREATER_THAN_0 = "Please enter a quantity greater than 0.";
const MAX_QTY = "Please enter a value less than or equal to 99999999.";

/** What a number box submits: "" and blanks are undefined (never a silent 0), text is parsed. */
function toNumber(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  return text === "" ? undefined : Number(text);
}

const code = z.string().trim().min(1, "This is a required field.").max(64);

/** One order line as a shopper or an integration sends it. */
export const orderLineSchema = z.object({
  sku: code,
  qty: z.preprocess(
    toNumber,
    z.number({ error: QTY_GREATER_THAN_0 }).finite(QTY_GREATER_THAN_0).gt(0, QTY_GREATER_THAN_0).max(99999999, MAX_QTY),
  ),
});

/**
 * Add to Cart on the storefront preview: the only things a shopper may tell the server are the
 * store, the SKU and the quantity. Everything else (price, name, stock) is read again inside
 * the order's transaction.
 */
export const addToCartSchema = orderLineSchema.extend({ storeCode: code });
export type AddToCartInput = z.input<typeof addToCartSchema>;
export type AddToCartValues = z.output<typeof addToCartSchema>;

/**
 * The Qty box's client-side check (spec §4 last paragraph): the shape above plus the product's
 * quantity rules worded for shoppers, from lib/inventory. The server runs §4 itself.
 */
export function shopperCartSchema(eff: EffectiveSettings) {
  return addToCartSchema.superRefine((values, ctx) => {
    const message = shopperQtyMessage(eff, values.qty);
    if (message) ctx.addIssue({ code: "custom", path: ["qty"], message });
  });
}

/** Cancel / Ship on the admin order page. */
export const orderIdSchema = z.object({ orderId: z.coerce.number().int().positive() });
export const shipOrderSchema = orderIdSchema.extend({ sourceCode: code });
export type ShipOrderFormInput = z.input<typeof shipOrderSchema>;
export type ShipOrderFormValues = z.output<typeof shipOrderSchema>;
