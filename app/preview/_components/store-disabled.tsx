import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StorefrontLocale } from "@/components/storefront/storefront-locale";
import { localeTag } from "@/lib/i18n/locales";

/** A disabled store view has no storefront: say so, and where to enable it. */
export async function StoreDisabled({ store }: { store: { code: string; name: string; locale: string } }) {
  const locale = localeTag(store.locale);
  const t = await getTranslations({ locale, namespace: "Storefront" });
  return (
    <StorefrontLocale locale={locale}>
      <div className="py-10">
        <h1 className="text-3xl font-light">{t("disabledTitle")}</h1>
        <p className="mt-4">{t("disabledText", { name: store.name, code: store.code })}</p>
        <p className="mt-2">
          <Link href="/preview" className="text-[#006bb4] underline hover:no-underline">
            {t("previewDefault")}
          </Link>
        </p>
      </div>
    </StorefrontLocale>
  );
}
