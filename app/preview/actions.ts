"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { placeOrder } from "@/db/queries/orders";
import { addToCartSchema } from "@/lib/validation/order";
import { invalid, type ActionResult } from "@/lib/validation/result";

export type AddToCartResult = ActionResult<{ notices: string[] }>;

/**
 * Add to Cart places a preview order at once (there is no checkout). Public like any shop's
 * cart: no sign-in, and nothing but the store code, SKU and quantity is taken from the request.
 */
export async function addToCart(input: unknown): Promise<AddToCartResult> {
  const parsed = addToCartSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { storeCode, sku, qty } = parsed.data;
  const result = placeOrder(getDb(), { storeCode, items: [{ sku, qty }] });
  if (!result.ok) {
    // Spec §4: the shopper sees the refusal at the Qty box.
    return result.reason === "not_salable"
      ? { ok: false, fieldErrors: { qty: result.message } }
      : { ok: false, fieldErrors: {}, formError: result.message };
  }
  // Every page shows stock (storefront labels, grids, dashboard, reports): all render per
  // request, and this re-renders the current one in the same response so labels update at once.
  revalidatePath("/", "layout");
  return {
    ok: true,
    message: `You added ${result.order.items[0].name} to your shopping cart.`,
    data: { notices: result.notices },
  };
}
