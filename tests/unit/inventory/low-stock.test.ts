import { describe, expect, it } from "vitest";
import { effectiveNotifyQty, isLowStock, type LowStockCandidate } from "@/lib/inventory";
import { makeEff } from "./fixtures";

const candidate = (quantity: number, notifyQty: number, over: Partial<LowStockCandidate> = {}): LowStockCandidate => ({
  sourceEnabled: true,
  status: 1,
  quantity,
  notifyQty,
  ...over,
});

describe("isLowStock (inventory-rules §9)", () => {
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

describe("effectiveNotifyQty (inventory-rules §9)", () => {
  it("§9 the source item's own value wins, 0 included", () => {
    expect(effectiveNotifyQty(7, makeEff({ notifyStockQty: 3 }))).toBe(7);
    expect(effectiveNotifyQty(0, makeEff({ notifyStockQty: 3 }))).toBe(0);
  });
  it("§9 Use Default → the product's effective Notify for Quantity Below", () => {
    expect(effectiveNotifyQty(null, makeEff({ notifyStockQty: 3 }))).toBe(3);
    expect(effectiveNotifyQty(null, makeEff())).toBe(1);
  });
});
