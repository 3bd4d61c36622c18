import { QueryError } from "@/db/queries/errors";
import type { ActionResult } from "@/lib/validation/result";

/**
 * A write refused by db/queries as the form's answer: at the field it names when the form has
 * that field, otherwise as the form's message. Anything else is not a refusal: rethrown.
 */
export function refusal(error: unknown, formFields: readonly string[]): ActionResult<never> {
  if (!(error instanceof QueryError)) throw error;
  if (error.field && formFields.includes(error.field)) return { ok: false, fieldErrors: { [error.field]: error.message } };
  return { ok: false, fieldErrors: {}, formError: error.message };
}
