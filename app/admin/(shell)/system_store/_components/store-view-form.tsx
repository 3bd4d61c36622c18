"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { EditPageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { useActionForm } from "@/components/form/use-action-form";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LOCALES, type LocaleCode } from "@/lib/i18n/locales";
import { storeViewSchema } from "@/lib/validation/stores";
import { deleteStoreViewAction, saveStoreViewAction } from "../actions";

export interface StoreViewFormValues {
  group_id: string;
  name: string;
  code: string;
  is_active: boolean;
  sort_order: string;
  locale: LocaleCode;
}

const LOCALE_OPTIONS = LOCALES.map((l) => ({ value: l.code, label: l.label }));

/** New / Edit Store View (Stores > All Stores). Its store's Default Store View stays enabled and cannot be deleted. */
export function StoreViewForm({
  id,
  defaults,
  groups,
  isDefault,
}: {
  id: number | null;
  defaults: StoreViewFormValues;
  groups: { value: string; label: string }[];
  isDefault: boolean;
}) {
  const t = useTranslations("Stores");
  const status = [
    { value: "1", label: t("status.enabled") },
    { value: "0", label: t("status.disabled") },
  ];
  const submit = useActionForm<z.input<typeof storeViewSchema>, z.output<typeof storeViewSchema>>({
    resolver: zodResolver(storeViewSchema),
    defaultValues: defaults,
    action: (values) => saveStoreViewAction(id, values),
  });
  return (
    <>
      <EditPageHeader title={id === null ? t("storeView.newTitle") : defaults.name} backHref="/admin/system_store" formId="store-view-form" pending={submit.pending} />
      <ActionForm submit={submit} id="store-view-form" className="mt-6 space-y-4">
        <fieldset className="space-y-4 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">{t("storeView.legend")}</legend>
          <Field name="group_id" label={t("fields.store")} type="select" options={groups} required />
          <Field name="name" label={t("fields.name")} required />
          <Field name="code" label={t("fields.code")} required hint={t("codeHint")} />
          <Field
            name="is_active"
            label={t("fields.status")}
            type="select"
            options={status}
            format={(value) => (value === true || value === "1" ? "1" : "0")}
            parse={(text) => text === "1"}
            hint={isDefault ? t("storeView.isDefaultHint") : undefined}
          />
          <Field name="sort_order" label={t("fields.sortOrder")} inputMode="numeric" />
          <Field
            name="locale"
            label={t("fields.locale")}
            type="select"
            options={LOCALE_OPTIONS}
            required
            hint={t("storeView.localeHint")}
          />
        </fieldset>
      </ActionForm>
      {id !== null && !isDefault && (
        <div className="mt-6">
          <ConfirmDialog
            trigger={t("storeView.delete")}
            title={t("storeView.delete")}
            message={t("storeView.deleteMessage", { name: defaults.name })}
            action={() => deleteStoreViewAction(id)}
          />
        </div>
      )}
    </>
  );
}
