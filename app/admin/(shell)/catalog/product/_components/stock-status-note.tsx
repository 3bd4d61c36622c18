"use client";

import { useTranslations } from "next-intl";
import { statusOnProductSave } from "@/lib/inventory";
import { useLiveInventory, useProductFormMeta } from "./product-form";

/**
 * Inventory-rules §8 beside Stock Status, live: what Save will do to an In Stock item at or below the
 * threshold, or that the stored Out of Stock was set automatically (a configuration change may
 * restore it; one set by an admin stays).
 */
export function StockStatusNote() {
  const t = useTranslations("Products.form");
  const { statusAutomatic } = useProductFormMeta();
  const { effective: eff, qty, isInStock } = useLiveInventory();
  if (qty === null) return null;
  const decision = statusOnProductSave({
    manageStock: eff.manageStock.value,
    backorders: eff.backorders.value,
    qty,
    effectiveThreshold: eff.effectiveMinQty,
    requestedStatus: isInStock ? 1 : 0,
    wasAutomatic: statusAutomatic,
  });
  // Both sentences carry lib/inventory's AUTOMATIC_OUT_OF_STOCK_REASON, the one reason §8 gives.
  const text = decision.reason ? t("statusOnSave") : decision.automatic ? t("statusWasAutomatic") : null;
  return (
    <p aria-live="polite" className="mt-1 text-xs text-amber-800">
      {text}
    </p>
  );
}
