"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { EditPageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { useActionForm } from "@/components/form/use-action-form";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { websiteSchema } from "@/lib/validation/stores";
import { deleteWebsiteAction, saveWebsiteAction } from "../actions";

export interface WebsiteFormValues {
  name: string;
  code: string;
  sort_order: string;
  default_group_id?: string;
  is_default: boolean;
}

/** New / Edit Web Site (Stores > All Stores). The Default Store is chosen once the website has stores. */
export function WebsiteForm({
  id,
  defaults,
  groups,
}: {
  id: number | null;
  defaults: WebsiteFormValues;
  groups: { value: string; label: string }[];
}) {
  const t = useTranslations("Stores");
  const submit = useActionForm<z.input<typeof websiteSchema>, z.output<typeof websiteSchema>>({
    resolver: zodResolver(websiteSchema),
    defaultValues: defaults,
    action: (values) => saveWebsiteAction(id, values),
  });
  return (
    <>
      <EditPageHeader title={id === null ? t("website.newTitle") : defaults.name} backHref="/admin/system_store" formId="website-form" pending={submit.pending} />
      <ActionForm submit={submit} id="website-form" className="mt-6 space-y-4">
        <fieldset className="space-y-4 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">{t("website.legend")}</legend>
          <Field name="name" label={t("fields.name")} required />
          <Field name="code" label={t("fields.code")} required hint={t("codeHint")} />
          <Field name="sort_order" label={t("fields.sortOrder")} inputMode="numeric" />
          {id !== null && groups.length > 0 && <Field name="default_group_id" label={t("fields.defaultStore")} type="select" options={groups} />}
          <Field name="is_default" label={t("fields.setAsDefault")} type="checkbox" disabled={defaults.is_default} hint={defaults.is_default ? t("website.isDefaultHint") : undefined} />
        </fieldset>
      </ActionForm>
      {id !== null && !defaults.is_default && (
        <div className="mt-6">
          <ConfirmDialog
            trigger={t("website.delete")}
            title={t("website.delete")}
            message={t("website.deleteMessage", { name: defaults.name })}
            action={() => deleteWebsiteAction(id)}
          />
        </div>
      )}
    </>
  );
}
