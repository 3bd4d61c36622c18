import { describe, expect, it } from "vitest";
import {
  fieldByKey,
  fieldOptions,
  resolveConfig,
  resolveConfigAt,
  withConfigValues,
  type ConfigRow,
  type Scope,
} from "@/lib/inventory";

const P = "cataloginventory";
const row = (scope: Scope, scopeId: number, path: string, value: string): ConfigRow => ({
  scope,
  scopeId,
  path: `${P}/${path}`,
  value,
});

// Default 3, Main Website 5, its store view's own (ignored: [WEBSITE] field) 9; backorders at default.
const ROWS: ConfigRow[] = [
  row("default", 0, "options/stock_threshold_qty", "3"),
  row("websites", 1, "options/stock_threshold_qty", "5"),
  row("stores", 1, "options/stock_threshold_qty", "9"),
  row("websites", 1, "options/display_product_stock_status", "0"),
  row("default", 0, "item_options/backorders", "1"),
];

describe("resolveConfigAt (inventory-rules §1.1 fallback, from any scope)", () => {
  it.each<[string, Scope, number, number | undefined, number, boolean]>([
    ["Default Config reads its own rows", "default", 0, undefined, 3, true],
    ["a website reads its own value before Default Config", "websites", 1, undefined, 5, false],
    ["another website falls back to Default Config", "websites", 2, undefined, 3, true],
    ["a store view inherits its website's [WEBSITE] value", "stores", 1, 1, 5, false],
  ])("%s", (_name, scope, scopeId, websiteId, onlyX, displayStock) => {
    const { values } = resolveConfigAt(ROWS, scope, scopeId, websiteId);
    expect(values.stockThresholdQty).toBe(onlyX);
    expect(values.displayProductStockStatus).toBe(displayStock);
    // [GLOBAL] fields come from Default Config at every scope.
    expect(values.backorders).toBe(1);
  });

  it("resolveConfig for a store view is resolveConfigAt at that store view", () => {
    expect(resolveConfig(ROWS, { websiteId: 1, storeId: 1 })).toEqual(resolveConfigAt(ROWS, "stores", 1, 1));
    expect(resolveConfig(ROWS, null)).toEqual(resolveConfigAt(ROWS, "default", 0));
  });
});

describe("withConfigValues (saving at one scope)", () => {
  it("stores a value, replacing the scope's own", () => {
    const after = withConfigValues(ROWS, "websites", 1, { [`${P}/options/stock_threshold_qty`]: "8" });
    expect(resolveConfigAt(after, "websites", 1).values.stockThresholdQty).toBe(8);
    expect(after.filter((r) => r.path === `${P}/options/stock_threshold_qty`)).toHaveLength(3);
  });

  it("null removes the scope's own value so it inherits again; other scopes are untouched", () => {
    const after = withConfigValues(ROWS, "websites", 1, { [`${P}/options/stock_threshold_qty`]: null });
    expect(resolveConfigAt(after, "websites", 1).values.stockThresholdQty).toBe(3);
    expect(after).toContainEqual(row("stores", 1, "options/stock_threshold_qty", "9"));
    expect(after).toContainEqual(row("default", 0, "options/stock_threshold_qty", "3"));
  });

  it("adds a value where none was stored", () => {
    const after = withConfigValues(ROWS, "default", 0, { [`${P}/item_options/min_qty`]: "-50" });
    expect(resolveConfigAt(after, "default", 0).values.minQty).toBe(-50);
    expect(after).toHaveLength(ROWS.length + 1);
  });
});

describe("fieldOptions", () => {
  it("Yes/No fields offer Yes then No; selects their own options; numbers none", () => {
    expect(fieldOptions(fieldByKey("manageStock"))).toEqual([
      { value: "1", label: "Yes" },
      { value: "0", label: "No" },
    ]);
    expect(fieldOptions(fieldByKey("notAvailableMessage")).map((o) => o.label)).toEqual([
      "Only X of Y available",
      "Not enough items for sale",
    ]);
    expect(fieldOptions(fieldByKey("minQty"))).toEqual([]);
  });
});
