import { NextIntlClientProvider } from "next-intl";
import { CATALOGS, type Catalog } from "@/lib/i18n/catalogs";
import type { LocaleTag } from "@/lib/i18n/locales";

/**
 * A storefront page speaks its store view's locale, whatever the admin's Interface Locale: the
 * client components inside (stock labels, the Qty box and its messages, the sell-down chart) read
 * it from here, with the namespaces they use. A page renders this only once its admin is checked,
 * so a redirect to sign-in carries none of it.
 */
const pick = ({ Common, Storefront, Messages }: Catalog) => ({ Common, Storefront, Messages });

export function StorefrontLocale({ locale, children }: { locale: LocaleTag; children: React.ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} messages={pick(CATALOGS[locale])}>
      <div lang={locale}>{children}</div>
    </NextIntlClientProvider>
  );
}
