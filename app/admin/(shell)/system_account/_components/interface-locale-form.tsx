"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { accountLocaleSchema, INTERFACE_LOCALES, type AccountLocaleValues, type InterfaceLocale } from "@/lib/validation/permissions";
import { changeInterfaceLocale } from "../actions";

/** Account Setting's Interface Locale: the admin's own language, saved on its own (no password needed). */
export function InterfaceLocaleForm({ locale }: { locale: InterfaceLocale }) {
  const t = useTranslations("System");
  const submit = useActionForm<AccountLocaleValues>({
    resolver: zodResolver(accountLocaleSchema),
    defaultValues: { interfaceLocale: locale },
    action: changeInterfaceLocale,
  });
  return (
    <ActionForm submit={submit} id="interface-locale-form" className="mt-6 max-w-2xl space-y-4">
      <fieldset className="space-y-4 border border-line bg-white p-6">
        <legend className="px-2 text-lg font-light">{t("account.locale.legend")}</legend>
        <Field
          name="interfaceLocale"
          id="account-interface-locale"
          label={t("account.locale.label")}
          options={INTERFACE_LOCALES.map((l) => ({ value: l.value, label: t(`interfaceLocales.${l.value}`) }))}
          hint={t("account.locale.hint")}
        />
        <Button type="submit" variant="primary" disabled={submit.pending}>
          {t("account.locale.save")}
        </Button>
      </fieldset>
    </ActionForm>
  );
}
