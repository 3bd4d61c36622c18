"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { EditPageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { useActionForm } from "@/components/form/use-action-form";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { storeGroupSchema } from "@/lib/validation/stores";
import { deleteStoreGroupAction, saveStoreGroupAction } from "../actions";

export interface StoreGroupFormValues {
  website_id: string;
  name: string;
  code: string;
  default_store_id?: string;
}

type Choice = { value: string; label: string };

/** New / Edit Store (Stores > All Stores). A store stays in the website it was made in. */
export function StoreGroupForm({
  id,
  defaults,
  websites,
  views,
  canDelete,
}: {
  id: number | null;
  defaults: StoreGroupFormValues;
  websites: Choice[];
  views: Choice[];
  canDelete: boolean;
}) {
  const t = useTranslations("Stores");
  const submit = useActionForm<z.input<typeof storeGroupSchema>, z.output<typeof storeGroupSchema>>({
    resolver: zodResolver(storeGroupSchema),
    defaultValues: defaults,
    action: (values) => saveStoreGroupAction(id, values),
  });
  return (
    <>
      <EditPageHeader title={id === null ? t("store.newTitle") : defaults.name} backHref="/admin/system_store" formId="store-group-form" pending={submit.pending} />
      <ActionForm submit={submit} id="store-group-form" className="mt-6 space-y-4">
        <fieldset className="space-y-4 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">{t("store.legend")}</legend>
          <Field name="website_id" label={t("fields.website")} type="select" options={websites} disabled={id !== null} required />
          <Field name="name" label={t("fields.name")} required />
          <Field name="code" label={t("fields.code")} required hint={t("codeHint")} />
          {id !== null && views.length > 0 && <Field name="default_store_id" label={t("fields.defaultStoreView")} type="select" options={views} />}
        </fieldset>
      </ActionForm>
      {id !== null && canDelete && (
        <div className="mt-6">
          <ConfirmDialog
            trigger={t("store.delete")}
            title={t("store.delete")}
            message={t("store.deleteMessage", { name: defaults.name })}
            action={() => deleteStoreGroupAction(id)}
          />
        </div>
      )}
    </>
  );
}
