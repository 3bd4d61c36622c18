import { hasUnlimitedBackorders } from "./product";
import { formatQty } from "./quantity";
import { isSalable, salableQty } from "./salable";
import type { EffectiveSettings, StockSnapshot, StorefrontLabels } from "./types";

export interface StorefrontLabelInput {
  eff: EffectiveSettings;
  snap: StockSnapshot;
  /** Only X left Threshold of the product's website; 0 disables the message. */
  onlyXLeftThreshold: number;
  /** Display Products Availability in Stock on Storefront of the store view. */
  displayStockStatus: boolean;
}

/** Inventory-rules §6: what the product page shows about stock. */
export function storefrontLabels(input: StorefrontLabelInput): StorefrontLabels {
  const { eff, snap, onlyXLeftThreshold, displayStockStatus } = input;
  const salable = isSalable(eff, snap);
  const qty = salableQty(eff, snap);
  // Decision (inventory-rules §6): the unlimited-backorders gate reads the product's own effective
  // settings; Magento reads a non-product object and so effectively never hides the message.
  const showOnlyXLeft =
    eff.manageStock.value &&
    onlyXLeftThreshold > 0 &&
    qty > 0 &&
    qty <= onlyXLeftThreshold &&
    !hasUnlimitedBackorders(eff);
  return {
    stockLabel: displayStockStatus ? (salable ? "In stock" : "Out of stock") : null,
    onlyXLeft: showOnlyXLeft ? `Only ${formatQty(qty)} left` : null,
    salable,
  };
}
