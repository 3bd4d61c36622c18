"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { saveProduct } from "@/db/queries/products";
import { requireAdmin } from "@/lib/auth/guard";
import { setFlash } from "@/lib/flash";
import { productFormSchema, productLockSchema } from "@/lib/validation/product";
import { invalid, type ActionResult } from "@/lib/validation/result";

const CHECK_FIELDS = "The product was not saved: please correct the fields marked below.";
const RELOAD = "This page is out of date. Reload it, then make your changes again.";

const requestSchema = z.object({
  id: z.number().int().positive().optional(),
  values: z.unknown(),
  lock: z.unknown().optional(),
});

/** Save on the product page: the same schema as the form, then one saveProduct transaction. */
export async function saveProductAction(input: unknown): Promise<ActionResult> {
  const admin = await requireAdmin();
  const request = requestSchema.safeParse(input);
  if (!request.success) return { ok: false, fieldErrors: {}, formError: RELOAD };
  const parsed = productFormSchema.safeParse(request.data.values);
  if (!parsed.success) return invalid(parsed.error, CHECK_FIELDS);
  const { id } = request.data;
  // An edit always carries what the page loaded: without it a stale save could not be told apart.
  const lock = id === undefined ? undefined : productLockSchema.safeParse(request.data.lock);
  if (lock && !lock.success) return { ok: false, fieldErrors: {}, formError: RELOAD };

  const { stockItem, sources, ...product } = parsed.data;
  const result = saveProduct(getDb(), { id, product, stockItem, sources, lock: lock?.data, actor: admin });
  if (!result.ok) {
    if (result.error === "invalid") return { ok: false, fieldErrors: result.fieldErrors, formError: CHECK_FIELDS };
    return { ok: false, fieldErrors: {}, formError: result.message };
  }

  // Everything that shows a product's figures reads them on its next render.
  revalidatePath("/admin/catalog/product");
  revalidatePath(`/admin/catalog/product/edit/id/${result.id}`);
  revalidatePath("/admin/dashboard");
  revalidatePath("/admin/reports/report_product/lowstock");
  revalidatePath("/preview", "layout");
  await setFlash([
    { kind: "success", text: "You saved the product." },
    // Spec §8 overrode the Stock Status the admin submitted: say so.
    ...(result.statusReason ? [{ kind: "warning" as const, text: `Stock Status was ${result.statusReason}.` }] : []),
  ]);
  redirect(`/admin/catalog/product/edit/id/${result.id}`);
}
