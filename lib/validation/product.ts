import { z } from "zod";
import type { Backorders, ProductInventorySettings } from "@/lib/inventory";
import { REQUIRED } from "./auth";
import { codeField, GREATER_OR_EQUAL_MIN_QTY } from "./fields";

/** Magento's messages (inventory-rules §1.1, §1.2), client and server alike. */
export const VALID_NUMBER = "Please enter a valid number in this field.";
export const VALID_INTEGER = "Please enter a valid integer in this field.";
export const GREATER_THAN_ZERO = "Please enter a number greater than 0 in this field.";
export const ZERO_OR_GREATER = "Please enter a number 0 or greater in this field.";
export const QTY_INCREMENTS_DECIMALS = "Quantity increments can't use decimals. Enter a new increment and try again.";
const SELECT_OPTION = "Please select an option.";
const MAX_QTY = 99999999;
export const AT_MOST_MAX_QTY = `Please enter a value less than or equal to ${MAX_QTY}.`;
export const SKU_TAKEN = 'The value of the "SKU" attribute isn\'t unique. Set a unique value and try again.';
export const maxLength = (n: number) => `Please enter less or equal than ${n} symbols.`;

/**
 * A number typed in a text box or sent as JSON. "" and a missing value are empty (undefined, so
 * the required check speaks), never a silent 0; anything else that is not a finite number gets
 * "Please enter a valid number in this field.".
 */
const numberText = z
  .union([z.number(), z.string(), z.undefined(), z.null()], { error: VALID_NUMBER })
  .transform((v, ctx) => {
    if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) return undefined;
    const n = typeof v === "number" ? v : Number(v.trim());
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: VALID_NUMBER });
      return z.NEVER;
    }
    return n;
  });

/** A required number, at most 99999999 (Magento's qty limit), with an optional extra bound. */
function numberField(bound?: (n: z.ZodNumber) => z.ZodNumber) {
  const base = z.number({ error: REQUIRED }).max(MAX_QTY, { error: AT_MOST_MAX_QTY });
  return numberText.pipe(bound ? bound(base) : base);
}

/** Yes/No: a boolean, or Magento's 1/0 as number or string (REST bodies use both). */
const flag = z
  .union([z.boolean(), z.literal(0), z.literal(1), z.literal("0"), z.literal("1")], { error: SELECT_OPTION })
  .transform((v) => v === true || v === 1 || v === "1");

const backorders = z
  .union([z.literal(0), z.literal(1), z.literal(2), z.literal("0"), z.literal("1"), z.literal("2")], {
    error: SELECT_OPTION,
  })
  .transform((v) => Number(v) as Backorders);

/**
 * The Advanced Inventory panel, i.e. Magento's stock item, field by field (inventory-rules §1.2). Exported
 * without the cross-field rules so a REST PUT can take `.partial()` of it, merge the result over
 * the stored item and parse the whole with stockItemSchema.
 */
export const stockItemFields = z.object({
  // A source item's quantity, negative within the same bound as positive (as REST source items).
  qty: numberField((n) => n.min(-MAX_QTY, { error: GREATER_OR_EQUAL_MIN_QTY })),
  isInStock: flag,
  manageStock: flag,
  useConfigManageStock: flag,
  minQty: numberField(),
  useConfigMinQty: flag,
  minSaleQty: numberField((n) => n.min(0, { error: ZERO_OR_GREATER })),
  useConfigMinSaleQty: flag,
  maxSaleQty: numberField((n) => n.gt(0, { error: GREATER_THAN_ZERO })),
  useConfigMaxSaleQty: flag,
  isQtyDecimal: flag,
  isDecimalDivided: flag,
  backorders,
  useConfigBackorders: flag,
  notifyStockQty: numberField(),
  useConfigNotifyStockQty: flag,
  enableQtyIncrements: flag,
  useConfigEnableQtyInc: flag,
  qtyIncrements: numberField((n) => n.gt(0, { error: GREATER_THAN_ZERO })),
  useConfigQtyIncrements: flag,
});

/**
 * The whole stock item with Magento's cross-field rules: a product that does not use decimals
 * takes whole quantities only (inventory-rules §1.2). A field left on "Use Config Settings" holds the global
 * value, which is the configuration's to validate, so only overridden cart quantities are checked.
 * "Allow Multiple Boxes for Shipping" is forced to No when Qty Uses Decimals is No (inventory-rules §1.2).
 */
export const stockItemSchema = stockItemFields
  .superRefine((item, ctx) => {
    if (item.isQtyDecimal) return;
    const whole = (path: "qty" | "minSaleQty" | "maxSaleQty", value: number) => {
      if (!Number.isInteger(value)) ctx.addIssue({ code: "custom", path: [path], message: VALID_INTEGER });
    };
    whole("qty", item.qty);
    if (!item.useConfigMinSaleQty) whole("minSaleQty", item.minSaleQty);
    if (!item.useConfigMaxSaleQty) whole("maxSaleQty", item.maxSaleQty);
    if (!item.useConfigQtyIncrements && !Number.isInteger(item.qtyIncrements)) {
      ctx.addIssue({ code: "custom", path: ["qtyIncrements"], message: QTY_INCREMENTS_DECIMALS });
    }
  })
  .transform((item) => ({ ...item, isDecimalDivided: item.isQtyDecimal && item.isDecimalDivided }));

