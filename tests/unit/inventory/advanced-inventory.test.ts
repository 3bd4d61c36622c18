import { describe, expect, it } from "vitest";
import {
  ADVANCED_INVENTORY_FIELDS,
  DEFAULT_PRODUCT_SETTINGS,
  STOCK_STATUS_OPTIONS,
  effectiveSettings,
  effectiveValueNote,
  fieldOptions,
  isPanelFieldShown,
  resolveConfig,
  salableFigureLabel,
  withGlobalValuesShown,
  type AdvancedInventoryField,
  type ConfigRow,
  type PanelState,
} from "@/lib/inventory";

// The demo's Default Config (db/seed.ts): backorders 1, threshold −50, notify 10.
const demoRows: ConfigRow[] = [
  { scope: "default", scopeId: 0, path: "cataloginventory/item_options/backorders", value: "1" },
  { scope: "default", scopeId: 0, path: "cataloginventory/item_options/min_qty", value: "-50" },
  { scope: "default", scopeId: 0, path: "cataloginventory/item_options/notify_stock_qty", value: "10" },
];
const demo = resolveConfig(demoRows, null);

describe("ADVANCED_INVENTORY_FIELDS (inventory-rules §1.2)", () => {
  it("§1.2 lists the twelve fields in order, with Use Config Settings where the table has it", () => {
    expect(ADVANCED_INVENTORY_FIELDS.map((f) => [f.label, f.overridable])).toEqual([
      ["Manage Stock", true],
      ["Qty", false],
      ["Out-of-Stock Threshold", true],
      ["Minimum Qty Allowed in Shopping Cart", true],
      ["Maximum Qty Allowed in Shopping Cart", true],
      ["Qty Uses Decimals", false],
      ["Allow Multiple Boxes for Shipping", false],
      ["Backorders", true],
      ["Notify for Quantity Below", true],
      ["Enable Qty Increments", true],
      ["Qty Increments", true],
      ["Stock Status", false],
    ]);
  });
});

describe("isPanelFieldShown (inventory-rules §1.2 shown when)", () => {
  const on: PanelState = { manageStock: true, enableQtyIncrements: false, singleSourceMode: true };
  const shown = (state: PanelState) =>
    ADVANCED_INVENTORY_FIELDS.map((f) => f.field).filter((field) => isPanelFieldShown(field, state));

  it("§1.2 manage stock on, single source, increments off: all but Qty Increments", () => {
    expect(shown(on)).toEqual([
      "manageStock",
      "qty",
      "minQty",
      "minSaleQty",
      "maxSaleQty",
      "isQtyDecimal",
      "isDecimalDivided",
      "backorders",
      "notifyStockQty",
      "enableQtyIncrements",
      "stockStatus",
    ]);
  });

  it("§1.2 Manage Stock = No hides every stock field; cart limits and increments stay", () => {
    expect(shown({ ...on, manageStock: false, enableQtyIncrements: true })).toEqual<AdvancedInventoryField[]>([
      "manageStock",
      "minSaleQty",
      "maxSaleQty",
      "enableQtyIncrements",
      "qtyIncrements",
    ]);
  });

  it("§1.2 multi-source mode hides Qty, Notify for Quantity Below and Stock Status (they live per source)", () => {
    const fields = shown({ ...on, singleSourceMode: false });
    expect(fields).not.toContain("qty");
    expect(fields).not.toContain("notifyStockQty");
    expect(fields).not.toContain("stockStatus");
    expect(fields).toContain("backorders");
  });

  it("§1.2 Qty Increments only while Enable Qty Increments is Yes", () => {
    expect(isPanelFieldShown("qtyIncrements", { ...on, enableQtyIncrements: true })).toBe(true);
    expect(isPanelFieldShown("qtyIncrements", on)).toBe(false);
  });
});

describe("withGlobalValuesShown (inventory-rules §1.2: a checked field shows the current global value)", () => {
  it("§1.2 a new product's panel shows the global values in every field", () => {
    const shown = withGlobalValuesShown(DEFAULT_PRODUCT_SETTINGS, demo.values);
    expect(shown).toMatchObject({ backorders: 1, minQty: -50, notifyStockQty: 10, manageStock: true, maxSaleQty: 10000 });
    expect(shown.useConfigBackorders).toBe(true);
  });

  it("§1.2 an overridden field keeps the product's own value; a checked one drops a stale copy", () => {
    const product = { ...DEFAULT_PRODUCT_SETTINGS, backorders: 0 as const, useConfigBackorders: false, minQty: 7 };
    const shown = withGlobalValuesShown(product, demo.values);
    expect(shown.backorders).toBe(0);
    expect(shown.minQty).toBe(-50);
    // Effective values do not change: only what the disabled inputs display.
    expect(effectiveSettings(shown, demo.values, demo.origins)).toEqual(
      effectiveSettings(product, demo.values, demo.origins),
    );
  });
});

describe("effectiveValueNote (issue: where each value comes from)", () => {
  it.each<[string, Parameters<typeof effectiveValueNote>, string]>([
    [
      "config at Default Config",
      ["backorders", { value: 1, origin: { kind: "config", scope: "default", scopeId: 0 } }],
      "Config: Allow Qty Below 0 — Default Config",
    ],
    ["system default", ["manageStock", { value: true, origin: { kind: "system" } }], "Config: Yes — System default"],
    ["product override", ["backorders", { value: 0, origin: { kind: "product" } }], "Product: No Backorders — Product override"],
    [
      "a number from config",
      ["minQty", { value: -50, origin: { kind: "config", scope: "default", scopeId: 0 } }],
      "Config: -50 — Default Config",
    ],
  ])("%s", (_name, args, text) => {
    expect(effectiveValueNote(...args)).toBe(text);
  });
});

describe("fieldOptions (inventory-rules §1.1 values)", () => {
  it("Yes/No fields offer Yes and No; Backorders its three; numbers none", () => {
    expect(fieldOptions("manageStock").map((o) => o.label)).toEqual(["Yes", "No"]);
    expect(fieldOptions("backorders").map((o) => o.label)).toEqual([
      "No Backorders",
      "Allow Qty Below 0",
      "Allow Qty Below 0 and Notify Customer",
    ]);
    expect(fieldOptions("minQty")).toEqual([]);
  });
});

describe("salableFigureLabel (inventory-rules §2 admin cell)", () => {
  it.each<[boolean, number, string]>([
    [true, 75, "75"],
    [true, 12.5, "12.5"],
    [true, 0, "0"],
    [false, 50, "No manage stock"],
  ])("manage stock %s, figure %d → %s", (manageStock, salable, label) => {
    expect(salableFigureLabel(manageStock, salable)).toBe(label);
  });
});

describe("STOCK_STATUS_OPTIONS", () => {
  it("In Stock = 1, Out of Stock = 0 (spec terms)", () => {
    expect(STOCK_STATUS_OPTIONS).toEqual([
      { value: 1, label: "In Stock" },
      { value: 0, label: "Out of Stock" },
    ]);
  });
});
