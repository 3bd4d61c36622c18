import Link from "next/link";
import { useTranslations } from "next-intl";

/** Magento's storefront 404, for an unknown product or store view. */
export default function StorefrontNotFound() {
  const t = useTranslations("Shell");
  return (
    <div className="py-10">
      <h1 className="text-3xl font-light">{t("whoops")}</h1>
      <p className="mt-4">{t("requestedNotFound")}</p>
      <p className="mt-2">
        <Link href="/preview" className="text-[#006bb4] underline hover:no-underline">
          {t("goToStoreHome")}
        </Link>
      </p>
    </div>
  );
}
