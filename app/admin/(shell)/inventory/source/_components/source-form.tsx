"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { EditPageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { useActionForm } from "@/components/form/use-action-form";
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

/** New / Edit Source (Stores > Inventory > Sources), validated by the REST API's schema. */
export function SourceForm({
  title,
  originalCode,
  defaults,
  notice,
}: {
  title: string;
  originalCode: string | null;
  defaults: SourceFormValues;
  /** What the last save left to say ("You saved the source."). */
  notice?: React.ReactNode;
}) {
  const t = useTranslations("Inventory.sources.form");
  const submit = useActionForm<z.input<typeof sourceSchema>, z.output<typeof sourceSchema>>({
    resolver: zodResolver(sourceSchema),
    defaultValues: defaults,
    action: (values) => saveSourceAction(originalCode, values),
  });
  return (
    <>
      <EditPageHeader title={title} backHref="/admin/inventory/source" formId="source-form" pending={submit.pending} />
      <ActionForm submit={submit} notice={notice} id="source-form" className="mt-6 space-y-4">
        <fieldset className="space-y-4 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">{t("general")}</legend>
          <Field name="name" label={t("name")} />
          <Field name="source_code" label={t("code")} readOnly={originalCode !== null} />
          <Field name="enabled" label={t("enable")} type="checkbox" />
          <Field name="description" label={t("description")} type="textarea" rows={3} />
        </fieldset>
        <fieldset className="space-y-4 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">{t("address")}</legend>
          <Field name="country_id" label={t("country")} maxLength={2} autoComplete="off" placeholder="US" />
          <Field name="postcode" label={t("postcode")} />
        </fieldset>
      </ActionForm>
    </>
  );
}
