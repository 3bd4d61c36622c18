import { describe, expect, it } from "vitest";
import {
  DEFAULT_PRODUCT_SETTINGS,
  activeQtyIncrement,
  effectiveSettings,
  effectiveThreshold,
  hasUnlimitedBackorders,
  resolveConfig,
  thresholdMeaning,
  type ThresholdMeaning,
  type Backorders,
} from "@/lib/inventory";
import { makeEff } from "./fixtures";

describe("DEFAULT_PRODUCT_SETTINGS (inventory-rules §1.2)", () => {
  it("a new product uses the config for every field, at the system defaults", () => {
    expect(DEFAULT_PRODUCT_SETTINGS).toEqual({
      manageStock: true,
      useConfigManageStock: true,
      minQty: 0,
      useConfigMinQty: true,
      minSaleQty: 1,
      useConfigMinSaleQty: true,
      maxSaleQty: 10000,
      useConfigMaxSaleQty: true,
      isQtyDecimal: false,
      isDecimalDivided: false,
      backorders: 0,
      useConfigBackorders: true,
      notifyStockQty: 1,
      useConfigNotifyStockQty: true,
      enableQtyIncrements: false,
      useConfigEnableQtyInc: true,
      qtyIncrements: 1,
      useConfigQtyIncrements: true,
    });
  });
});

describe("effectiveThreshold (inventory-rules §1.3 clamp)", () => {
  it.each<[string, number, Backorders, number]>([
    ["backorders on, raw 5 → 0 (positive ignored)", 5, 1, 0],
    ["backorders on, raw 0 → 0", 0, 1, 0],
    ["backorders on, raw −50 → −50 (the allowance)", -50, 1, -50],
    ["backorders notify, raw −10 → −10", -10, 2, -10],
    ["backorders notify, raw 3 → 0", 3, 2, 0],
    ["backorders off, raw 5 → 5", 5, 0, 5],
    ["backorders off, raw 0 → 0", 0, 0, 0],
    ["backorders off, raw −5 → 0 (negative ignored)", -5, 0, 0],
  ])("§1.3 clamp: %s", (_name, raw, backorders, expected) => {
    expect(effectiveThreshold(raw, backorders)).toBe(expected);
  });
});

describe("effectiveSettings (inventory-rules §1.3)", () => {
  const rows = [
    { scope: "default" as const, scopeId: 0, path: "cataloginventory/item_options/backorders", value: "1" },
    { scope: "default" as const, scopeId: 0, path: "cataloginventory/item_options/min_qty", value: "-20" },
  ];

  it("§1.3 Use Config Settings takes the configuration's value and origin", () => {
    const eff = makeEff({}, rows);
    expect(eff.backorders).toEqual({ value: 1, origin: { kind: "config", scope: "default", scopeId: 0 } });
    expect(eff.minQty).toEqual({ value: -20, origin: { kind: "config", scope: "default", scopeId: 0 } });
    expect(eff.maxSaleQty).toEqual({ value: 10000, origin: { kind: "system" } });
    expect(eff.effectiveMinQty).toBe(-20);
  });

  it("§1.3 an unchecked Use Config Settings takes the product's value, origin product", () => {
    const eff = makeEff({ backorders: 0, manageStock: false, qtyIncrements: 4, isQtyDecimal: true }, rows);
    expect(eff.backorders).toEqual({ value: 0, origin: { kind: "product" } });
    expect(eff.manageStock).toEqual({ value: false, origin: { kind: "product" } });
    expect(eff.qtyIncrements).toEqual({ value: 4, origin: { kind: "product" } });
    expect(eff.isQtyDecimal).toBe(true);
    // The config's −20 is clamped by the product's own Backorders = No.
    expect(eff.minQty.value).toBe(-20);
    expect(eff.effectiveMinQty).toBe(0);
  });

  it("§1.3 each overridable field follows its own flag", () => {
    const { values, origins } = resolveConfig(rows, null);
    const product = {
      ...DEFAULT_PRODUCT_SETTINGS,
      minSaleQty: 2,
      useConfigMinSaleQty: false,
      notifyStockQty: 7,
      useConfigNotifyStockQty: true,
      enableQtyIncrements: true,
      useConfigEnableQtyInc: false,
    };
    const eff = effectiveSettings(product, values, origins);
    expect(eff.minSaleQty.value).toBe(2);
    expect(eff.notifyStockQty.value).toBe(1);
    expect(eff.enableQtyIncrements.value).toBe(true);
    expect(eff.qtyIncrements).toEqual({ value: 1, origin: { kind: "system" } });
  });
});

describe("activeQtyIncrement (inventory-rules §1.3)", () => {
  it.each<[string, boolean, number, number | null]>([
    ["disabled → none", false, 5, null],
    ["enabled, 0 → none", true, 0, null],
    ["enabled, negative → none", true, -2, null],
    ["enabled, 5 → 5", true, 5, 5],
  ])("§1.3 increments apply only when enabled and > 0: %s", (_name, enabled, value, expected) => {
    expect(activeQtyIncrement(makeEff({ enableQtyIncrements: enabled, qtyIncrements: value }))).toBe(expected);
  });
});

describe("hasUnlimitedBackorders (inventory-rules §3 sufficient 1)", () => {
  it.each<[string, boolean, Backorders, number, boolean]>([
    ["backorders on, threshold 0", true, 1, 0, true],
    ["backorders on, threshold 5 (clamped to 0)", true, 2, 5, true],
    ["backorders on, threshold −10 (an allowance, not unlimited)", true, 1, -10, false],
    ["backorders off", true, 0, 0, false],
    ["manage stock off", false, 1, 0, false],
  ])("§3: %s → %s", (_name, manageStock, backorders, minQty, expected) => {
    expect(hasUnlimitedBackorders(makeEff({ manageStock, backorders, minQty }))).toBe(expected);
  });
});

describe("thresholdMeaning (inventory-rules §1.3 Decision)", () => {
  it.each<[number, Backorders, ThresholdMeaning]>([
    [-50, 1, { kind: "belowZero", qty: 50 }],
    [-1, 2, { kind: "belowZero", qty: 1 }],
    [-2.5, 1, { kind: "belowZero", qty: 2.5 }],
    [5, 1, { kind: "ignoredWhileAllowed" }],
    [0, 2, { kind: "unlimited" }],
    [-5, 0, { kind: "negativeIgnored" }],
    [5, 0, { kind: "outAtOrBelow", qty: 5 }],
    [0, 0, { kind: "outAtZero" }],
  ])("§1.3: raw %d with backorders %d → %j", (raw, backorders, meaning) => {
    expect(thresholdMeaning(raw, backorders)).toEqual(meaning);
  });
});
