"use client";

import { unstable_rethrow } from "next/navigation";
import { useState, useTransition } from "react";
import { flushSync } from "react-dom";
import { useForm, type FieldErrors, type FieldValues, type Path, type UseFormProps, type UseFormReturn } from "react-hook-form";
import type { ActionFailure, ActionResult } from "@/lib/validation/result";

/** What the form shows at its top about the last call of its action. */
export type ActionStatus<TData> =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "saved"; message: string; data?: TData }
  /**
   * Refused or failed; the form's message, when the answer has one a field cannot show. A failure
   * says whether the write surely did not happen ("busy") or may have ("error", or no answer).
   */
  | { kind: "refused"; formError?: string; failure?: ActionFailure };

const SEND_FAILED = "The request could not be completed. Check your connection and try again; your entries are kept.";

export interface ActionFormOptions<TInput extends FieldValues, TSent, TData> extends UseFormProps<TInput, unknown, TSent> {
  /** The server action, with the values as the resolver hands them over. */
  action: (values: TSent) => Promise<ActionResult<TData>>;
  /**
   * Called with the dotted paths of the messages about to show (the browser's check or the
   * action's answer), before focus moves to the first: open the dialog or group that holds them.
   */
  reveal?: (paths: string[]) => void;
  /** Shown at the top when the call itself fails (network, server error); the input stays. */
  failureMessage?: string;
}

export interface UseActionFormReturn<TInput extends FieldValues, TSent, TData> {
  form: UseFormReturn<TInput, unknown, TSent>;
  /** The <form>'s onSubmit: the resolver checks, then the action is called. */
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  /** Calls another action with the same handling of its answer (the order page's Cancel). */
  run: (call: () => Promise<ActionResult<TData>>) => void;
  pending: boolean;
  status: ActionStatus<TData>;
}

/** The dotted paths of RHF's nested errors: `{ stockItem: { minQty } }` → "stockItem.minQty". */
function errorPaths(errors: FieldErrors, prefix = ""): string[] {
  return Object.entries(errors).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (!value || typeof value !== "object") return [];
    return "message" in value && typeof value.message === "string" ? [path] : errorPaths(value as FieldErrors, path);
  });
}

/** The control a Field renders for the path (its `name`), if the page shows one. */
const controlOf = (path: string) => document.getElementsByName(path)[0] as HTMLElement | undefined;

/** The first of the paths' controls in page order. */
function firstControl(paths: string[]): HTMLElement | undefined {
  return paths
    .map(controlOf)
    .filter((el): el is HTMLElement => !!el)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
}

/**
 * One way to submit an admin form (house style habit 2): RHF checks with the form's resolver,
 * then the server action is called and its ActionResult applied. Field messages go to their
 * field by dotted path ("stockItem.minQty", "sources.0.qty"); the formError, or a message whose
 * field is not on the page, shows at the top; a call that throws keeps the input and says so.
 * A redirect (the save went through) is left to Next.
 */
export function useActionForm<TInput extends FieldValues, TSent = TInput, TData = undefined>({
  action,
  reveal,
  failureMessage = SEND_FAILED,
  ...formProps
}: ActionFormOptions<TInput, TSent, TData>): UseActionFormReturn<TInput, TSent, TData> {
  const form = useForm<TInput, unknown, TSent>(formProps);
  const [status, setStatus] = useState<ActionStatus<TData>>({ kind: "idle" });
  const [pending, startTransition] = useTransition();

  // flushSync: a group or dialog opened by reveal is on the page before focus moves into it.
  const show = (paths: string[]) => flushSync(() => reveal?.(paths));

  const apply = (result: ActionResult<TData>) => {
    if (result.ok) {
      setStatus({ kind: "saved", message: result.message, data: result.data });
      return;
    }
    const entries = Object.entries(result.fieldErrors);
    for (const [path, message] of entries) form.setError(path as Path<TInput>, { type: "server", message });
    show(entries.map(([path]) => path));
    const unshown = entries.find(([path]) => !controlOf(path));
    setStatus({ kind: "refused", formError: result.formError ?? unshown?.[1], failure: result.failure });
    firstControl(entries.map(([path]) => path))?.focus();
  };

  const run = (call: () => Promise<ActionResult<TData>>) =>
    startTransition(async () => {
      setStatus({ kind: "sending" });
      let result: ActionResult<TData>;
      try {
        result = await call();
      } catch (error) {
        // redirect() after a save rejects the call too: Next's router takes it from here.
        unstable_rethrow(error);
        setStatus({ kind: "refused", formError: failureMessage, failure: "error" });
        return;
      }
      apply(result);
    });

  const onSubmit = form.handleSubmit(
    (values) => run(() => action(values)),
    (errors) => show(errorPaths(errors)),
  );

  return { form, onSubmit, run, pending, status };
}
