/**
 * Why a write was refused. REST answers `not_found` with 404 and every other kind with 400, as
 * Magento does; an admin form shows the message at the field it names, or at the top.
 */
export type RefusalKind =
  | "invalid" // an input breaks a rule that needs the database (unknown SKU, Default Stock, …)
  | "not_found" // the entity the request names does not exist
  | "stale" // the page was loaded before another change to the same entity
  | "conflict" // the write would break another entity (open reservations, orders)
  | "not_salable" // inventory-rules §4 refused an order line
  | "not_allowed"; // the entity's state forbids it (cancel a closed order, …)

export type PhraseParameters = Readonly<Record<string, string | number>>;

/** Replaces each %name in a Magento-style phrase with its parameter. */
export function renderPhrase(phrase: string, parameters: PhraseParameters): string {
  return phrase.replace(/%(\w+)/g, (whole, name: string) => (Object.hasOwn(parameters, name) ? String(parameters[name]) : whole));
}

/** One of several problems behind a refusal (REST lists them in `errors`). */
export interface RefusalDetail {
  message: string;
  parameters: PhraseParameters;
}

export interface RefusalOptions {
  parameters?: PhraseParameters;
  /** Dotted path of the offending input, relative to what the caller passed. */
  field?: string;
  /** More than one field at fault: dotted path → message (the phrase is then the form's message). */
  fieldErrors?: Readonly<Record<string, string>>;
  details?: readonly RefusalDetail[];
}

/**
 * The one way a write says no. Thrown inside the write's transaction, so nothing is stored; caught
 * only by the REST error mapper and the server-action wrapper. The phrase keeps Magento's
 * %placeholders (REST answers them with their parameters); `message` is the rendered sentence.
 */
export class Refusal extends Error {
  readonly parameters: PhraseParameters;
  readonly field?: string;
  readonly fieldErrors: Readonly<Record<string, string>>;
  readonly details: readonly RefusalDetail[];

  constructor(
    readonly kind: RefusalKind,
    readonly phrase: string,
    options: RefusalOptions = {},
  ) {
    super(renderPhrase(phrase, options.parameters ?? {}));
    this.name = "Refusal";
    this.parameters = options.parameters ?? {};
    this.field = options.field;
    this.fieldErrors = options.fieldErrors ?? {};
    this.details = options.details ?? [];
  }
}

export const notFound = (phrase: string, parameters: PhraseParameters = {}) => new Refusal("not_found", phrase, { parameters });

export const invalid = (phrase: string, parameters: PhraseParameters = {}, field?: string) =>
  new Refusal("invalid", phrase, { parameters, field });

/** Magento's answer for a product that does not exist, wherever a product is asked for. */
export const PRODUCT_NOT_FOUND = "The product that was requested doesn't exist. Verify the product and try again.";

export const productNotFound = () => notFound(PRODUCT_NOT_FOUND);
