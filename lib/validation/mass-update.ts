import { z } from "zod";
import {
  ADVANCED_INVENTORY_FIELDS,
  USE_CONFIG_FLAGS,
  effectiveSettings,
  formatQty,
  type OverridableField,
  type ProductInventorySettings,
  type ResolvedInventoryConfig,
} from "@/lib/inventory";
import type { Flash } from "@/lib/flash-cookie";
import { minMaxSaleQtyError } from "./config";
import { MAX_INT4 } from "./fields";
import { firstParam } from "./grid";
import { stockItemFields, stockItemSchema } from "./product";
import { gridSearchParams, parseGridParams, type ProductGridQuery } from "./product-grid";

/*
 * Catalog > Products > Actions > Update attributes, the Advanced Inventory tab: which products
 * (the grid's selection, carried in the URL) and which fields change (only those whose "Change"
 * is checked). Quantity and Stock Status are not here: they are source items' (Magento's mass
 * update of them goes through sources), and each product keeps its own.
 */

/** The stock-item fields the form changes, in the order of inventory-rules §1.2. */
export const MASS_UPDATE_FIELDS = [
  "manageStock",
  "minQty",
  "minSaleQty",
  "maxSaleQty",
  "isQtyDecimal",
  "isDecimalDivided",
  "backorders",
  "notifyStockQty",
  "enableQtyIncrements",
  "qtyIncrements",
] as const;
export type MassUpdateField = (typeof MASS_UPDATE_FIELDS)[number];

const massUpdateLabel = (field: MassUpdateField) => ADVANCED_INVENTORY_FIELDS.find((f) => f.field === field)!.label;
export const isOverridable = (field: MassUpdateField): field is MassUpdateField & OverridableField => field in USE_CONFIG_FLAGS;

// ── Which products: the URL of the form, and the body of its save ──

type RawParams = Record<string, string | string[] | undefined>;
type GridFilter = Pick<ProductGridQuery, "q" | "filters">;

/** Ids ticked one by one travel in the URL: at most this many (a longer URL is refused by servers). */
export const MAX_SELECTED_IDS = 1000;

/**
 * The products an update covers: ids ticked one by one, or "Select All" = every product the
 * grid's search and filters match (the server finds them again), less those unticked since.
 */
export type MassSelection = { kind: "ids"; ids: number[] } | { kind: "filter"; grid: GridFilter; excluded: number[] };

const allValues = (value: string | string[] | undefined) => [value ?? []].flat();

function idList(value: string | string[] | undefined): number[] {
  const ids = allValues(value)
    .flatMap((text) => text.split(","))
    .map((text) => Number(text.trim()))
    .filter((n) => Number.isSafeInteger(n) && n > 0 && n <= MAX_INT4);
  return [...new Set(ids)].slice(0, MAX_SELECTED_IDS);
}

/** `?selected=3,5,9`, or `?selected=all` with the grid's filter parameters and `excluded=…`; null when it names none. */
export function parseMassSelection(params: RawParams): MassSelection | null {
  if (firstParam(params.selected) === "all") {
    const { q, filters } = parseGridParams(params);
    return { kind: "filter", grid: { q, filters }, excluded: idList(params.excluded) };
  }
  const ids = idList(params.selected);
  return ids.length > 0 ? { kind: "ids", ids } : null;
}

/** The grid's filter parameters alone (no sort or page): what "all matching" means. */
function filterParams(grid: GridFilter): URLSearchParams {
  return gridSearchParams({ ...grid, sort: "id", dir: "asc", page: 1, limit: 20 });
}

export function massSelectionParams(selection: MassSelection): URLSearchParams {
  if (selection.kind === "ids") return new URLSearchParams({ selected: selection.ids.join(",") });
  const params = new URLSearchParams({ selected: "all" });
  for (const [key, value] of filterParams(selection.grid)) params.set(key, value);
  if (selection.excluded.length > 0) params.set("excluded", selection.excluded.join(","));
  return params;
}

export const MASS_UPDATE_PATH = "/admin/catalog/product_action_attribute/edit";
export const MASS_UPDATE_SAVE_PATH = "/admin/catalog/product_action_attribute/save";

/** The grid the update came from: its filtered view for "all matching". */
export function gridHrefOf(selection: MassSelection | null): string {
  const params = selection?.kind === "filter" ? filterParams(selection.grid).toString() : "";
  return params ? `/admin/catalog/product?${params}` : "/admin/catalog/product";
}

/** The selection from the form's query string (`selected=all&q=tee`), as the page read it. */
export function massSelectionFromSearch(text: string): MassSelection | null {
  const search = new URLSearchParams(text);
  const params: RawParams = {};
  for (const key of new Set(search.keys())) params[key] = search.getAll(key);
  return parseMassSelection(params);
}

/** The selection as the form's URL holds it, read again on the server. */
const selectionText = z
  .string()
  .max(20_000)
  .transform((text, ctx) => {
    const selection = massSelectionFromSearch(text);
    if (selection) return selection;
    ctx.addIssue({ code: "custom", message: NO_PRODUCTS });
    return z.NEVER;
  });

/** Magento's words when the update names no product. */
export const NO_PRODUCTS = "Please select products for attributes update.";

// ── Which fields: "Change" checked, then the value or "Use Config Settings" ──

/** The form as typed: a "Change" per field, and the stock item's values and flags (strings while typed). */
export interface MassUpdateFormInput {
  change: Partial<Record<MassUpdateField, boolean>>;
  stockItem: Partial<Record<keyof ProductInventorySettings, unknown>>;
}

