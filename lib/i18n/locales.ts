/**
 * The locales Stockroom speaks, by Magento's code (what an admin account's Interface Locale and a
 * store view's locale store) and by the BCP 47 tag browsers, Intl and next-intl use.
 */
export const LOCALES = [
  { code: "en_US", tag: "en-US", label: "English (United States)" },
  { code: "nl_NL", tag: "nl-NL", label: "Nederlands (Nederland) / Dutch (Netherlands)" },
] as const;

export type LocaleCode = (typeof LOCALES)[number]["code"];
export type LocaleTag = (typeof LOCALES)[number]["tag"];

export const LOCALE_CODES = LOCALES.map((l) => l.code) as [LocaleCode, ...LocaleCode[]];

/** The tag of a Magento locale code; English (United States) for anything unknown. */
export function localeTag(code: string | null | undefined): LocaleTag {
  return LOCALES.find((l) => l.code === code)?.tag ?? "en-US";
}
