import type { z } from "zod";
import { massUpdateInventory } from "@/db/queries/product-mass-update";
import { ACCESS_DENIED, isAllowed } from "@/lib/auth/acl";
import { massUpdateRequestSchema } from "@/lib/validation/mass-update";
import { Refusal } from "@/lib/refusal";
import { fieldErrorsOf } from "@/lib/validation/result";
import { requireAdmin } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { fromOwnPages, progressResponse } from "@/server/progress-stream";

export const dynamic = "force-dynamic";

/** The form's body is a selection of at most MAX_SELECTED_IDS ids and ten fields: far below this. */
const MAX_BODY = 64 * 1024;
const INVALID = "The products were not updated: please correct the fields marked below.";
const RELOAD = "This page is out of date. Reload it, then make your changes again.";

/** Field errors as the form names them ("values.stockItem.minQty" → "stockItem.minQty"); anything else means the page is stale. */
function invalidRequest(error: z.ZodError): Refusal {
  const errors = Object.entries(fieldErrorsOf(error));
  const fields = errors.filter(([path]) => path.startsWith("values."));
  const selection = errors.find(([path]) => path === "selection");
  if (selection) return new Refusal("invalid", selection[1]);
  if (fields.length < errors.length) return new Refusal("stale", RELOAD);
  return new Refusal("invalid", INVALID, { fieldErrors: Object.fromEntries(fields.map(([path, message]) => [path.slice("values.".length), message])) });
}

/**
 * Save of Catalog > Products > Update attributes: the body parsed again with the form's schema,
 * the selection found again on the server, then one transaction streaming its progress
 * (server/progress-stream.ts). The page revalidates and says "A total of N record(s) were
 * updated." through finishMassUpdateAction once the stream has answered.
 */
export async function POST(request: Request): Promise<Response> {
  const admin = await requireAdmin();
  if (!fromOwnPages(request)) return new Response("Forbidden", { status: 403 });
  if (!isAllowed(admin.acl, "Magento_Catalog::update_attributes")) {
    return progressResponse(async () => {
      throw new Refusal("not_allowed", ACCESS_DENIED);
    });
  }
  const text = await request.text();
  let body: unknown = null;
  try {
    body = text.length <= MAX_BODY ? JSON.parse(text) : null;
  } catch {
    // Not JSON: refused below like any other body the form does not send.
  }
  const parsed = massUpdateRequestSchema.safeParse(body);
  return progressResponse(async (report) => {
    if (!parsed.success) throw invalidRequest(parsed.error);
    const { selection, values: update } = parsed.data;
    return massUpdateInventory(await getDb(), { selection, update, actor: admin, report });
  });
}
