import {
ADVANCED_INVENTORY_FIELDS,
STOCK_STATUS_OPTIONS,
USE_CONFIG_FLAGS,
formatQty,
optionLabel,
type OverridableField,
type SourceItemStatus,
} from "@/lib/inventory";
import type { AuditChange, AuditValue } from "./action-log";
import type { ProductFormValues } from "./product";

/** The product form's values as stored; in multi-source mode the sources are listed apart. */
export type StoredFormValues = Omit<ProductFormValues, "sources">;

/** What the lock needs of a source item the product is assigned to. */
interface LockedSourceItem {
  sourceCode: string;
  quantity: number;
  status: SourceItemStatus;
  /** null = "Use Default". */
  notifyStockQty: number | null;
}

const yesNo = (v: boolean) => (v ? "Yes" : "No");
const statusLabel = (status: SourceItemStatus) => STOCK_STATUS_OPTIONS.find((o) => o.value === status)!.label;
/** Field names of assigned sources ("source:north"); a missing one reads "Not assigned". */
const SOURCE_FIELD = "source:";
/** Labels of assigned sources ("Source north") in the lock snapshot. */
const SOURCE_LABEL = "Source ";
const NOT_ASSIGNED = "Not assigned";
const labelOf = (field: string) => ADVANCED_INVENTORY_FIELDS.find((f) => f.field === field)!.label;
const OVERRIDABLE = Object.keys(USE_CONFIG_FLAGS) as OverridableField[];

/** One field of the product page as stored: its form name, the label the page shows, its value. */
interface ProductFieldValue {
  field: string;
  label: string;
  /** An overridable setting on "Use Config Settings" is null: a configuration change is not a change to the product. */
  value: AuditValue;
}

/** Field by field, what the product page shows: the values the lock, the audit and a revert compare. */
function productFieldValues(values: StoredFormValues, singleSourceMode: boolean, items: readonly LockedSourceItem[]): ProductFieldValue[] {
  const item = values.stockItem;
  const fields: ProductFieldValue[] = [
    { field: "enabled", label: "Enable Product", value: values.enabled },
    { field: "name", label: "Product Name", value: values.name },
    { field: "sku", label: "SKU", value: values.sku },
    { field: "price", label: "Price", value: values.price },
  ];
  if (singleSourceMode) {
    fields.push({ field: "qty", label: "Quantity", value: item.qty }, { field: "isInStock", label: labelOf("stockStatus"), value: item.isInStock });
  } else {
    // Keyed by code: renaming a source elsewhere is not a change to this product.
    for (const source of items) {
      const notify = source.notifyStockQty === null ? "Use Default" : formatQty(source.notifyStockQty);
      fields.push({
        field: `${SOURCE_FIELD}${source.sourceCode}`,
        label: `${SOURCE_LABEL}${source.sourceCode}`,
        value: `Qty ${formatQty(source.quantity)}, ${statusLabel(source.status)}, Notify Qty ${notify}`,
      });
    }
  }
  for (const field of OVERRIDABLE) {
    fields.push({ field, label: labelOf(field), value: item[USE_CONFIG_FLAGS[field]] ? null : item[field] });
  }
  fields.push(
    { field: "isQtyDecimal", label: labelOf("isQtyDecimal"), value: item.isQtyDecimal },
    { field: "isDecimalDivided", label: labelOf("isDecimalDivided"), value: item.isDecimalDivided },
  );
  return fields;
}

const isOverridable = (field: string): field is OverridableField => (OVERRIDABLE as string[]).includes(field);

/** A product field's value as the product page words it ("Use Config Settings", "No Backorders", "In Stock"). */
export function productValueText(field: string, value: AuditValue | undefined): string {
  if (value === undefined) return field.startsWith(SOURCE_FIELD) ? NOT_ASSIGNED : "";
  if (isOverridable(field)) return value === null ? "Use Config Settings" : optionLabel(field, value);
  if (typeof value === "boolean") return field === "isInStock" ? statusLabel(value ? 1 : 0) : yesNo(value);
  return typeof value === "number" ? formatQty(value) : String(value);
}

