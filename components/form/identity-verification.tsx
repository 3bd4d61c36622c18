"use client";

import { useTranslations } from "next-intl";
import { Field } from "./field";

/** Magento's "Current User Identity Verification": the signed-in admin's own password, form field `currentPassword`. */
export function IdentityVerification() {
  const t = useTranslations("Common");
  return (
    <fieldset className="space-y-4 border border-line bg-white p-6">
      <legend className="px-2 text-lg font-light">{t("identityVerification")}</legend>
      <Field name="currentPassword" label={t("yourPassword")} type="password" autoComplete="current-password" required />
    </fieldset>
  );
}
