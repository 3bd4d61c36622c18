import type { Catalog } from "@/lib/i18n/catalogs";
import type { LocaleTag } from "@/lib/i18n/locales";

// next-intl checks every t("key") against the English catalog, and locales against ours.
declare module "next-intl" {
  interface AppConfig {
    Locale: LocaleTag;
    Messages: Catalog;
  }
}
