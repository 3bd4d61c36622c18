import { z } from "zod";
import { REQUIRED } from "./auth";

/**
 * Field builders with the messages of inventory-rules §1.1–1.2, shared by the admin forms and
 * the REST API: a form sends strings, JSON sends numbers, and both parse with the same schema.
 */
const NUMBER = "Please enter a valid number in this field.";
export const INTEGER = "Please enter a valid integer in this field.";
const GREATER_THAN_ZERO = "Please enter a number greater than 0 in this field.";
const ZERO_OR_GREATER = "Please enter a number 0 or greater in this field.";
/** Magento's Qty ceiling (inventory-rules §1.2). */
export const MAX_QTY = 99999999;
export const LESS_OR_EQUAL_MAX_QTY = `Please enter a value less than or equal to ${MAX_QTY}.`;
/** The floor of a quantity that may be negative (a source item's, a Notify Qty): the ceiling mirrored. */
export const GREATER_OR_EQUAL_MIN_QTY = `Please enter a value greater than or equal to ${-MAX_QTY}.`;
const TEXT = "Please enter text in this field.";
const YES_NO = "Please enter true or false (or 1 or 0) in this field.";

const missing = (input: unknown) => input === undefined || input === null;

/** "" and null are "nothing entered" (house style: an empty number is undefined, never 0). */
function blankToUndefined(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (text === "") return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : value;
}

function minMessage(min: number): string {
  if (min === 0) return ZERO_OR_GREATER;
  return min === -MAX_QTY ? GREATER_OR_EQUAL_MIN_QTY : `Please enter a number ${min} or greater in this field.`;
}

interface NumberRules {
  min?: { value: number; inclusive: boolean };
  max?: number;
  integer?: boolean;
}

function numberSchema(rules: NumberRules) {
  let schema = z.number({ error: (iss) => (missing(iss.input) ? REQUIRED : NUMBER) });
  if (rules.integer) schema = schema.int(INTEGER);
  if (rules.min) {
    schema = rules.min.inclusive
      ? schema.min(rules.min.value, minMessage(rules.min.value))
      : schema.gt(rules.min.value, rules.min.value === 0 ? GREATER_THAN_ZERO : `Please enter a number greater than ${rules.min.value} in this field.`);
  }
  if (rules.max !== undefined) {
    schema = schema.max(rules.max, rules.max === MAX_QTY ? LESS_OR_EQUAL_MAX_QTY : `Please enter a value less than or equal to ${rules.max}.`);
  }
  return schema;
}

/** A required number; numeric strings (form inputs) are read as numbers, "" is missing. */
export function numberField(rules: NumberRules = {}) {
  return z.preprocess(blankToUndefined, numberSchema(rules));
}

/** A number that may be left empty (undefined); rules apply when one is entered. */
export function optionalNumberField(rules: NumberRules = {}) {
  return z.preprocess(blankToUndefined, numberSchema(rules).optional());
}

/** A number that may be null ("Use Default"); "" and null both mean null. */
export function nullableNumberField(rules: NumberRules = {}) {
  return z.preprocess((v) => (blankToUndefined(v) === undefined ? null : blankToUndefined(v)), numberSchema(rules).nullable());
}

/** Yes/No as a form checkbox (boolean) or as Magento clients send it (1/0, "1"/"0", "true"/"false"). */
export function booleanField() {
  return z.preprocess(
    (v) => {
      if (v === 1 || v === "1" || v === "true") return true;
      if (v === 0 || v === "0" || v === "false") return false;
      return v;
    },
    z.boolean({ error: (iss) => (missing(iss.input) ? REQUIRED : YES_NO) }),
  );
}

/** Required text, trimmed, at most `max` characters (Magento's "validate-length" message). */
export function textField(max = 255) {
  return z
    .string({ error: (iss) => (missing(iss.input) ? REQUIRED : TEXT) })
    .trim()
    .min(1, REQUIRED)
    .max(max, `Please enter less or equal than ${max} symbols.`);
}

/** Optional free text: "" and null are stored as nothing. */
export function optionalTextField(max = 255) {
  return z.preprocess(
    (v) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v),
    z
      .string({ error: TEXT })
      .trim()
      .max(max, `Please enter less or equal than ${max} symbols.`)
      .optional(),
  );
}

/** Free text in a partial update: left out = unchanged, "" or null = cleared (null). */
export function clearableTextField(max = 255) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z
      .string({ error: TEXT })
      .trim()
      .max(max, `Please enter less or equal than ${max} symbols.`)
      .nullable()
      .optional(),
  );
}

const CODE = /^[A-Za-z0-9_.-]+$/;
const CODE_MESSAGE =
  "Please use only letters (a-z or A-Z), numbers (0-9), underscores (_), hyphens (-) or dots (.) in this field, without spaces.";

/** An identifier used in URLs (source code): no whitespace (Magento) and nothing needing escaping. */
export function codeField(max = 255) {
  return textField(max).regex(CODE, CODE_MESSAGE);
}

/** The largest id and integer the databases store (PostgreSQL's `integer`). */
export const MAX_INT4 = 2147483647;

/** A positive whole id (stock_id): from JSON, a URL segment or a form. */
export function idField() {
  return numberField({ integer: true, min: { value: 0, inclusive: false }, max: MAX_INT4 });
}

/**
 * A Magento data object: the known fields, plus Magento fields Stockroom accepts and ignores
 * (so Magento clients keep working); any other key is a typo and is refused, not silently dropped.
 */
export function magentoObject<T extends z.ZodRawShape, const I extends readonly string[] = readonly []>(
  shape: T,
  ignored?: I,
) {
  const ignoredShape = Object.fromEntries((ignored ?? []).map((key) => [key, z.unknown().optional()])) as Record<
    I[number],
    z.ZodOptional<z.ZodUnknown>
  >;
  return z.strictObject(
    { ...ignoredShape, ...shape },
    {
      error: (iss) => {
        if (iss.code === "unrecognized_keys") return `Unknown field(s): ${iss.keys.join(", ")}.`;
        if (iss.code === "invalid_type") return missing(iss.input) ? REQUIRED : "Please send an object here.";
        return undefined;
      },
    },
  );
}

/** A list of 1..max entries. */
export function listField<T extends z.ZodType>(item: T, max = 10000) {
  return z
    .array(item, { error: (iss) => (missing(iss.input) ? REQUIRED : "Please send a list here.") })
    .min(1, "Please send at least one entry.")
    .max(max, `Please send no more than ${max} entries at a time.`);
}
