"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { EditPageHeader } from "@/components/admin/page-header";
import { FieldError } from "@/components/form/field-error";
import { Message } from "@/components/ui/message";
import { sourceSchema } from "@/lib/validation/msi";
import { saveSourceAction } from "../actions";

export interface SourceFormValues {
  source_code: string;
  name: string;
  enabled: boolean;
  description: string;
  country_id: string;
  postcode: string;
}

type Field = keyof SourceFormValues;

const input = "mt-1 w-full max-w-md border border-line bg-white px-3 py-2";

/** New / Edit Source (Stores > Inventory > Sources), validated by the REST API's schema. */
export function SourceForm({
  title,
  originalCode,
  defaults,
  saved,
}: {
  title: string;
  originalCode: string | null;
  defaults: SourceFormValues;
  saved: boolean;
}) {
  const [result, setResult] = useState<{ kind: "success" | "error"; text: string } | null>(
    saved ? { kind: "success", text: "You saved the source." } : null,
  );
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, setError, formState } = useForm<z.input<typeof sourceSchema>, unknown, z.output<typeof sourceSchema>>({
    resolver: zodResolver(sourceSchema),
    defaultValues: defaults,
  });
  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setResult(null);
      const answer = await saveSourceAction(originalCode, values);
      if (answer.ok) return setResult({ kind: "success", text: answer.message });
      if (answer.formError) setResult({ kind: "error", text: answer.formError });
      for (const [name, message] of Object.entries(answer.fieldErrors)) setError(name as Field, { message });
    }),
  );
  const error = (field: Field) => formState.errors[field]?.message as string | undefined;
  const text = (field: Field, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div>
      <label htmlFor={field} className="block text-sm font-semibold">
        {label}
      </label>
      <input
        id={field}
        aria-invalid={!!error(field)}
        aria-describedby={`${field}-error`}
        className={input}
        {...props}
        {...register(field)}
      />
      <FieldError id={`${field}-error`} message={error(field)} />
    </div>
  );
  return (
    <>
      <EditPageHeader title={title} backHref="/admin/inventory/source" formId="source-form" pending={pending} />
      <form id="source-form" onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
        <div aria-live="polite">{result && <Message kind={result.kind}>{result.text}</Message>}</div>
        <fieldset className="space-y-4 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">General</legend>
          {text("name", "Name")}
          {text("source_code", "Code", originalCode === null ? {} : { readOnly: true, "aria-readonly": true })}
          <div>
            <div className="flex items-center gap-2">
              <input
                id="enabled"
                type="checkbox"
                aria-invalid={!!error("enabled")}
                aria-describedby="enabled-error"
                className="h-4 w-4"
                {...register("enabled")}
              />
              <label htmlFor="enabled" className="text-sm font-semibold">
                Enable
              </label>
            </div>
            <FieldError id="enabled-error" message={error("enabled")} />
          </div>
          <div>
            <label htmlFor="description" className="block text-sm font-semibold">
              Description
            </label>
            <textarea
              id="description"
              rows={3}
              aria-invalid={!!error("description")}
              aria-describedby="description-error"
              className={input}
              {...register("description")}
            />
            <FieldError id="description-error" message={error("description")} />
          </div>
        </fieldset>
        <fieldset className="space-y-4 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">Address Data</legend>
          {text("country_id", "Country", { maxLength: 2, autoComplete: "off", placeholder: "US" })}
          {text("postcode", "Postcode")}
        </fieldset>
      </form>
    </>
  );
}
