import { round4 } from "./quantity";
import type { Backorders, SourceItemStatus } from "./types";

/** A source item's Stock Status as the admin picks it. */
export const STOCK_STATUS_OPTIONS: readonly { value: SourceItemStatus; label: string }[] = [
  { value: 1, label: "In Stock" },
  { value: 0, label: "Out of Stock" },
];

/** Why inventory-rules §8 switched a product Out of Stock on save; the admin reads it after "Stock Status was". */
const AUTOMATIC_OUT_OF_STOCK_REASON = "set Out of Stock automatically: quantity is at or below the threshold";

interface StockRuleState {
  manageStock: boolean;
  backorders: Backorders;
  qty: number;
  /** The clamped threshold (inventory-rules §1.3). */
  effectiveThreshold: number;
}

/** Inventory-rules §8: stock is managed, backorders are off and the quantity is at or below the threshold. */
function mustBeOutOfStock(state: StockRuleState): boolean {
  return state.manageStock && state.backorders === 0 && round4(state.qty) <= round4(state.effectiveThreshold);
}

export interface ProductSaveStatusInput extends StockRuleState {
  /** The Stock Status submitted with the product form. */
  requestedStatus: SourceItemStatus;
  /** Whether the stored Out of Stock status was set automatically. */
  wasAutomatic: boolean;
}

export interface StatusDecision {
  status: SourceItemStatus;
  automatic: boolean;
}

export interface ProductSaveStatus extends StatusDecision {
  /** Why the submitted status was overridden, for the admin's message; null when it was kept. */
  reason: string | null;
}

/**
 * Inventory-rules §8, single-source mode: saving switches an In Stock item Out of Stock when its quantity is
 * at or below the threshold and remembers that it did. A submitted Out of Stock is kept as it is:
 * still automatic when the system had switched it and the quantity still warrants it, otherwise
 * the admin's own (only a configuration change restores In Stock).
 */
export function statusOnProductSave(input: ProductSaveStatusInput): ProductSaveStatus {
  const outRequired = mustBeOutOfStock(input);
  if (outRequired && input.requestedStatus === 1) {
    return {
      status: 0,
      automatic: true,
      reason: AUTOMATIC_OUT_OF_STOCK_REASON,
    };
  }
  return {
    status: input.requestedStatus,
    automatic: input.requestedStatus === 0 && outRequired && input.wasAutomatic,
    reason: null,
  };
}

export interface ConfigChangeStatusInput extends StockRuleState, StatusDecision {}

/**
 * Inventory-rules §8 after a configuration change (Magento's updateSetInStock / updateSetOutOfStock): an
 * automatically switched item comes back In Stock once its quantity is above the threshold; an
 * In Stock item the new settings put at or below it goes Out of Stock automatically. An item an
 * admin set Out of Stock stays so.
 */
export function statusOnConfigChange(input: ConfigChangeStatusInput): StatusDecision {
  const outRequired = mustBeOutOfStock(input);
  if (input.status === 1 && outRequired) return { status: 0, automatic: true };
  const aboveThreshold = round4(input.qty) > round4(input.effectiveThreshold);
  if (input.status === 0 && input.automatic && input.manageStock && aboveThreshold) {
    return { status: 1, automatic: false };
  }
  return { status: input.status, automatic: input.automatic };
}
