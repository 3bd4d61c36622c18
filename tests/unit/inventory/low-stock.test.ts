import { describe, expect, it } from "vitest";
import { effectiveNotifyQty, isLowStock, lowStockRows, type LowStockCandidate } from "@/lib/inventory";
import { makeEff } from "./fixtures";

const candidate = (quantity: number, notifyQty: number, over: Partial<LowStockCandidate> = {}): LowStockCandidate => ({
  sourceEnabled: true,
  status: 1,
  quantity,
  notifyQty,
  ...over,
});

describe("isLowStock (spec §9)", () => {
  it.each<[string, LowStockCandidate, boolean]>([
    ["§9 below notify qty", candidate(3, 5), true],
    ["§9 strictly below: equal is not low", candidate(5, 5), false],
    ["§9 quantity 0 is out, not low", candidate(0, 5), false],
    ["§9 negative quantity is not low", candidate(-1, 5), false],
    ["§9 Out of Stock items are not listed", candidate(3, 5, { status: 0 }), false],
    ["§9 disabled sources are not listed", candidate(3, 5, { sourceEnabled: false }), false],
    ["§9 compares at 4 decimals", candidate(0.1 + 0.2, 0.3), false],
  ])("%s", (_name, item, expected) => {
    expect(isLowStock(item)).toBe(expected);
  });
});

describe("lowStockRows (spec §9)", () => {
  it("§9 keeps low items only, sorted by quantity ascending, then SKU, then source", () => {
    const row = (sku: string, sourceCode: string, quantity: number, notifyQty = 10) => ({
      ...candidate(quantity, notifyQty),
      sku,
      sourceCode,
      productName: `Product ${sku}`,
    });
    const rows = [
      row("b", "default", 4),
      row("a", "west", 4),
      row("a", "east", 4),
      row("c", "default", 1),
      row("d", "default", 12),
      row("e", "default", 0),
      row("a", "default", 2),
    ];
    expect(lowStockRows(rows).map((r) => `${r.sku}@${r.sourceCode}:${r.quantity}`)).toEqual([
      "c@default:1",
      "a@default:2",
      "a@east:4",
      "a@west:4",
      "b@default:4",
    ]);
    expect(lowStockRows([row("a", "x", 1), row("a", "x", 1)])).toHaveLength(2);
    for (const pair of [[row("b", "x", 1), row("a", "x", 1)], [row("a", "x", 1), row("b", "x", 1)]]) {
      expect(lowStockRows(pair).map((r) => r.sku)).toEqual(["a", "b"]);
    }
  });
});

describe("effectiveNotifyQty (spec §9)", () => {
  it("§9 the source item's own value wins, 0 included", () => {
    expect(effectiveNotifyQty(7, makeEff({ notifyStockQty: 3 }))).toBe(7);
    expect(effectiveNotifyQty(0, makeEff({ notifyStockQty: 3 }))).toBe(0);
  });
  it("§9 Use Default → the product's effective Notify for Quantity Below", () => {
    expect(effectiveNotifyQty(null, makeEff({ notifyStockQty: 3 }))).toBe(3);
    expect(effectiveNotifyQty(null, makeEff())).toBe(1);
  });
});