export type StockItemInput = z.input<typeof stockItemSchema>;
export type StockItemValues = z.output<typeof stockItemSchema>;

/** Product fields of the product form and of POST /rest/V1/products. */
export const productFields = z.object({
  enabled: flag,
  name: z
    .string({ error: REQUIRED })
    .trim()
    .min(1, { error: REQUIRED })
    .max(255, { error: maxLength(255) }),
  sku: z
    .string({ error: REQUIRED })
    .trim()
    .min(1, { error: REQUIRED })
    .max(64, { error: maxLength(64) }),
  price: numberField((n) => n.min(0, { error: ZERO_OR_GREATER })),
  typeId: z.enum(["simple", "virtual"], { error: SELECT_OPTION }),
});

/**
 * An assigned source as saved: null Notify Qty = "Use Default". It parses again to itself: the
 * form's resolver hands the parsed values to the server action, which parses them once more.
 */
export interface SourceAssignment {
  sourceCode: string;
  isInStock: boolean;
  qty: number;
  notifyUseDefault: boolean;
  notifyStockQty: number | null;
}

/** A source the product page can assign ("Assign Sources"). */
export interface SourceOption {
  code: string;
  name: string;
  enabled: boolean;
}

export const SOURCE_ASSIGNED_TWICE = "This source is already assigned to the product.";

/**
 * One row of the product page's assigned-sources grid (multi-source mode): the source item's
 * status, quantity and Notify Qty, with the stock item's field rules and messages. "Use Default"
 * checked stores null: the product's effective Notify for Quantity Below applies (inventory-rules §9), so
 * whatever the disabled box held is not read.
 */
const sourceAssignmentSchema = z
  .object({
    sourceCode: codeField(),
    isInStock: stockItemFields.shape.isInStock,
    qty: stockItemFields.shape.qty,
    notifyUseDefault: flag,
    notifyStockQty: z.unknown(),
  })
  .transform(({ notifyStockQty, ...row }, ctx): SourceAssignment => {
    if (row.notifyUseDefault) return { ...row, notifyStockQty: null };
    const notify = stockItemFields.shape.notifyStockQty.safeParse(notifyStockQty);
    if (notify.success) return { ...row, notifyStockQty: notify.data };
    for (const issue of notify.error.issues) ctx.addIssue({ code: "custom", path: ["notifyStockQty"], message: issue.message });
    return z.NEVER;
  });

export type SourceAssignmentInput = z.input<typeof sourceAssignmentSchema>;

/**
 * The product page: the product fields, its Advanced Inventory panel and, in multi-source mode,
 * its assigned sources (absent in single-source mode, where Quantity is the default source's).
 * A product without Qty Uses Decimals takes whole quantities at every source (inventory-rules §1.2).
 */
export const productFormSchema = productFields
  .extend({ stockItem: stockItemSchema, sources: z.array(sourceAssignmentSchema).max(1000).optional() })
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    form.sources?.forEach((row, i) => {
      if (!form.stockItem.isQtyDecimal && !Number.isInteger(row.qty)) {
        ctx.addIssue({ code: "custom", path: ["sources", i, "qty"], message: VALID_INTEGER });
      }
      if (seen.has(row.sourceCode)) ctx.addIssue({ code: "custom", path: ["sources", i, "sourceCode"], message: SOURCE_ASSIGNED_TWICE });
      seen.add(row.sourceCode);
    });
  });

export type ProductFormInput = z.input<typeof productFormSchema>;
export type ProductFormValues = z.output<typeof productFormSchema>;

/**
 * What the product page loaded, sent back with Save so a stale save is refused (no lost
 * updates): the product's version and the values it showed, as the server rendered them.
 */
export const productLockSchema = z.object({
  version: z.number().int().min(1),
  snapshot: z.record(z.string(), z.string()),
});
export type ProductLock = z.infer<typeof productLockSchema>;

/**
 * The settings the live notes of the panel are computed from while the admin types: each field
 * that parses on its own, else the value it had when the page loaded. A half-typed number never
 * blanks the notes out.
 */
export function settingsFromInput(
  input: Partial<Record<keyof ProductInventorySettings, unknown>>,
  fallback: ProductInventorySettings,
): ProductInventorySettings {
  const settings = { ...fallback };
  for (const key of Object.keys(fallback) as (keyof ProductInventorySettings)[]) {
    const parsed = stockItemFields.shape[key].safeParse(input[key]);
    if (parsed.success) Object.assign(settings, { [key]: parsed.data });
  }
  return settings;
}
