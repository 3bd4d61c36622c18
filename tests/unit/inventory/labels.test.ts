import { describe, expect, it } from "vitest";
import { storefrontLabels, type StockSnapshot, type StorefrontLabels } from "@/lib/inventory";
import { makeEff, snap, source, type ProductOverrides } from "./fixtures";

describe("storefrontLabels (inventory-rules §6)", () => {
  const allowance = { backorders: 1 as const, minQty: -10 };

  it.each<[string, ProductOverrides, StockSnapshot, number, boolean, StorefrontLabels]>([
    [
      "§6 salable → In stock",
      {},
      snap([source(10)]),
      0,
      true,
      { stockLabel: "In stock", onlyXLeft: null, salable: true },
    ],
    [
      "§6 not salable → Out of stock",
      {},
      snap([source(10, 0)]),
      5,
      true,
      { stockLabel: "Out of stock", onlyXLeft: null, salable: false },
    ],
    [
      "§6 Display Products Availability = No hides In stock / Out of stock",
      {},
      snap([source(10)]),
      0,
      false,
      { stockLabel: null, onlyXLeft: null, salable: true },
    ],
    [
      "§6 Only X left still shows while availability is hidden",
      {},
      snap([source(3)]),
      5,
      false,
      { stockLabel: null, onlyXLeft: "Only 3 left", salable: true },
    ],
    [
      "§6 MFTF case: threshold −10, qty 10, Only X 5, 15 ordered → Only 5 left",
      allowance,
      snap([source(10)], -15),
      5,
      true,
      { stockLabel: "In stock", onlyXLeft: "Only 5 left", salable: true },
    ],
    [
      "§6 Only X 10 and nothing ordered → salable 20, no message",
      allowance,
      snap([source(10)]),
      10,
      true,
      { stockLabel: "In stock", onlyXLeft: null, salable: true },
    ],
    [
      "§6 salable exactly at the threshold shows the message (≤)",
      {},
      snap([source(5)]),
      5,
      true,
      { stockLabel: "In stock", onlyXLeft: "Only 5 left", salable: true },
    ],
    [
      "§6 decimal salable figure",
      { isQtyDecimal: true },
      snap([source(2.5)]),
      5,
      true,
      { stockLabel: "In stock", onlyXLeft: "Only 2.5 left", salable: true },
    ],
    [
      "§6 Only X left Threshold 0 disables the message",
      {},
      snap([source(1)]),
      0,
      true,
      { stockLabel: "In stock", onlyXLeft: null, salable: true },
    ],
    [
      "§6 salable 0 → Out of stock, no message",
      {},
      snap([source(5)], -5),
      5,
      true,
      { stockLabel: "Out of stock", onlyXLeft: null, salable: false },
    ],
    [
      "§6 Decision: unlimited backorders (own settings) hide the message",
      { backorders: 1, minQty: 0 },
      snap([source(3)]),
      5,
      true,
      { stockLabel: "In stock", onlyXLeft: null, salable: true },
    ],
    [
      "§6 manage stock off shows no message",
      { manageStock: false },
      snap([source(3)]),
      5,
      true,
      { stockLabel: "In stock", onlyXLeft: null, salable: true },
    ],
  ])("%s", (_name, overrides, s, onlyXLeftThreshold, displayStockStatus, expected) => {
    expect(storefrontLabels({ eff: makeEff(overrides), snap: s, onlyXLeftThreshold, displayStockStatus })).toEqual(
      expected,
    );
  });
});
