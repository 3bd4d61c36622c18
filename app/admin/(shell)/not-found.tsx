import Link from "next/link";
import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/admin/page-header";

/** Magento's admin 404, inside the menu: an unknown product, stock, source or order id. */
export default function AdminNotFound() {
  const t = useTranslations("Shell");
  return (
    <>
      <PageHeader title={t("error404")} />
      <p className="mt-6">{t("pageNotFound")}</p>
      <p className="mt-2">
        <Link href="/admin/dashboard" className="text-link underline hover:no-underline">
          {t("goToDashboard")}
        </Link>
      </p>
    </>
  );
}
