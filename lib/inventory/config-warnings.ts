import type { ResolvedInventoryConfig } from "./config";
import { DEFAULT_PRODUCT_SETTINGS, effectiveSettings, hasUnlimitedBackorders } from "./product";
import { formatQty } from "./quantity";
import type { InventoryConfigKey } from "./types";

export interface ConfigWarning {
  /** The field the warning is about: the page links the warning to its row. */
  key: InventoryConfigKey;
  message: string;
}

/**
 * Settings that contradict each other (issue: non-blocking warnings on save). They are judged the
 * way a product that uses every config setting sees them (inventory-rules §1.3), so the clamp and the
 * unlimited-backorders rule come from the engine, not from here.
 */
export function configWarnings(config: ResolvedInventoryConfig): ConfigWarning[] {
  const { values } = config;
  if (!values.manageStock) return [];
  const eff = effectiveSettings(DEFAULT_PRODUCT_SETTINGS, values, config.origins);
  const raw = values.minQty;
  const warnings: ConfigWarning[] = [];
  if (values.backorders !== 0 && raw > 0) {
    warnings.push({
      key: "minQty",
      message: `Out-of-Stock Threshold ${formatQty(raw)} is ignored while Backorders are allowed: backorders are unlimited. Use a negative threshold to limit how far below zero products sell.`,
    });
  }
  if (values.backorders === 0 && raw < 0) {
    warnings.push({
      key: "minQty",
      message: `Out-of-Stock Threshold ${formatQty(raw)} is ignored while Backorders are off: products go out of stock at 0.`,
    });
  }
  // Inventory-rules §6: "Only X left" never shows for a product with unlimited backorders.
  if (values.stockThresholdQty > 0 && hasUnlimitedBackorders(eff)) {
    warnings.push({
      key: "stockThresholdQty",
      message: `Only X left Threshold ${formatQty(values.stockThresholdQty)} can never show: Backorders are allowed with an Out-of-Stock Threshold of 0 or more, so backorders are unlimited.`,
    });
  }
  // Inventory-rules §8–§9: the Low Stock report lists In Stock items with 0 < qty < notify; at or under the
  // threshold an item is already out of stock (or the report's window is empty).
  if (values.notifyStockQty <= eff.effectiveMinQty) {
    warnings.push({
      key: "notifyStockQty",
      message: `Notify for Quantity Below ${formatQty(values.notifyStockQty)} is at or under the Out-of-Stock Threshold (${formatQty(eff.effectiveMinQty)}): products are never reported as low stock while they can still be sold.`,
    });
  }
  return warnings;
}
