import {
ADVANCED_INVENTORY_FIELDS,
STOCK_STATUS_OPTIONS,
USE_CONFIG_FLAGS,
formatQty,
optionLabel,
type OverridableField,
type SourceItemStatus,
} from "@/lib/inventory";
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
/** Snapshot keys of assigned sources ("Source north"); a missing one reads "Not assigned". */
const SOURCE_KEY = "Source ";
const NOT_ASSIGNED = "Not assigned";
const labelOf = (field: string) => ADVANCED_INVENTORY_FIELDS.find((f) => f.field === field)!.label;

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
  const item = values.stockItem;
  const snapshot: Record<string, string> = {
    "Enable Product": yesNo(values.enabled),
    "Product Name": values.name,
    SKU: values.sku,
    Price: formatQty(values.price),
  };
  if (singleSourceMode) {
    snapshot.Quantity = formatQty(item.qty);
    snapshot[labelOf("stockStatus")] = statusLabel(item.isInStock ? 1 : 0);
  } else {
    // Keyed by code: renaming a source elsewhere is not a change to this product.
    for (const source of items) {
      const notify = source.notifyStockQty === null ? "Use Default" : formatQty(source.notifyStockQty);
      snapshot[`${SOURCE_KEY}${source.sourceCode}`] =
        `Qty ${formatQty(source.quantity)}, ${statusLabel(source.status)}, Notify Qty ${notify}`;
    }
  }
  for (const field of Object.keys(USE_CONFIG_FLAGS) as OverridableField[]) {
    snapshot[labelOf(field)] = item[USE_CONFIG_FLAGS[field]] ? "Use Config Settings" : optionLabel(field, item[field]);
  }
  snapshot[labelOf("isQtyDecimal")] = yesNo(item.isQtyDecimal);
  snapshot[labelOf("isDecimalDivided")] = yesNo(item.isDecimalDivided);
  return snapshot;
}

export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

export function diffSnapshots(before: Record<string, string>, after: Record<string, string>): FieldChange[] {
  const value = (snapshot: Record<string, string>, field: string) =>
    snapshot[field] ?? (field.startsWith(SOURCE_KEY) ? NOT_ASSIGNED : "");
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
