import { round4 } from "./quantity";
import type { EffectiveSettings, SourceItemStatus } from "./types";

export interface LowStockCandidate {
  sourceEnabled: boolean;
  status: SourceItemStatus;
  quantity: number;
  notifyQty: number;
}

/** Inventory-rules §9: enabled source, In Stock, 0 < quantity < notify qty (strictly). */
export function isLowStock(item: LowStockCandidate): boolean {
  const quantity = round4(item.quantity);
  return item.sourceEnabled && item.status === 1 && quantity > 0 && quantity < round4(item.notifyQty);
}

/** Inventory-rules §9: the source item's own Notify Qty, or the product's effective one when "Use Default". */
export function effectiveNotifyQty(sourceItemNotifyQty: number | null, eff: EffectiveSettings): number {
  return sourceItemNotifyQty ?? eff.notifyStockQty.value;
}
