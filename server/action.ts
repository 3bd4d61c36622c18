import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { Db } from "@/db/connection";
import type { Flash } from "@/lib/flash-cookie";
import { Refusal } from "@/lib/refusal";
import { fieldErrorsOf, type ActionResult } from "@/lib/validation/result";
import { requireAdmin, type AdminUser } from "./auth/guard";
import { getDb } from "./db";
import { setFlash } from "./flash";

/** What a successful action does next: answer the form, or go to a page with flash messages. */
type ActionOutcome<D> = { message: string; data?: D } | { redirect: string; flash: Flash[] };

export interface ActionSpec<S extends z.ZodType, R, D> {
  /** The form's own zod schema: the server always parses again (an action is a public POST). */
  schema: S;
  /** Shown at the top of the form when a field is invalid. */
  invalidMessage?: string;
  /** Only the cart and sign-in work without a signed-in admin. */
  public?: boolean;
  /** Field errors under this key of the input are the form's fields ("values" → "sku"). */
  fieldsUnder?: string;
  /** Turns a refusal's field path into the form's field name, where the write names fields its own way. */
  fieldName?: (path: string) => string | undefined;
  run(input: z.infer<S>, ctx: { db: Db; admin: AdminUser | null }): Promise<R>;
  /** Every page that shows what the write changed, with the pages below it ("/" = all). */
  revalidate: readonly string[] | ((result: R) => readonly string[]);
  done(result: R): ActionOutcome<D>;
}

/** Field errors keyed by the form's dotted paths; what no form field holds goes to the top. */
function formErrors(errors: Record<string, string>, fieldsUnder?: string, fieldName?: (path: string) => string | undefined) {
  const fieldErrors: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(errors)) {
    const under = !fieldsUnder ? path : path.startsWith(`${fieldsUnder}.`) ? path.slice(fieldsUnder.length + 1) : undefined;
    const name = under !== undefined && fieldName ? fieldName(under) : under;
    if (name) fieldErrors[name] = message;
    else unplaced.push(message);
  }
  return { fieldErrors, unplaced };
}

function refused(refusal: Refusal, spec: ActionSpec<z.ZodType, unknown, unknown>): ActionResult<never> {
  const named = refusal.field === undefined ? { ...refusal.fieldErrors } : { [refusal.field]: refusal.message, ...refusal.fieldErrors };
  // A write names fields as the form does (its input is the form's values), so no `fieldsUnder` here.
  const { fieldErrors, unplaced } = formErrors(named, undefined, spec.fieldName);
  const formError = unplaced.length > 0 || Object.keys(fieldErrors).length === 0 ? refusal.message : spec.invalidMessage;
  return { ok: false, fieldErrors, ...(formError ? { formError } : {}) };
}

/**
 * The one shape of every server action: the guard, the form's schema, the write, and its
 * answer. A Refusal thrown by the write (its transaction already rolled back) becomes the form's
 * field errors or message; anything else is a bug and reaches the error boundary.
 */
export function serverAction<S extends z.ZodType, R, D = undefined>(spec: ActionSpec<S, R, D>) {
  return async (input: unknown): Promise<ActionResult<D>> => {
    const admin = spec.public ? null : await requireAdmin();
    const parsed = spec.schema.safeParse(input);
    if (!parsed.success) {
      const { fieldErrors, unplaced } = formErrors(fieldErrorsOf(parsed.error), spec.fieldsUnder);
      return { ok: false, fieldErrors, formError: unplaced.length > 0 ? RELOAD : spec.invalidMessage };
    }
    let result: R;
    try {
      result = await spec.run(parsed.data, { db: await getDb(), admin });
    } catch (error) {
      if (error instanceof Refusal) return refused(error, spec as ActionSpec<z.ZodType, unknown, unknown>);
      throw error;
    }
    const paths = typeof spec.revalidate === "function" ? spec.revalidate(result) : spec.revalidate;
    for (const path of paths) revalidatePath(path, "layout");
    const outcome = spec.done(result);
    if ("redirect" in outcome) {
      if (outcome.flash.length > 0) await setFlash(outcome.flash);
      redirect(outcome.redirect);
    }
    return { ok: true, message: outcome.message, ...(outcome.data === undefined ? {} : { data: outcome.data }) };
  };
}

/** The request itself was not what the page sends: a page from an older version of the app. */
const RELOAD = "This page is out of date. Reload it, then make your changes again.";
