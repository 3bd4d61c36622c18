import type { LocaleTag } from "./locales";

/**
 * Numbers and dates as a reader of the locale writes them: Dutch has the decimal comma. Quantities
 * keep lib/inventory's 4 places and no grouping, so an English quantity reads exactly as the
 * rules engine's formatQty writes it ("1234.5"); in Dutch the same is "1234,5".
 */
const quantityFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatQuantity(qty: number, locale: LocaleTag): string {
  let format = quantityFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 4, useGrouping: false });
    quantityFormats.set(locale, format);
  }
  // Intl writes "-0" for a negative zero; the rules engine writes "0".
  return format.format(qty === 0 ? 0 : qty);
}

/** A stored ISO timestamp; the server's clock is UTC, so the text says so. */
export function formatDateTime(iso: string, locale: LocaleTag = "en-US"): string {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
    dateTimeFormats.set(locale, format);
  }
  return `${format.format(new Date(iso))} UTC`;
}
