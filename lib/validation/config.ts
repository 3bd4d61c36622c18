import { z } from "zod";
import {
  CONFIG_FIELDS,
  fieldAppliesAtScope,
  fieldByPath,
  fieldOptions,
  formatQty,
  type ConfigField,
  type InventoryConfigKey,
  type Scope,
} from "@/lib/inventory";
import { REQUIRED } from "./auth";
import { numberField } from "./fields";

// Magento's own client-side validation messages (inventory-rules §1.1), shown under the field.
const VALID_NUMBER = "Please enter a valid number in this field.";
const GREATER_THAN_ZERO = "Please enter a number greater than 0 in this field.";
const NO_DECIMAL_INCREMENTS = "Quantity increments can't use decimals. Enter a new increment and try again.";
const SELECT_OPTION = "Please select an option.";
export const CONFIG_SAVED = "You saved the configuration.";

/** Stores > Configuration > Catalog > Inventory at Default Config (spec screens-and-api). */
const CONFIG_PAGE = "/admin/system_config/edit/section/cataloginventory";

/** The page's URL at a scope: `…/website/{websiteId}`, `…/store/{storeId}`. */
export function configPageHref(scope: Scope, scopeId: number): string {
  if (scope === "websites") return `${CONFIG_PAGE}/website/${scopeId}`;
  if (scope === "stores") return `${CONFIG_PAGE}/store/${scopeId}`;
  return CONFIG_PAGE;
}

/** Plain decimal notation only: Number() would also take "0x10", "1e3" and "Infinity". */
const NUMBER_TEXT = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

type NumberRule = "any" | "positive" | "notNegative" | "positiveInteger";

/** Inventory-rules §1.1 values column: what each number field accepts beyond "a number". */
const NUMBER_RULES: Partial<Record<InventoryConfigKey, NumberRule>> = {
  maxSaleQty: "positive",
  minSaleQty: "notNegative",
  qtyIncrements: "positiveInteger",
};

/** The message that refuses what the merchant typed for the field, or null (inventory-rules §1.1). */
export function configValueError(field: ConfigField, input: string): string | null {
  const text = input.trim();
  if (field.input !== "number") return fieldOptions(field).some((option) => option.value === text) ? null : SELECT_OPTION;
  if (text === "") return REQUIRED;
  if (!NUMBER_TEXT.test(text)) return VALID_NUMBER;
  const n = Number(text);
  const rule = NUMBER_RULES[field.key] ?? "any";
  if ((rule === "positive" || rule === "positiveInteger") && !(n > 0)) return GREATER_THAN_ZERO;
  // Magento's min_sale_qty input carries validate-greater-than-zero, so a negative gets that
  // message; 0 stays valid here, where it means "no minimum" (inventory-rules §1.1, §1.3).
  if (rule === "notNegative" && n < 0) return GREATER_THAN_ZERO;
  if (rule === "positiveInteger" && !Number.isInteger(n)) return NO_DECIMAL_INCREMENTS;
  return null;
}

/** How a valid value is stored: trimmed, numbers in canonical form ("-50.0" → "-50"). */
export function canonicalConfigValue(field: ConfigField, input: string): string {
  const text = input.trim();
  return field.input === "number" ? String(Number(text) + 0) : text;
}

/** Minimum Qty above Maximum Qty blocks the save; a maximum of 0 means none (inventory-rules §1.3). */
export function minMaxSaleQtyError(minSaleQty: number, maxSaleQty: number): string | null {
  return maxSaleQty > 0 && minSaleQty > maxSaleQty
    ? `The Minimum Qty Allowed in Shopping Cart can't be greater than the Maximum Qty Allowed in Shopping Cart (${formatQty(maxSaleQty)}).`
    : null;
}

export interface ConfigValueIssue {
  path: string;
  message: string;
}

/**
 * Checks a values map keyed by full path (null = inherit) with exactly the page's field rules,
 * for the scope it is saved at: unknown paths, fields the scope does not show and a null for a
 * field that cannot inherit are refused too. Shared by the form, its server action and REST.
 */
export function configValueIssues(scope: Scope, values: Readonly<Record<string, string | null>>): ConfigValueIssue[] {
  return Object.entries(values).flatMap(([path, value]) => {
    const field = fieldByPath(path);
    if (!field) return [{ path, message: `"${path}" is not a setting of Catalog > Inventory.` }];
    if (!fieldAppliesAtScope(field, scope)) return [{ path, message: `${field.label} can't be set at this scope.` }];
    if (value === null) return field.canInherit ? [] : [{ path, message: REQUIRED }];
    const message = configValueError(field, value);
    return message ? [{ path, message }] : [];
  });
}

/** Magento's scope names: Default Config, a website, a store view (inventory-rules §1.1). */
export const configScopeSchema = z.enum(["default", "websites", "stores"]);

/** Default Config is scope id 0; websites and store views have ids from 1 (spec: ids as in Magento). */
const scopeIdSchema = z.number().int().min(0);

/** A scope id as a URL names it (`…/config/websites/1`): a whole number from 0. */
export const configScopeIdParam = numberField({ integer: true, min: { value: 0, inclusive: true }, max: 2147483647 });

const VALUES_OBJECT = "Please send an object of setting paths and their values.";
const VALUE_TYPE = "Please send the value as text or a number, or null to inherit it.";

