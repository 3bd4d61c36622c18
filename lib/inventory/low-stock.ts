import { round4 } from "./quantity";
import type { EffectiveSettings, SourceItemStatus } from "./types";

export interface LowStockCandidate {
  sourceEnabled: boolean;
  status: SourceItemStatus;
  quantity: number;
  notifyQty: number;
}

export interface LowStockReportItem extends LowStockCandidate {
  sku: string;
  sourceCode: string;
  productName: string;
}

/** Spec §9: enabled source, In Stock, 0 < quantity < notify qty (strictly). */
export function isLowStock(item: LowStockCandidate): boolean {
  const quantity = round4(item.quantity);
  return item.sourceEnabled && item.status === 1 && quantity > 0 && quantity < round4(item.notifyQty);
}

/** Spec §9: the Low Stock report's rows, sorted by quantity ascending (then SKU, then source). */
export function lowStockRows<T extends LowStockReportItem>(items: readonly T[]): T[] {
  return items
    .filter(isLowStock)
    .sort(
      (a, b) =>
        a.quantity - b.quantity || compareText(a.sku, b.sku) || compareText(a.sourceCode, b.sourceCode),
    );
}

// Code-unit order, not locale order: SKUs are identifiers and the report must sort the same everywhere.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Spec §9: the source item's own Notify Qty, or the product's effective one when "Use Default". */
export function effectiveNotifyQty(sourceItemNotifyQty: number | null, eff: EffectiveSettings): number {
  return sourceItemNotifyQty ?? eff.notifyStockQty.value;
}
