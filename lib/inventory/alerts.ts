import { formatQty, round4 } from "./quantity";

/**
 * Stock alerts per (product, stock): the level a product's figures put it at, and the alert raised
 * when a change moves it from one level to another. Inventory-rules §9 defines Low Stock per source
 * item for the report; an alert is per stock, so it compares what is left to ship in the stock
 * (physical quantity less reservations) with the product's Notify for Quantity Below, the same
 * strict "below" as the report.
 */
export type StockAlertKind = "low_stock" | "out_of_stock" | "back_in_stock" | "backorder";

export type StockLevel = "in_stock" | "low_stock" | "backorder" | "out_of_stock";

/** A (product, stock)'s figures the level reads: those the salable index keeps for it. */
export interface AlertTotals {
  isSalable: boolean;
  /** Units sold beyond physical stock. */
  backorderedQty: number;
  physicalQty: number;
  /** Σ reservations, negative for what orders hold. */
  reservedQty: number;
}

/** Physical quantity less what orders hold. */
export function qtyLeft(t: Pick<AlertTotals, "physicalQty" | "reservedQty">): number {
  return round4(t.physicalQty + t.reservedQty);
}

/**
 * The level of a (product, stock) under its effective Manage Stock and Notify for Quantity Below;
 * null when stock is not managed: such a product is never low, out of stock or on backorder.
 * Scalars and the index row itself, so a pass over a catalog allocates nothing per row.
 */
export function stockLevel(manageStock: boolean, notifyQty: number, t: AlertTotals): StockLevel | null {
  if (!manageStock) return null;
  if (!t.isSalable) return "out_of_stock";
  if (round4(t.backorderedQty) > 0) return "backorder";
  return qtyLeft(t) < round4(notifyQty) ? "low_stock" : "in_stock";
}

/**
 * The alert a change from one level to another raises, or null. A product first indexed (no
 * level before) raises none: nothing crossed. One change raises at most one alert, the one a
 * merchant acts on: Out of Stock over Low Stock, Back in Stock over whatever level it came back at.
 */
export function stockAlert(from: StockLevel | null | undefined, to: StockLevel | null): StockAlertKind | null {
  if (from === undefined || from === null || to === null || from === to) return null;
  if (to === "out_of_stock") return "out_of_stock";
  if (from === "out_of_stock") return "back_in_stock";
  if (to === "backorder") return "backorder";
  if (to === "low_stock" && from === "in_stock") return "low_stock";
  return null;
}

const ALERT_TITLES: Record<StockAlertKind, string> = {
  low_stock: "Low Stock",
  out_of_stock: "Out of Stock",
  back_in_stock: "Back in Stock",
  backorder: "On Backorder",
};

export const STOCK_ALERT_KINDS = Object.keys(ALERT_TITLES) as StockAlertKind[];

export function alertTitle(kind: StockAlertKind): string {
  return ALERT_TITLES[kind];
}

/** What happened, in a sentence for the notification list, the RSS item and the webhook payload. */
export function alertSummary(alert: { kind: StockAlertKind; sku: string; stockName: string | null; qtyLeft: number; notifyQty: number }): string {
  const stock = alert.stockName ?? "a deleted stock";
  const left = `${formatQty(alert.qtyLeft)} left`;
  switch (alert.kind) {
    case "low_stock":
      return `${alert.sku} is low in ${stock}: ${left}, below the Notify Qty of ${formatQty(alert.notifyQty)}.`;
    case "out_of_stock":
      return `${alert.sku} is out of stock in ${stock}.`;
    case "back_in_stock":
      return `${alert.sku} is back in stock in ${stock}: ${left}.`;
    case "backorder":
      return `${alert.sku} is selling on backorder in ${stock}: ${formatQty(-alert.qtyLeft)} ordered beyond stock.`;
  }
}