/**
 * What the product page shows, field by field, as the admin reads it: the lock a save is checked
 * against and the wording of what changed. A field on "Use Config Settings" reads as such, so a
 * configuration change is not mistaken for a change to the product.
 */
export function lockSnapshot(
  values: StoredFormValues,
  singleSourceMode: boolean,
  items: readonly LockedSourceItem[],
): Record<string, string> {
  return Object.fromEntries(
    productFieldValues(values, singleSourceMode, items).map(({ field, label, value }) => [label, productValueText(field, value)]),
  );
}

/**
 * A product save's changes for the audit log, field by field with the stored values (old → new),
 * so the Action Log can show them and revert them. A source assigned or unassigned reads "Not assigned" on the other side.
 */
export function productAuditChanges(
  before: { values: StoredFormValues; items: readonly LockedSourceItem[] } | null,
  after: { values: StoredFormValues; items: readonly LockedSourceItem[] },
  singleSourceMode: boolean,
): AuditChange[] {
  const old = new Map(before ? productFieldValues(before.values, singleSourceMode, before.items).map((f) => [f.field, f]) : []);
  const now = productFieldValues(after.values, singleSourceMode, after.items);
  const missing = (field: string) => (field.startsWith(SOURCE_FIELD) ? NOT_ASSIGNED : null);
  const gone = [...old.values()].filter((f) => !now.some((n) => n.field === f.field));
  return [
    ...now.map((f) => ({ field: f.field, label: f.label, old: old.has(f.field) ? old.get(f.field)!.value : missing(f.field), new: f.value })),
    ...gone.map((f) => ({ field: f.field, label: f.label, old: f.value, new: missing(f.field) })),
  ].filter((change) => change.old !== change.new);
}

/** The fields a revert can set back through the product save: all but the assigned sources (multi-source mode). */
export const isRevertableProductField = (field: string) => !field.startsWith(SOURCE_FIELD);

/**
 * The changes of a product entry that no longer hold the value the entry set: the product was
 * changed again since, so reverting would undo someone else's change too.
 */
export function productChangedSince(
  changes: readonly AuditChange[],
  current: { values: StoredFormValues; items: readonly LockedSourceItem[] },
  singleSourceMode: boolean,
): { change: AuditChange; now: AuditValue | undefined }[] {
  const values = new Map(productFieldValues(current.values, singleSourceMode, current.items).map((f) => [f.field, f.value]));
  return changes
    .map((change) => ({ change, now: values.get(change.field) }))
    .filter(({ change, now }) => now !== change.new);
}

/**
 * The stored values a revert writes: each field back to its old value, over the product as it
 * is now; an overridable setting whose old value was "Use Config Settings" takes the flag again.
 */
export function revertedProductValues(current: StoredFormValues, changes: readonly AuditChange[]): StoredFormValues {
  const product: Record<string, unknown> = { ...current };
  const stockItem: Record<string, unknown> = { ...current.stockItem };
  for (const { field, old } of changes) {
    if (isOverridable(field)) {
      stockItem[USE_CONFIG_FLAGS[field]] = old === null;
      if (old !== null) stockItem[field] = old;
    } else if (field in current.stockItem) stockItem[field] = old;
    else if (field in current) product[field] = old;
  }
  return { ...(product as StoredFormValues), stockItem: stockItem as StoredFormValues["stockItem"] };
}

export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

export function diffSnapshots(before: Record<string, string>, after: Record<string, string>): FieldChange[] {
  const value = (snapshot: Record<string, string>, field: string) =>
    snapshot[field] ?? (field.startsWith(SOURCE_LABEL) ? NOT_ASSIGNED : "");
  return [...new Set([...Object.keys(after), ...Object.keys(before)])]
    .filter((field) => value(before, field) !== value(after, field))
    .map((field) => ({ field, from: value(before, field), to: value(after, field) }));
}

/** The refusal of a stale save, naming what changed since the page was loaded. */
export function staleMessage(changes: FieldChange[]): string {
  const what =
    changes.length > 0
      ? `Someone else changed this product after you opened it: ${changes.map((c) => `${c.field} (${c.from} → ${c.to})`).join(", ")}.`
      : "Someone else saved this product after you opened it.";
  return `${what} Nothing was saved. Reload the page to see the current values, then make your changes again.`;
}
