import { ENGLISH_MESSAGES } from "./english-messages";
import { messageMatcher } from "./translate-message";

/** Which catalog entry an English message is (lib/i18n/translate-message.ts), built once. */
export const knownMessage = messageMatcher(ENGLISH_MESSAGES);

type Translate = (key: string, values: Record<string, string | number>) => string;

/**
 * `text` in the reader's language when the catalogs know it; as written otherwise (and in
 * English). An argument that is itself a known message ("5 units", a quoted label) is translated
 * too, so sentences composed of smaller ones read whole.
 */
export function translateWith(t: Translate, locale: string, text: string): string {
  if (locale === "en-US") return text;
  const known = knownMessage(text);
  if (!known) return text;
  const values = Object.fromEntries(
    Object.entries(known.values).map(([name, value]) => [name, typeof value === "string" ? translateWith(t, locale, value) : value]),
  );
  return t(known.key, values);
}
