export type QueryErrorKind = "invalid" | "not_found";

/** Replaces each %name in a Magento-style phrase with its parameter. */
export function renderPhrase(phrase: string, parameters: Readonly<Record<string, string | number>>): string {
  return phrase.replace(/%(\w+)/g, (whole, name: string) => (Object.hasOwn(parameters, name) ? String(parameters[name]) : whole));
}

/**
 * A write refused by a rule that needs the database (unknown SKU, Default Stock, …). Thrown
 * inside the write's transaction, so nothing is stored. The phrase keeps Magento's %placeholders
 * (the REST API answers them with their parameters); `message` is the rendered sentence for the
 * admin. `field` is the offending input's path relative to what the caller passed.
 */
export class QueryError extends Error {
  constructor(
    readonly kind: QueryErrorKind,
    readonly phrase: string,
    readonly parameters: Readonly<Record<string, string | number>> = {},
    readonly field?: string,
  ) {
    super(renderPhrase(phrase, parameters));
    this.name = "QueryError";
  }
}

export const notFound = (phrase: string, parameters: Record<string, string | number> = {}) =>
  new QueryError("not_found", phrase, parameters);

export const invalid = (phrase: string, parameters: Record<string, string | number> = {}, field?: string) =>
  new QueryError("invalid", phrase, parameters, field);
