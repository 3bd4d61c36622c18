"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { EditPageHeader } from "@/components/admin/page-header";
import { FieldError } from "@/components/form/field-error";
import { buttonClass } from "@/components/ui/button";
import { Message } from "@/components/ui/message";
import { stockFormSchema } from "@/lib/validation/msi";
import { saveStockAction } from "../actions";

export interface StockFormValues {
  name: string;
  websites: { code: string; selected: boolean }[];
  sources: { source_code: string; assigned: boolean; priority: string }[];
}

interface Labels {
  websites: Record<string, string>;
  sources: Record<string, { name: string; enabled: boolean }>;
}

/** New / Edit Stock (Stores > Inventory > Stocks): sales channels and sources with priorities. */
export function StockForm({
  title,
  id,
  defaults,
  labels,
  sourcesLocked,
  saved,
}: {
  title: string;
  id: number | null;
  defaults: StockFormValues;
  labels: Labels;
  /** Default Stock keeps the default source only (Magento). */
  sourcesLocked: boolean;
  saved: boolean;
}) {
  const [result, setResult] = useState<{ kind: "success" | "error"; text: string } | null>(
    saved ? { kind: "success", text: "You saved the stock." } : null,
  );
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, setError, formState } = useForm<
    z.input<typeof stockFormSchema>,
    unknown,
    z.output<typeof stockFormSchema>
  >({ resolver: zodResolver(stockFormSchema), defaultValues: defaults });
  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setResult(null);
      const answer = await saveStockAction(id, values);
      if (answer.ok) return setResult({ kind: "success", text: answer.message });
      if (answer.formError) setResult({ kind: "error", text: answer.formError });
      for (const [name, message] of Object.entries(answer.fieldErrors)) setError(name as "name", { message });
    }),
  );
  const { errors } = formState;
  return (
    <>
      <EditPageHeader title={title} backHref="/admin/inventory/stock" formId="stock-form" pending={pending} />
      <form id="stock-form" onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
        <div aria-live="polite">{result && <Message kind={result.kind}>{result.text}</Message>}</div>
        <fieldset className="space-y-4 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">General</legend>
          <div>
            <label htmlFor="name" className="block text-sm font-semibold">
              Name
            </label>
            <input
              id="name"
              aria-invalid={!!errors.name}
              aria-describedby="name-error"
              className="mt-1 w-full max-w-md border border-line bg-white px-3 py-2"
              {...register("name")}
            />
            <FieldError id="name-error" message={errors.name?.message} />
          </div>
        </fieldset>
        <fieldset className="space-y-2 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">Sales Channels</legend>
          <p className="text-sm text-muted">A website sells from one stock: ticking it here moves it from its current stock.</p>
          {defaults.websites.map((website, i) => (
            <div key={website.code} className="flex items-center gap-2">
              <input id={`website-${website.code}`} type="checkbox" className="h-4 w-4" {...register(`websites.${i}.selected`)} />
              <label htmlFor={`website-${website.code}`} className="text-sm">
                {labels.websites[website.code]}
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset className="space-y-2 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">Sources</legend>
          {sourcesLocked ? (
            <p className="text-sm">Default Stock always sells from Default Source only.</p>
          ) : defaults.sources.length === 0 ? (
            <p className="text-sm">
              There are no sources to assign yet: add them under{" "}
              <Link href="/admin/inventory/source/new" className={buttonClass("link")}>
                Stores &gt; Sources
              </Link>
              .
            </p>
          ) : (
            <table className="w-full max-w-2xl text-sm">
              <caption className="sr-only">Assigned sources</caption>
              <thead>
                <tr className="text-left">
                  <th scope="col" className="py-1">
                    Source
                  </th>
                  <th scope="col" className="py-1">
                    Status
                  </th>
                  <th scope="col" className="py-1">
                    Priority
                  </th>
                </tr>
              </thead>
              <tbody>
                {defaults.sources.map((source, i) => {
                  const label = labels.sources[source.source_code];
                  const error = errors.sources?.[i]?.priority?.message;
                  return (
                    <tr key={source.source_code} className="border-t border-line">
                      <td className="py-2">
                        <input
                          id={`assign-${source.source_code}`}
                          type="checkbox"
                          className="mr-2 h-4 w-4 align-middle"
                          {...register(`sources.${i}.assigned`)}
                        />
                        <label htmlFor={`assign-${source.source_code}`}>Assign {label.name}</label>
                      </td>
                      <td className="py-2">{label.enabled ? "Enabled" : "Disabled"}</td>
                      <td className="py-2">
                        <label htmlFor={`priority-${source.source_code}`} className="sr-only">
                          Priority for {label.name}
                        </label>
                        <input
                          id={`priority-${source.source_code}`}
                          inputMode="numeric"
                          aria-invalid={!!error}
                          aria-describedby={`priority-${source.source_code}-error`}
                          className="w-24 border border-line px-2 py-1"
                          {...register(`sources.${i}.priority`)}
                        />
                        <FieldError id={`priority-${source.source_code}-error`} message={error} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </fieldset>
      </form>
    </>
  );
}
