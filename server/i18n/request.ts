import "server-only";
import { getRequestConfig } from "next-intl/server";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { localeTag } from "@/lib/i18n/locales";
import { currentAdmin } from "@/server/auth/guard";

/**
 * next-intl's configuration of a request (next.config.ts names this file): the signed-in admin's
 * Interface Locale, English (United States) before sign-in. The storefront preview speaks its
 * store view's locale instead (app/preview). Dates are written in UTC, the server's clock.
 */
export default getRequestConfig(async () => {
  const locale = localeTag((await currentAdmin())?.locale);
  return { locale, messages: CATALOGS[locale], timeZone: "UTC" };
});
