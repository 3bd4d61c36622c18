import enUS from "./en-US/errors.json";
import nlNL from "./nl-NL/errors.json";
import type { LocaleTag } from "./locales";

/**
 * What the error boundaries say. Kept out of the catalogs a page carries (NextIntlClientProvider):
 * the boundaries are in the browser's bundle instead, so a page that works never holds the words
 * of one that failed.
 */
export const ERROR_CATALOGS: Record<LocaleTag, typeof enUS> = { "en-US": enUS, "nl-NL": nlNL };