function checkScopeId(scope: Scope, scopeId: number, ctx: z.RefinementCtx): void {
  if ((scope === "default") !== (scopeId === 0)) {
    ctx.addIssue({ code: "custom", path: ["scopeId"], message: "This scope does not exist." });
  }
}

/** What a save stores at one scope: values keyed by full path, null = remove (inherit). */
export interface ConfigSave {
  scope: Scope;
  scopeId: number;
  values: Record<string, string | null>;
  /**
   * What the merchant saw stored for each changed path when the page loaded: a save is refused
   * when someone else changed it since, instead of silently overwriting them. Absent in REST.
   */
  expected?: Record<string, string | null>;
}

/** A checked values map as stored; unknown paths were refused by configValueIssues before. */
function canonicalValues(values: Record<string, string | null>): Record<string, string | null> {
  return Object.fromEntries(
    Object.entries(values).map(([path, value]) => [
      path,
      value === null ? null : canonicalConfigValue(fieldByPath(path)!, value),
    ]),
  );
}

/** Values keyed by full path, as text or numbers; null removes the value (the field inherits). */
export const configValuesField = z.record(
  z.string(),
  z.union([z.string(), z.number().transform(String)], { error: VALUE_TYPE }).nullable(),
  { error: (iss) => (iss.input === undefined ? REQUIRED : VALUES_OBJECT) },
);

/**
 * `{scope, scopeId, values}` with values keyed by full path, as `PUT /rest/V1/stockroom/config/
 * {scope}/{scopeId}` receives it (spec screens-and-api). Issues are keyed `values.<path>`.
 */
export const configValuesSchema = z
  .object({ scope: configScopeSchema, scopeId: scopeIdSchema, values: configValuesField })
  .superRefine((input, ctx) => {
    checkScopeId(input.scope, input.scopeId, ctx);
    for (const issue of configValueIssues(input.scope, input.values)) {
      ctx.addIssue({ code: "custom", path: ["values", issue.path], message: issue.message });
    }
  })
  .transform((input): ConfigSave => ({ ...input, values: canonicalValues(input.values) }));

const KEYS = CONFIG_FIELDS.map((field) => field.key) as [InventoryConfigKey, ...InventoryConfigKey[]];
const keySchema = z.enum(KEYS);

/** The form's name of a field's input: errors come back under it. */
export function formFieldName(key: InventoryConfigKey): `fields.${InventoryConfigKey}.value` {
  return `fields.${key}.value`;
}

type FormFields = Partial<Record<InventoryConfigKey, { inherit: boolean; value: string }>>;

/**
 * The form as a values map keyed by path (null = inherit). A dependent field (Qty Increments)
 * takes part only while its master shows the value it needs: hidden, it is neither checked nor
 * saved (inventory-rules §1.1).
 */
function formValues(fields: FormFields): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  for (const field of CONFIG_FIELDS) {
    const state = fields[field.key];
    if (!state) continue;
    if (field.dependsOn && fields[field.dependsOn.key]?.value.trim() !== field.dependsOn.value) continue;
    values[field.path] = state.inherit ? null : state.value;
  }
  return values;
}

/**
 * The configuration page's form: each field's inherit checkbox and the text its input shows (the
 * inherited value while checked), plus what was stored when the page loaded. Parsed by the
 * react-hook-form resolver and again by the server action; the output is the ConfigSave of the
 * fields the merchant changed. Issues are keyed `fields.<key>.value`.
 */
export const configFormSchema = z
  .object({
    scope: configScopeSchema,
    scopeId: scopeIdSchema,
    fields: z.partialRecord(keySchema, z.object({ inherit: z.boolean(), value: z.string() })),
    loaded: z.partialRecord(keySchema, z.string().nullable()),
  })
  .superRefine((form, ctx) => {
    checkScopeId(form.scope, form.scopeId, ctx);
    for (const issue of configValueIssues(form.scope, formValues(form.fields))) {
      ctx.addIssue({ code: "custom", path: ["fields", fieldByPath(issue.path)!.key, "value"], message: issue.message });
    }
    // The inputs show inherited values too, so this compares what will be in force at the scope.
    const min = form.fields.minSaleQty?.value.trim() ?? "";
    const max = form.fields.maxSaleQty?.value.trim() ?? "";
    if (NUMBER_TEXT.test(min) && NUMBER_TEXT.test(max)) {
      const message = minMaxSaleQtyError(Number(min), Number(max));
      if (message) ctx.addIssue({ code: "custom", path: ["fields", "minSaleQty", "value"], message });
    }
  })
  .transform((form): Required<ConfigSave> => {
    const values: Record<string, string | null> = {};
    const expected: Record<string, string | null> = {};
    for (const [path, value] of Object.entries(canonicalValues(formValues(form.fields)))) {
      const field = fieldByPath(path)!;
      const stored = form.loaded[field.key] ?? null;
      // A field without an inherit checkbox holds its system default while nothing is stored.
      if (value === (stored ?? (field.canInherit ? null : field.systemDefault))) continue;
      values[path] = value;
      expected[path] = stored;
    }
    return { scope: form.scope, scopeId: form.scopeId, values, expected };
  });

export type ConfigForm = z.input<typeof configFormSchema>;
