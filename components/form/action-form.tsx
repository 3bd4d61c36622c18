"use client";

import { FormProvider, type FieldValues } from "react-hook-form";
import { Message } from "@/components/ui/message";
import { useTranslateMessage } from "@/components/ui/use-translate-message";
import type { ActionFailure } from "@/lib/validation/result";
import type { ActionStatus, UseActionFormReturn } from "./use-action-form";

interface StatusProps<TData> {
  status: ActionStatus<TData>;
  /** What the last redirect left to say (FlashMessages), until the form is sent again. */
  notice?: React.ReactNode;
  /** More to say under the success message, from the action's data (warnings, notices). */
  saved?: (data: TData | undefined) => React.ReactNode;
  /** More to say under the message of a failed call: what it means for the user's work. */
  failed?: (failure: ActionFailure) => React.ReactNode;
}

/** The form's messages: "saved" and notices politely, the form's error assertively. */
export function FormStatus<TData>({ status, notice, saved, failed }: StatusProps<TData>) {
  const translate = useTranslateMessage();
  return (
    <div className="space-y-2">
      <div aria-live="polite" className="space-y-2">
        {status.kind === "idle" && notice}
        {status.kind === "saved" && (
          <>
            <Message kind="success">{translate(status.message)}</Message>
            {saved?.(status.data)}
          </>
        )}
      </div>
      <div aria-live="assertive">
        {status.kind === "refused" && status.formError && (
          <Message kind="error">
            {translate(status.formError)}
            {status.failure && failed?.(status.failure)}
          </Message>
        )}
      </div>
    </div>
  );
}

type FormProps = Omit<React.FormHTMLAttributes<HTMLFormElement>, "onSubmit" | "noValidate">;

/**
 * An admin form on useActionForm: the form's context for its Fields, submit through the action,
 * and its messages at the top, unless the page shows a FormStatus of its own elsewhere.
 */
export function ActionForm<TInput extends FieldValues, TSent, TData>({
  submit,
  notice,
  saved,
  failed,
  statusElsewhere = false,
  children,
  ...props
}: FormProps &
  Omit<StatusProps<TData>, "status"> & {
    submit: UseActionFormReturn<TInput, TSent, TData>;
    statusElsewhere?: boolean;
  }) {
  return (
    <FormProvider {...submit.form}>
      <form {...props} onSubmit={submit.onSubmit} noValidate>
        {!statusElsewhere && <FormStatus status={submit.status} notice={notice} saved={saved} failed={failed} />}
        {children}
      </form>
    </FormProvider>
  );
}
