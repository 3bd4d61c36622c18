"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { EditPageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { IdentityVerification } from "@/components/form/identity-verification";
import { useActionForm } from "@/components/form/use-action-form";
import { editUserSchema, INTERFACE_LOCALES, newUserSchema, type UserFormInput, type UserValues } from "@/lib/validation/permissions";
import { saveUserAction } from "../actions";

const FORM_ID = "user-form";

/** New / Edit User (System > Permissions > All Users), Magento's sections: account, role, and "Your Password". */
export function UserForm({
  title,
  userId,
  defaults,
  roles,
}: {
  title: string;
  /** The saved account; null on New User. */
  userId: number | null;
  defaults: UserFormInput;
  roles: { id: number; name: string }[];
}) {
  const t = useTranslations("System");
  const isNew = userId === null;
  const statusOptions = [
    { value: "1", label: t("users.active") },
    { value: "0", label: t("users.inactive") },
  ];
  const localeOptions = INTERFACE_LOCALES.map((l) => ({ value: l.value, label: t(`interfaceLocales.${l.value}`) }));
  const submit = useActionForm<UserFormInput, UserValues>({
    resolver: zodResolver(isNew ? newUserSchema : editUserSchema),
    defaultValues: defaults,
    action: (values) => saveUserAction(userId, values),
  });
  return (
    <>
      <EditPageHeader title={title} backHref="/admin/user" formId={FORM_ID} pending={submit.pending} />
      <ActionForm submit={submit} id={FORM_ID} className="mt-6 max-w-3xl space-y-4">
        <fieldset className="space-y-4 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">{t("users.form.accountInformation")}</legend>
          <Field name="username" label={t("users.form.userName")} required autoComplete="off" />
          <Field name="firstName" label={t("users.form.firstName")} required autoComplete="off" />
          <Field name="lastName" label={t("users.form.lastName")} required autoComplete="off" />
          <Field name="email" label={t("users.form.email")} required autoComplete="off" />
          <Field
            name="password"
            label={isNew ? t("users.form.password") : t("users.form.newPassword")}
            type="password"
            autoComplete="new-password"
            required={isNew}
            hint={isNew ? t("users.form.passwordHintNew") : t("users.form.passwordHintEdit")}
          />
          <Field name="passwordConfirmation" label={t("users.form.passwordConfirmation")} type="password" autoComplete="new-password" required={isNew} />
          <Field
            name="interfaceLocale"
            label={t("users.form.interfaceLocale")}
            options={localeOptions}
            hint={t("users.form.interfaceLocaleHint")}
          />
          <Field
            name="isActive"
            label={t("users.form.isActive")}
            options={statusOptions}
            format={(value) => (value === true || value === "1" || value === 1 ? "1" : "0")}
            parse={(text) => text === "1"}
            hint={t("users.form.isActiveHint")}
          />
        </fieldset>
        <fieldset className="space-y-4 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">{t("users.form.userRole")}</legend>
          <Field
            name="roleId"
            label={t("users.form.role")}
            required
            options={[{ value: "", label: t("users.form.selectRole") }, ...roles.map((role) => ({ value: String(role.id), label: role.name }))]}
            hint={t("users.form.roleHint")}
          />
        </fieldset>
        <IdentityVerification />
      </ActionForm>
    </>
  );
}
