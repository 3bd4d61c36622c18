import { activeQtyIncrement, hasUnlimitedBackorders } from "./product";
import { formatQty, round4 } from "./quantity";
import type { EffectiveSettings, NotAvailableMessage, SalabilityError, StockFigureSettings, StockSnapshot } from "./types";

export { formatQty } from "./quantity";

/** Inventory-rules §2: only In Stock source items in enabled sources count. */
export function physicalQty(snap: StockSnapshot): number {
  return round4(
    snap.sourceItems
      .filter((item) => item.sourceEnabled && item.status === 1)
      .reduce((sum, item) => sum + item.quantity, 0),
  );
}

/** Inventory-rules §2: a SKU with no source item linked to the stock is "not assigned". */
export function isAssigned(snap: StockSnapshot): boolean {
  return snap.sourceItems.length > 0;
}

/** Inventory-rules §3 required condition (with manage stock on). */
export function hasInStockSourceItem(snap: StockSnapshot): boolean {
  return snap.sourceItems.some((item) => item.sourceEnabled && item.status === 1);
}

/** physical + reserved − effective threshold, before any "not salable means 0" (inventory-rules §2). */
function computedQty(eff: StockFigureSettings, snap: StockSnapshot): number {
  return round4(physicalQty(snap) + snap.reserved - eff.effectiveMinQty);
}

/** What salableQty, isSalable and backorderQty read of a snapshot; the salable index keeps it per product and stock. */
export interface SnapshotTotals {
  /** physicalQty(snap): In Stock items in enabled sources (inventory-rules §2). */
  physicalQty: number;
  hasInStockItem: boolean;
  reservedQty: number;
}

export function snapshotTotals(snap: StockSnapshot): SnapshotTotals {
  return { physicalQty: physicalQty(snap), hasInStockItem: hasInStockSourceItem(snap), reservedQty: snap.reserved };
}

/**
 * A snapshot of an assigned SKU with the same figures as the one these totals were taken from: a
 * single item holding the physical quantity, In Stock or not. A configuration change recomputes
 * every product's figures from the totals the index keeps, without reading its source items.
 */
export function snapshotFromTotals(totals: SnapshotTotals): StockSnapshot {
  return {
    sourceItems: [{ sourceCode: "", quantity: totals.physicalQty, status: totals.hasInStockItem ? 1 : 0, sourceEnabled: true }],
    reserved: totals.reservedQty,
  };
}

/** Inventory-rules §3, computed live on every read (inventory-rules §3 Decision). */
export function isSalable(eff: StockFigureSettings, snap: StockSnapshot): boolean {
  if (!isAssigned(snap)) return false;
  const manageStock = eff.manageStock.value;
  // Backorders never rescue a product whose every source item is Out of Stock (inventory-rules §3).
  if (manageStock && !hasInStockSourceItem(snap)) return false;
  return hasUnlimitedBackorders(eff) || !manageStock || computedQty(eff, snap) > 0;
}

/**
 * Inventory-rules §2. 0 whenever the product is not salable, so an Out of Stock product never shows a
 * positive figure (Magento issues #2830, #1227). A salable product reports the formula as is,
 * which goes negative once unlimited backorders are oversold, as in Magento; with manage stock
 * off it is the computed figure the REST API answers (the admin shows "No manage stock").
 */
export function salableQty(eff: StockFigureSettings, snap: StockSnapshot): number {
  return isSalable(eff, snap) ? computedQty(eff, snap) : 0;
}

/** The admin's Salable Quantity cell: the figure, or "No manage stock" where it is not tracked (inventory-rules §2). */
export function salableQtyLabel(eff: EffectiveSettings, snap: StockSnapshot): string {
  return salableFigureLabel(eff.manageStock.value, salableQty(eff, snap));
}

/**
 * The same cell from a figure salableQty already produced (the salable index the grid reads), so a
 * page of rows needs no snapshots: the figure, or "No manage stock" where it is not tracked (inventory-rules §2).
 */
export function salableFigureLabel(manageStock: boolean, salable: number): string {
  return manageStock ? formatQty(salable) : "No manage stock";
}

const NOT_ASSIGNED: SalabilityError = {
  code: "requested-sku-is-not-assigned-to-given-stock",
  message: "The requested sku is not assigned to given stock.",
};

const NO_SOURCE_ITEMS_IN_STOCK: SalabilityError = {
  code: "is_any_source_item_in_stock-no_source_items_in_stock",
  message: "There are no source items with the in stock status",
};

const BACKORDERS_DISABLED: SalabilityError = { code: "back_order-disabled", message: "Backorders are disabled" };

const MANAGE_STOCK_ENABLED: SalabilityError = { code: "manage_stock-enabled", message: "Manage stock is enabled" };

/** round4(qty) is a whole multiple of the increment, tolerant of float noise (0.3 / 0.1). */
function isMultipleOf(qty: number, increment: number): boolean {
  return round4(qty - Math.round(qty / increment) * increment) === 0;
}

