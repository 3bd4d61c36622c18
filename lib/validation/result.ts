import { z } from "zod";

/**
 * Why an action failed rather than refused: "busy" = the database could not take the write now
 * and rolled it back (nothing was stored, trying again is safe); "error" = anything else, whose
 * outcome the form cannot know.
 */
export type ActionFailure = "busy" | "error";

/** What every server action answers (house style habit 2): never a thrown validation error. */
export type ActionResult<T = undefined> =
  | { ok: true; message: string; data?: T }
  | { ok: false; fieldErrors: Record<string, string>; formError?: string; failure?: ActionFailure };

/** A busy database, on a form and over REST (503 with Retry-After). */
export const STORE_BUSY = "The store is busy. Try again in a moment.";

/** zod issues keyed by their full dotted path ("inventory.minQty"), first message per field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
