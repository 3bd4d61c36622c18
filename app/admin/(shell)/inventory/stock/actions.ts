"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { saveStockForm } from "@/db/queries/stocks";
import { requireAdmin } from "@/lib/auth/guard";
import { setFlash } from "@/lib/flash";
import { stockFormSchema } from "@/lib/validation/msi";
import { invalid, type ActionResult } from "@/lib/validation/result";
import { refusal } from "../action-result";

/** New Stock (id null) or Edit Stock: name, sales channels and sources in one transaction. */
export async function saveStockAction(id: number | null, values: unknown): Promise<ActionResult> {
  const admin = await requireAdmin();
  const parsed = stockFormSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error);
  let stockId: number;
  try {
    stockId = saveStockForm(getDb(), id, parsed.data, admin);
  } catch (error) {
    return refusal(error, ["name"]);
  }
  // Links and channels move salable figures and the storefront's stock.
  revalidatePath("/", "layout");
  await setFlash([{ kind: "success", text: "You saved the stock." }]);
  redirect(`/admin/inventory/stock/edit/id/${stockId}`);
}
