"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { saveSource } from "@/db/queries/sources";
import { requireAdmin } from "@/lib/auth/guard";
import { setFlash } from "@/lib/flash";
import { sourceSchema } from "@/lib/validation/msi";
import { invalid, type ActionResult } from "@/lib/validation/result";
import { refusal } from "../action-result";

const FIELDS = ["source_code", "name", "enabled", "description", "country_id", "postcode"];

/** New Source (originalCode null) or Edit Source: the same schema and query as the REST API. */
export async function saveSourceAction(originalCode: string | null, values: unknown): Promise<ActionResult> {
  const admin = await requireAdmin();
  const parsed = sourceSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error);
  // The code is the source's identity: an edit keeps the one in the URL.
  const input = originalCode === null ? parsed.data : { ...parsed.data, source_code: originalCode };
  try {
    saveSource(getDb(), input, admin, originalCode === null ? "create" : "update");
  } catch (error) {
    return refusal(error, FIELDS);
  }
  // Source state moves salable figures everywhere: grid, product pages, storefront.
  revalidatePath("/", "layout");
  await setFlash([{ kind: "success", text: "You saved the source." }]);
  redirect(`/admin/inventory/source/edit/source_code/${encodeURIComponent(input.source_code)}`);
}
