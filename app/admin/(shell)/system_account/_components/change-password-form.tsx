"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { PageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { IdentityVerification } from "@/components/form/identity-verification";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/validation/auth";
import { changePassword } from "../actions";

const EMPTY: ChangePasswordInput = { currentPassword: "", newPassword: "", passwordConfirmation: "" };

export function ChangePasswordForm({ username }: { username: string }) {
  const t = useTranslations("System.account");
  const submit = useActionForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: EMPTY,
    action: changePassword,
  });
  const { status, form } = submit;
  // Saved: no password stays in the page.
  useEffect(() => {
    if (status.kind === "saved") form.reset(EMPTY);
  }, [status, form]);
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <Button type="submit" form="change-password-form" variant="primary" disabled={submit.pending}>
            {t("save")}
          </Button>
        }
      />
      <ActionForm submit={submit} id="change-password-form" className="mt-6 max-w-2xl space-y-4">
        <fieldset className="space-y-4 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">{t("accountInformation")}</legend>
          <p className="text-sm">{t.rich("userName", { username, strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <Field
            name="newPassword"
            label={t("newPassword")}
            type="password"
            autoComplete="new-password"
            required
            hint={t("newPasswordHint")}
          />
          <Field name="passwordConfirmation" label={t("passwordConfirmation")} type="password" autoComplete="new-password" required />
        </fieldset>
        <IdentityVerification />
      </ActionForm>
    </>
  );
}