const MIN_SALE_QTY = "is_correct_qty-min_sale_qty";
const MAX_SALE_QTY = "is_correct_qty-max_sale_qty";
const QTY_INCREMENT = "is_correct_qty-qty_increment";
const IS_QTY_DECIMAL = "is_correct_qty-is_qty_decimal";
/** Magento's refusal of a decimal quantity of a product without Qty Uses Decimals. */
export const DECIMAL_QTY_MESSAGE = "You cannot use decimal quantity for this product.";

/** Inventory-rules §4 required check 1: the first failing quantity rule, if any. */
function quantityRuleError(eff: EffectiveSettings, qty: number): SalabilityError | null {
  const min = eff.minSaleQty.value;
  const max = eff.maxSaleQty.value;
  const increment = activeQtyIncrement(eff);
  const requested = round4(qty);
  // A min of 0 and a max of 0 mean "no limit" (inventory-rules §1.3).
  if (min > 0 && requested < round4(min)) {
    return { code: MIN_SALE_QTY, message: `The fewest you may purchase is ${formatQty(min)}.` };
  }
  if (max > 0 && requested > round4(max)) {
    return { code: MAX_SALE_QTY, message: "The requested qty exceeds the maximum qty allowed in shopping cart" };
  }
  if (increment !== null && !isMultipleOf(requested, increment)) {
    return {
      code: QTY_INCREMENT,
      message: `You can buy this product only in quantities of ${formatQty(increment)} at a time.`,
    };
  }
  // The value as requested, not rounded: 2.00004 is a decimal quantity (Magento refuses it too).
  if (!eff.isQtyDecimal && !Number.isInteger(qty)) {
    return { code: IS_QTY_DECIMAL, message: DECIMAL_QTY_MESSAGE };
  }
  return null;
}

/**
 * Inventory-rules §4: the errors that stop `qty` being sold; salable when empty. Required checks all run
 * and any failure ends the evaluation; then the first passing sufficient check wins, else every
 * sufficient check's error is returned in order. Shoppers see the last message.
 */
export function isSalableForRequestedQty(
  eff: EffectiveSettings,
  snap: StockSnapshot,
  qty: number,
  notAvailableMessage: NotAvailableMessage,
): SalabilityError[] {
  if (!isAssigned(snap)) return [NOT_ASSIGNED];

  const manageStock = eff.manageStock.value;
  const required: SalabilityError[] = [];
  const quantityError = quantityRuleError(eff, qty);
  if (quantityError) required.push(quantityError);
  if (manageStock && !hasInStockSourceItem(snap)) required.push(NO_SOURCE_ITEMS_IN_STOCK);
  if (required.length > 0) return required;

  if (hasUnlimitedBackorders(eff) || !manageStock) return [];
  if (computedQty(eff, snap) >= round4(qty)) return [];
  const notEnough: SalabilityError = {
    code: "is_salable_with_reservations-not_enough_qty",
    message:
      notAvailableMessage === 1
        ? `Only ${formatQty(salableQty(eff, snap))} of ${formatQty(qty)} available`
        : "Not enough items for sale",
  };
  return [BACKORDERS_DISABLED, MANAGE_STOCK_ENABLED, notEnough];
}

/** The message a shopper sees for a refused request: the last one (inventory-rules §4). */
export function shopperMessage(errors: readonly SalabilityError[]): string | null {
  return errors.length > 0 ? errors[errors.length - 1].message : null;
}

/**
 * Inventory-rules §5: how much of `requested` goes on backorder, stored as the order line's
 * qty_backordered. 0 unless stock is managed and backorders are allowed.
 */
export function backorderQty(eff: StockFigureSettings, snap: StockSnapshot, requested: number): number {
  if (!eff.manageStock.value || eff.backorders.value === 0) return 0;
  const available = physicalQty(snap) + snap.reserved;
  return round4(Math.min(Math.max(requested - available, 0), requested));
}

/**
 * Inventory-rules §5: the notice (not an error) for Backorders = "Allow Qty Below 0 and Notify Customer",
 * which applies only "when manage stock is on": an untracked product backorders nothing.
 */
export function backorderNotice(eff: EffectiveSettings, qty: number): string | null {
  if (!eff.manageStock.value || eff.backorders.value !== 2 || qty <= 0) return null;
  return `We don't have as many quantity as you requested, but we'll back order the remaining ${formatQty(qty)}.`;
}

/**
 * Inventory-rules §4 last paragraph: the storefront Qty box's own check, before any request is made. It
 * applies the same quantity rules as §4 but words the maximum for shoppers and leaves the
 * decimal rule to the request itself (the box has no message for it).
 */
export function shopperQtyMessage(eff: EffectiveSettings, qty: number | undefined): string | null {
  // `!(qty > 0)` also catches NaN from an unparsable box.
  if (qty === undefined || !(qty > 0)) return "Please enter a quantity greater than 0.";
  const error = quantityRuleError(eff, qty);
  if (error === null || error.code === IS_QTY_DECIMAL) return null;
  if (error.code === MAX_SALE_QTY) return `The maximum you may purchase is ${formatQty(eff.maxSaleQty.value)}.`;
  return error.message;
}
