import { describe, expect, it } from "vitest";
import { alertSummary, alertTitle, STOCK_ALERT_KINDS, stockAlert as alertBetween, stockLevel as levelOf, type AlertTotals } from "@/lib/inventory";

/** A (product, stock)'s settings and index figures together, as the tables read. */
type AlertFigures = AlertTotals & { manageStock: boolean; notifyQty: number };
const stockLevel = (f: AlertFigures) => levelOf(f.manageStock, f.notifyQty, f);
const stockAlert = (before: AlertFigures | undefined, after: AlertFigures) => alertBetween(before && stockLevel(before), stockLevel(after));

/** 10 on hand, Notify for Quantity Below 5, nothing held, salable: In Stock. */
const base: AlertFigures = { manageStock: true, notifyQty: 5, isSalable: true, backorderedQty: 0, physicalQty: 10, reservedQty: 0 };
const at = (change: Partial<AlertFigures>): AlertFigures => ({ ...base, ...change });

describe("stockLevel", () => {
  it.each([
    ["10 left, notify below 5: in stock", at({}), "in_stock"],
    ["5 left is not below 5 (strictly, as the Low Stock report)", at({ reservedQty: -5 }), "in_stock"],
    ["4 left: low stock", at({ reservedQty: -6 }), "low_stock"],
    ["0.1 + 0.2 held of 5.3: 5 left is not low (rounded to 4 places)", at({ physicalQty: 5.3, reservedQty: -(0.1 + 0.2) }), "in_stock"],
    ["not salable: out of stock", at({ isSalable: false, reservedQty: -10 }), "out_of_stock"],
    ["sold beyond stock with backorders: on backorder", at({ backorderedQty: 2, reservedQty: -12 }), "backorder"],
    ["manage stock off: no level at all", at({ manageStock: false, isSalable: false }), null],
  ])("%s", (_rule, figures, level) => {
    expect(stockLevel(figures)).toBe(level);
  });
});

describe("stockAlert", () => {
  it.each([
    ["an order takes it below Notify Qty: Low Stock", at({}), at({ reservedQty: -6 }), "low_stock"],
    ["another order sells the rest: Out of Stock", at({ reservedQty: -6 }), at({ reservedQty: -10, isSalable: false }), "out_of_stock"],
    ["straight from in stock to out of stock: Out of Stock only", at({}), at({ isSalable: false }), "out_of_stock"],
    ["stock arrives for an out-of-stock product: Back in Stock", at({ isSalable: false }), at({ physicalQty: 20 }), "back_in_stock"],
    ["back, but still low: Back in Stock only", at({ isSalable: false }), at({ physicalQty: 3 }), "back_in_stock"],
    ["an order is taken on backorder: Backorder", at({ reservedQty: -10 }), at({ reservedQty: -12, backorderedQty: 2 }), "backorder"],
    ["low and then on backorder: Backorder", at({ reservedQty: -6 }), at({ reservedQty: -12, backorderedQty: 2 }), "backorder"],
    ["still low after another order: nothing new", at({ reservedQty: -6 }), at({ reservedQty: -7 }), null],
    ["from low back to plenty: nothing (Back in Stock is for out of stock)", at({ reservedQty: -6 }), at({}), null],
    ["from backorder to low as stock arrives: nothing", at({ backorderedQty: 2 }), at({ reservedQty: -6 }), null],
    ["a product first indexed: nothing crossed", undefined, at({ isSalable: false }), null],
    ["manage stock turned off: nothing", at({}), at({ manageStock: false, isSalable: false }), null],
    ["manage stock turned on for an empty product: nothing", at({ manageStock: false }), at({ isSalable: false }), null],
  ])("%s", (_rule, before, after, alert) => {
    expect(stockAlert(before, after)).toBe(alert);
  });
});

describe("alertTitle and alertSummary: what a merchant reads in the list, the feed and the payload", () => {
  const alert = { sku: "SR-CAP", stockName: "Default Stock", qtyLeft: 4, notifyQty: 5 };
  it.each([
    ["low_stock", "Low Stock", "SR-CAP is low in Default Stock: 4 left, below the Notify Qty of 5."],
    ["out_of_stock", "Out of Stock", "SR-CAP is out of stock in Default Stock."],
    ["back_in_stock", "Back in Stock", "SR-CAP is back in stock in Default Stock: 4 left."],
    ["backorder", "On Backorder", "SR-CAP is selling on backorder in Default Stock: 2.5 ordered beyond stock."],
  ] as const)("%s", (kind, title, summary) => {
    expect(alertTitle(kind)).toBe(title);
    expect(alertSummary({ ...alert, kind, qtyLeft: kind === "backorder" ? -2.5 : 4 })).toBe(summary);
  });

  it("names a stock deleted since the alert was raised as such", () => {
    expect(alertSummary({ ...alert, kind: "out_of_stock", stockName: null })).toBe("SR-CAP is out of stock in a deleted stock.");
  });

  it("lists the four kinds", () => {
    expect(STOCK_ALERT_KINDS).toEqual(["low_stock", "out_of_stock", "back_in_stock", "backorder"]);
  });
});
