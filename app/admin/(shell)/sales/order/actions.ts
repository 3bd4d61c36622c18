"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { cancelOrder, shipOrder } from "@/db/queries/orders";
import { requireAdmin } from "@/lib/auth/guard";
import { orderIdSchema, shipOrderSchema } from "@/lib/validation/order";
import { invalid, type ActionResult } from "@/lib/validation/result";

/** Cancel: returns the order's open quantity to salable (spec §7). */
export async function cancelOrderAction(input: unknown): Promise<ActionResult> {
  const admin = await requireAdmin();
  const parsed = orderIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = cancelOrder(getDb(), { orderId: parsed.data.orderId, actor: admin });
  if (!result.ok) return { ok: false, fieldErrors: {}, formError: result.message };
  // Salable figures change everywhere: storefront, grids, dashboard, this order.
  revalidatePath("/", "layout");
  return { ok: true, message: "You canceled the order." };
}

/** Ship: everything still open, from the chosen source (spec §7); refused with nothing changed. */
export async function shipOrderAction(input: unknown): Promise<ActionResult> {
  const admin = await requireAdmin();
  const parsed = shipOrderSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = shipOrder(getDb(), { ...parsed.data, actor: admin });
  if (!result.ok) {
    return result.reason === "source_not_found"
      ? { ok: false, fieldErrors: { sourceCode: result.message } }
      : { ok: false, fieldErrors: {}, formError: result.message };
  }
  revalidatePath("/", "layout");
  return { ok: true, message: "The shipment has been created." };
}
