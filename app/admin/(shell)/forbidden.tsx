import Link from "next/link";
import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/admin/page-header";

/** Magento's admin "denied" page, inside the menu: the admin's role lacks this page's resource (server/auth/guard.ts requireResource). */
export default function AdminForbidden() {
  const t = useTranslations("Shell");
  return (
    <>
      <PageHeader title={t("forbidden")} />
      <p className="mt-6 max-w-3xl">{t("roleLacksPage")}</p>
      <p className="mt-2">
        <Link href="/admin" className="text-link underline hover:no-underline">
          {t("goToStartPage")}
        </Link>
      </p>
    </>
  );
}
