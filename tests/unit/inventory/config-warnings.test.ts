import { describe, expect, it } from "vitest";
import { configWarnings, resolveConfig, type ConfigWarning } from "@/lib/inventory";

function warningsFor(values: Record<string, string>): ConfigWarning[] {
  return configWarnings(
    resolveConfig(
      Object.entries(values).map(([path, value]) => ({ scope: "default", scopeId: 0, path: `cataloginventory/${path}`, value })),
      null,
    ),
  );
}

const POSITIVE_WITH_BACKORDERS =
  "Out-of-Stock Threshold 5 is ignored while Backorders are allowed: backorders are unlimited. Use a negative threshold to limit how far below zero products sell.";
const NEGATIVE_WITHOUT_BACKORDERS =
  "Out-of-Stock Threshold -5 is ignored while Backorders are off: products go out of stock at 0.";
const ONLY_X_NEVER =
  "Only X left Threshold 5 can never show: Backorders are allowed with an Out-of-Stock Threshold of 0 or more, so backorders are unlimited.";
const notifyUnder = (notify: string, threshold: string) =>
  `Notify for Quantity Below ${notify} is at or under the Out-of-Stock Threshold (${threshold}): products are never reported as low stock while they can still be sold.`;

describe("configWarnings: contradictory settings, non-blocking (issue item 4)", () => {
  it.each<[string, Record<string, string>, ConfigWarning[]]>([
    ["system defaults contradict nothing (notify 1 > threshold 0)", {}, []],
    [
      "the demo settings (backorders on, −50, notify 10, Only X left 5) are consistent",
      {
        "item_options/backorders": "1",
        "item_options/min_qty": "-50",
        "item_options/notify_stock_qty": "10",
        "options/stock_threshold_qty": "5",
      },
      [],
    ],
    [
      "§1.3 a positive threshold with backorders on is ignored",
      { "item_options/backorders": "2", "item_options/min_qty": "5" },
      [{ key: "minQty", message: POSITIVE_WITH_BACKORDERS }],
    ],
    [
      "§1.3 a negative threshold with backorders off is ignored",
      { "item_options/min_qty": "-5" },
      [{ key: "minQty", message: NEGATIVE_WITHOUT_BACKORDERS }],
    ],
    [
      "§6 Only X left can never show with unlimited backorders (threshold 0)",
      { "item_options/backorders": "1", "options/stock_threshold_qty": "5" },
      [{ key: "stockThresholdQty", message: ONLY_X_NEVER }],
    ],
    [
      "§6 with a backorder allowance Only X left can show",
      { "item_options/backorders": "1", "item_options/min_qty": "-10", "options/stock_threshold_qty": "5" },
      [],
    ],
    [
      "§6 Only X left 0 is off and contradicts nothing",
      { "item_options/backorders": "1" },
      [],
    ],
    [
      "§8–§9 notify at the threshold: items go out of stock before they report low",
      { "item_options/min_qty": "5", "item_options/notify_stock_qty": "5" },
      [{ key: "notifyStockQty", message: notifyUnder("5", "5") }],
    ],
    [
      "§9 notify 0 with threshold 0 reports nothing",
      { "item_options/notify_stock_qty": "0" },
      [{ key: "notifyStockQty", message: notifyUnder("0", "0") }],
    ],
    ["§9 notify above the threshold is fine", { "item_options/min_qty": "5", "item_options/notify_stock_qty": "6" }, []],
    [
      "several at once, in field order",
      { "item_options/backorders": "1", "item_options/min_qty": "5", "options/stock_threshold_qty": "5" },
      [
        { key: "minQty", message: POSITIVE_WITH_BACKORDERS },
        { key: "stockThresholdQty", message: ONLY_X_NEVER },
      ],
    ],
    [
      "§2 manage stock off: thresholds are moot, nothing to warn about",
      { "item_options/manage_stock": "0", "item_options/min_qty": "-5", "item_options/notify_stock_qty": "0" },
      [],
    ],
  ])("%s", (_name, values, expected) => {
    expect(warningsFor(values)).toEqual(expected);
  });
});