/** What to write on every product: the changed fields' values and "Use Config Settings" flags. */
export interface MassUpdate {
  changed: MassUpdateField[];
  patch: Partial<ProductInventorySettings>;
}

export const NOTHING_TO_CHANGE = 'Check "Change" beside at least one field to update.';

/**
 * The form, parsed field by field with the product page's own field schemas and messages
 * (stockItemFields): only fields whose "Change" is checked are read, as Magento does; a field
 * left on "Use Config Settings" takes no value of its own.
 */
export const massUpdateFormSchema = z
  .object({
    change: z.partialRecord(z.enum(MASS_UPDATE_FIELDS), z.boolean()),
    stockItem: z.record(z.string().max(40), z.unknown()),
  })
  .transform((form, ctx): MassUpdate => {
    const changed = MASS_UPDATE_FIELDS.filter((field) => form.change[field] === true);
    if (changed.length === 0) ctx.addIssue({ code: "custom", path: ["change", MASS_UPDATE_FIELDS[0]], message: NOTHING_TO_CHANGE });
    const patch: Partial<ProductInventorySettings> = {};
    const read = (key: keyof ProductInventorySettings) => {
      const parsed = stockItemFields.shape[key].safeParse(form.stockItem[key]);
      if (parsed.success) Object.assign(patch, { [key]: parsed.data });
      else for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: ["stockItem", key], message: issue.message });
      return parsed.success ? parsed.data : undefined;
    };
    for (const field of changed) {
      if (isOverridable(field) && read(USE_CONFIG_FLAGS[field]) !== false) continue;
      read(field);
    }
    return { changed, patch };
  });

/** The save's body: the form's URL selection and the form as typed; the server parses both again. */
export const massUpdateRequestSchema = z.object({ selection: selectionText, values: massUpdateFormSchema });

// ── Each product with the update applied: the product page's rules, per product ──

export interface MassUpdateTarget {
  sku: string;
  settings: ProductInventorySettings;
  /** Its source items' quantities: a product without decimal quantities holds whole ones. */
  quantities: readonly number[];
}

export type MassUpdateOutcome = { settings: ProductInventorySettings } | { field: MassUpdateField; message: string };

/**
 * A product's settings with the update applied, checked as its product page checks them
 * (stockItemSchema: whole cart quantities and increments without Qty Uses Decimals, Allow
 * Multiple Boxes forced to No) and, when a cart limit changes, Minimum ≤ Maximum as in force
 * for it. A failure names the product and the field, so the whole update can be refused.
 */
export function applyMassUpdate(target: MassUpdateTarget, update: MassUpdate, config: ResolvedInventoryConfig): MassUpdateOutcome {
  const fractional = target.quantities.find((qty) => !Number.isInteger(qty));
  const parsed = stockItemSchema.safeParse({ ...target.settings, ...update.patch, qty: fractional ?? 0, isInStock: true });
  if (!parsed.success) {
    const key = String(parsed.error.issues[0].path[0]);
    if (key === "qty") {
      return { field: "isQtyDecimal", message: `Product "${target.sku}" holds a quantity of ${formatQty(fractional!)}, so it needs Qty Uses Decimals = Yes.` };
    }
    const field = (MASS_UPDATE_FIELDS as readonly string[]).includes(key) ? (key as MassUpdateField) : update.changed[0];
    return { field, message: `Product "${target.sku}": ${massUpdateLabel(field)}: ${parsed.error.issues[0].message}` };
  }
  const { qty: _qty, isInStock: _isInStock, ...settings } = parsed.data;
  const limits = update.changed.filter((field) => field === "minSaleQty" || field === "maxSaleQty");
  if (limits.length > 0) {
    const eff = effectiveSettings(settings, config.values, config.origins);
    const message = minMaxSaleQtyError(eff.minSaleQty.value, eff.maxSaleQty.value);
    if (message) return { field: limits[0], message: `Product "${target.sku}": ${message}` };
  }
  return { settings };
}

// ── The outcome ──

export const massUpdateResultSchema = z.object({
  /** Products the update covered (Magento's "records updated"). */
  covered: z.number().int().min(0),
  /** Of those, products whose settings changed (the rest already had these values). */
  changed: z.number().int().min(0),
  /** Inventory-rules §8 switched these default source items. */
  toOutOfStock: z.number().int().min(0),
  toInStock: z.number().int().min(0),
});
export type MassUpdateResult = z.infer<typeof massUpdateResultSchema>;

const products = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "product" : "products"}`;

/** What the grid says after the update: Magento's sentence, then what else happened. */
export function massUpdateMessages(result: MassUpdateResult): Flash[] {
  const unchanged = result.covered - result.changed;
  return [
    { kind: "success", text: `A total of ${result.covered} record(s) were updated.` },
    ...(unchanged > 0 ? [{ kind: "info" as const, text: `${products(unchanged)} already had these values and were left as they were.` }] : []),
    ...(result.toOutOfStock > 0
      ? [{ kind: "warning" as const, text: `Stock Status of ${products(result.toOutOfStock)} was set Out of Stock automatically: quantity is at or below the threshold.` }]
      : []),
    ...(result.toInStock > 0
      ? [{ kind: "info" as const, text: `Stock Status of ${products(result.toInStock)} was set back In Stock: quantity is above the threshold again.` }]
      : []),
  ];
}
