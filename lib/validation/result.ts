import { z } from "zod";

/** What every server action answers (house style habit 2): never a thrown validation error. */
export type ActionResult<T = undefined> =
  | { ok: true; message: string; data?: T }
  | { ok: false; fieldErrors: Record<string, string>; formError?: string };

/** zod issues keyed by their full dotted path ("inventory.minQty"), first message per field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
