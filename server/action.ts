import "server-only";
import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Db } from "@/db/connection";
import { isBusyError } from "@/db/errors";
import { ACCESS_DENIED, isAllowed, type AclResource } from "@/lib/auth/acl";
import type { Flash } from "@/lib/flash-cookie";
import { Refusal } from "@/lib/refusal";
import { fieldErrorsOf, STORE_BUSY, type ActionResult } from "@/lib/validation/result";
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
  /** Only sign-in works without a signed-in admin. */
  public?: boolean;
  /** The ACL resource the admin's role must grant (lib/auth/acl.ts); checked before the input is read. */
  resource?: AclResource;
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
 * An action that failed rather than refused, as the form shows it: nothing thrown reaches the
 * page (which would replace it and lose the merchant's input). Next's own throws (the guard's
 * redirect to sign-in) go on to Next. A busy database rolled the write back: try again.
 */
function failed(error: unknown, spec: ActionSpec<z.ZodType, unknown, unknown>): ActionResult<never> {
  unstable_rethrow(error);
  if (error instanceof Refusal) return refused(error, spec);
  if (isBusyError(error)) {
    console.warn("Server action refused: the database is busy", error);
    return { ok: false, fieldErrors: {}, formError: STORE_BUSY, failure: "busy" };
  }
  console.error("Server action failed", error);
  return { ok: false, fieldErrors: {}, formError: FAILED, failure: "error" };
}

/**
 * The one shape of every server action: the guard, the form's schema, the write, and its
 * answer. A Refusal thrown by the write (its transaction already rolled back) becomes the form's
 * field errors or message; anything else thrown before the write is done becomes the form's
 * message too (see failed), and is logged here.
 */
export function serverAction<S extends z.ZodType, R, D = undefined>(spec: ActionSpec<S, R, D>) {
  return async (input: unknown): Promise<ActionResult<D>> => {
    let result: R;
    try {
      const admin = spec.public ? null : await requireAdmin();
      if (spec.resource && !(admin && isAllowed(admin.acl, spec.resource))) return { ok: false, fieldErrors: {}, formError: ACCESS_DENIED };
      const parsed = spec.schema.safeParse(input);
      if (!parsed.success) {
        const { fieldErrors, unplaced } = formErrors(fieldErrorsOf(parsed.error), spec.fieldsUnder);
        return { ok: false, fieldErrors, formError: unplaced.length > 0 ? RELOAD : spec.invalidMessage };
      }
      result = await spec.run(parsed.data, { db: await getDb(), admin });
    } catch (error) {
      return failed(error, spec as ActionSpec<z.ZodType, unknown, unknown>);
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

/** The write's outcome is unknown to the form: the input stays, the page shows what is stored. */
const FAILED = "Something went wrong and this may not have been saved. Your entries are kept: try again, or reload the page to see what is stored.";
