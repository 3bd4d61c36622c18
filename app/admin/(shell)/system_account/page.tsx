import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { INTERFACE_LOCALES, type InterfaceLocale } from "@/lib/validation/permissions";
import { requireAdmin } from "@/server/auth/guard";
import { ChangePasswordForm } from "./_components/change-password-form";
import { InterfaceLocaleForm } from "./_components/interface-locale-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("System.account");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

const isInterfaceLocale = (code: string | undefined): code is InterfaceLocale => INTERFACE_LOCALES.some((l) => l.value === code);

/**
 * Account Setting: the signed-in admin's own password and Interface Locale (Magento's System >
 * Account Setting). The password needs "Your Password"; the language is saved on its own.
 */
export default async function AccountSettingPage() {
  const admin = await requireAdmin();
  return (
    <>
      <ChangePasswordForm username={admin.username} />
      <InterfaceLocaleForm locale={isInterfaceLocale(admin.locale) ? admin.locale : "en_US"} />
    </>
  );
}
