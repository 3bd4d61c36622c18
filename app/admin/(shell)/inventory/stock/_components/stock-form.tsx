"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { EditPageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { useActionForm } from "@/components/form/use-action-form";
import { buttonClass } from "@/components/ui/button";
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
  notice,
}: {
  title: string;
  id: number | null;
  defaults: StockFormValues;
  labels: Labels;
  /** Default Stock keeps the default source only (Magento). */
  sourcesLocked: boolean;
  /** What the last save left to say ("You saved the stock."). */
  notice?: React.ReactNode;
}) {
  const t = useTranslations("Inventory.stocks.form");
  const common = useTranslations("Common");
  const submit = useActionForm<z.input<typeof stockFormSchema>, z.output<typeof stockFormSchema>>({
    resolver: zodResolver(stockFormSchema),
    defaultValues: defaults,
    action: (values) => saveStockAction(id, values),
  });
  return (
    <>
      <EditPageHeader title={title} backHref="/admin/inventory/stock" formId="stock-form" pending={submit.pending} />
      <ActionForm submit={submit} notice={notice} id="stock-form" className="mt-6 space-y-4">
        <fieldset className="space-y-4 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">{t("general")}</legend>
          <Field name="name" label={t("name")} />
        </fieldset>
        <fieldset className="space-y-2 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">{t("salesChannels")}</legend>
          <p className="text-sm text-muted">{t("salesChannelsHint")}</p>
          {defaults.websites.map((website, i) => (
            <Field
              key={website.code}
              name={`websites.${i}.selected`}
              id={`website-${website.code}`}
              label={labels.websites[website.code]}
              type="checkbox"
            />
          ))}
        </fieldset>
        <fieldset className="space-y-2 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">{t("sources")}</legend>
          {sourcesLocked ? (
            <p className="text-sm">{t("defaultOnly")}</p>
          ) : defaults.sources.length === 0 ? (
            <p className="text-sm">
              {t.rich("noSources", {
                link: (chunks) => (
                  <Link href="/admin/inventory/source/new" className={buttonClass("link")}>
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          ) : (
            <table className="w-full max-w-2xl text-sm">
              <caption className="sr-only">{t("caption")}</caption>
              <thead>
                <tr className="text-left">
                  <th scope="col" className="py-1">
                    {t("source")}
                  </th>
                  <th scope="col" className="py-1">
                    {t("status")}
                  </th>
                  <th scope="col" className="py-1">
                    {t("priority")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {defaults.sources.map((source, i) => {
                  const label = labels.sources[source.source_code];
                  return (
                    <tr key={source.source_code} className="border-t border-line align-top">
                      <td className="py-2">
                        <Field
                          name={`sources.${i}.assigned`}
                          id={`assign-${source.source_code}`}
                          label={t("assign", { name: label.name })}
                          type="checkbox"
                        />
                      </td>
                      <td className="py-2">{common(label.enabled ? "enabled" : "disabled")}</td>
                      <td className="py-2">
                        <Field
                          name={`sources.${i}.priority`}
                          id={`priority-${source.source_code}`}
                          label={t("priorityFor", { name: label.name })}
                          hideLabel
                          inputMode="numeric"
                          controlClassName="w-24 border-line px-2 py-1"
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </fieldset>
      </ActionForm>
    </>
  );
}
