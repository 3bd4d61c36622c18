import { describe, expect, it } from "vitest";
import {
  CONFIG_FIELDS,
  CONFIG_GROUPS,
  SYSTEM_DEFAULT_CONFIG,
  configValueAt,
  describeOrigin,
  fieldAppliesAtScope,
  fieldByKey,
  fieldByPath,
  inheritLabel,
  inheritedValue,
  optionLabel,
  parseConfigValue,
  resolveConfig,
  scopeLabel,
  type ConfigRow,
  type InventoryConfigKey,
  type Scope,
  type ValueOrigin,
} from "@/lib/inventory";

const P = "cataloginventory";
const row = (scope: Scope, scopeId: number, path: string, value: string): ConfigRow => ({
  scope,
  scopeId,
  path: `${P}/${path}`,
  value,
});
const fromDefault: ValueOrigin = { kind: "config", scope: "default", scopeId: 0 };
const fromWebsite = (id: number): ValueOrigin => ({ kind: "config", scope: "websites", scopeId: id });
const fromStore = (id: number): ValueOrigin => ({ kind: "config", scope: "stores", scopeId: id });
const system: ValueOrigin = { kind: "system" };

describe("CONFIG_FIELDS (inventory-rules §1.1)", () => {
  it("lists every field in the order and with the labels, paths, defaults and scopes of §1.1", () => {
    expect(CONFIG_FIELDS.map((f) => [f.path, f.label, f.systemDefault, f.scopeLevel, f.group, f.input])).toEqual([
      [`${P}/options/can_subtract`, "Decrease Stock When Order is Placed", "1", "global", "options", "yesno"],
      [`${P}/options/can_back_in_stock`, "Set Items' Status to be In Stock When Order is Cancelled", "1", "global", "options", "yesno"],
      [`${P}/options/show_out_of_stock`, "Display Out of Stock Products", "0", "global", "options", "yesno"],
      [`${P}/options/stock_threshold_qty`, "Only X left Threshold", "0", "website", "options", "number"],
      [`${P}/options/not_available_message`, "Not Available Message", "2", "website", "options", "select"],
      [`${P}/options/display_product_stock_status`, "Display Products Availability in Stock on Storefront", "1", "store", "options", "yesno"],
      [`${P}/item_options/manage_stock`, "Manage Stock", "1", "global", "item_options", "yesno"],
      [`${P}/item_options/backorders`, "Backorders", "0", "global", "item_options", "select"],
      [`${P}/item_options/max_sale_qty`, "Maximum Qty Allowed in Shopping Cart", "10000", "global", "item_options", "number"],
      [`${P}/item_options/min_qty`, "Out-of-Stock Threshold", "0", "global", "item_options", "number"],
      [`${P}/item_options/min_sale_qty`, "Minimum Qty Allowed in Shopping Cart", "1", "global", "item_options", "number"],
      [`${P}/item_options/notify_stock_qty`, "Notify for Quantity Below", "1", "global", "item_options", "number"],
      [`${P}/item_options/enable_qty_increments`, "Enable Qty Increments", "0", "global", "item_options", "yesno"],
      [`${P}/item_options/qty_increments`, "Qty Increments", "1", "global", "item_options", "number"],
      [`${P}/item_options/auto_return`, "Automatically Return Credit Memo Item to Stock", "0", "global", "item_options", "yesno"],
    ]);
  });

  it("§1.1 select options carry the exact labels", () => {
    expect(fieldByKey("backorders").options).toEqual([
      { value: "0", label: "No Backorders" },
      { value: "1", label: "Allow Qty Below 0" },
      { value: "2", label: "Allow Qty Below 0 and Notify Customer" },
    ]);
    expect(fieldByKey("notAvailableMessage").options).toEqual([
      { value: "1", label: "Only X of Y available" },
      { value: "2", label: "Not enough items for sale" },
    ]);
  });

  it("§1.1 only auto_return lacks the inherit checkbox; Qty Increments depends on Enable Qty Increments", () => {
    expect(CONFIG_FIELDS.filter((f) => !f.canInherit).map((f) => f.key)).toEqual(["autoReturn"]);
    expect(CONFIG_FIELDS.filter((f) => f.dependsOn).map((f) => [f.key, f.dependsOn])).toEqual([
      ["qtyIncrements", { key: "enableQtyIncrements", value: "1" }],
    ]);
    expect(fieldByKey("showOutOfStock").comment).toBe("Products will still be shown by direct product URLs.");
  });

  it("§1.1 groups have the page's titles and the item_options comment", () => {
    expect(CONFIG_GROUPS).toEqual([
      { id: "options", path: `${P}/options`, title: "Stock Options" },
      {
        id: "item_options",
        path: `${P}/item_options`,
        title: "Product Stock Options",
        comment: "Please note that these settings apply to individual items in the cart, not to the entire cart.",
      },
    ]);
    for (const field of CONFIG_FIELDS) {
      expect(field.path.startsWith(`${CONFIG_GROUPS.find((g) => g.id === field.group)!.path}/`)).toBe(true);
    }
  });

  it("finds fields by path and by key", () => {
    expect(fieldByPath(`${P}/item_options/min_qty`)?.key).toBe("minQty");
    expect(fieldByPath(`${P}/item_options/nope`)).toBeUndefined();
    expect(fieldByKey("minQty").path).toBe(`${P}/item_options/min_qty`);
  });

  it("SYSTEM_DEFAULT_CONFIG holds the §1.1 defaults as typed values", () => {
    expect(SYSTEM_DEFAULT_CONFIG).toEqual({
      canSubtract: true,
      canBackInStock: true,
      showOutOfStock: false,
      stockThresholdQty: 0,
      notAvailableMessage: 2,
      displayProductStockStatus: true,
      manageStock: true,
      backorders: 0,
      maxSaleQty: 10000,
      minQty: 0,
      minSaleQty: 1,
      notifyStockQty: 1,
      enableQtyIncrements: false,
      qtyIncrements: 1,
      autoReturn: false,
    });
  });
});

describe("scopes (inventory-rules §1.1)", () => {
  it.each<[InventoryConfigKey, Scope, boolean]>([
    ["manageStock", "default", true],
    ["manageStock", "websites", false],
    ["manageStock", "stores", false],
    ["stockThresholdQty", "default", true],
    ["stockThresholdQty", "websites", true],
    ["stockThresholdQty", "stores", false],
    ["displayProductStockStatus", "default", true],
    ["displayProductStockStatus", "websites", true],
    ["displayProductStockStatus", "stores", true],
  ])("§1.1 scope column: %s shown at %s → %s", (key, scope, expected) => {
    expect(fieldAppliesAtScope(fieldByKey(key), scope)).toBe(expected);
  });

  it.each<[InventoryConfigKey, string]>([
    ["backorders", "[GLOBAL]"],
    ["notAvailableMessage", "[WEBSITE]"],
    ["displayProductStockStatus", "[STORE VIEW]"],
  ])("§1.1 scope label of %s is %s", (key, label) => {
    expect(scopeLabel(fieldByKey(key))).toBe(label);
  });

  it.each<[Scope, string]>([
    ["default", "Use system value"],
    ["websites", "Use Default"],
    ["stores", "Use Website"],
  ])("§1.1 inherit checkbox at %s reads %s", (scope, label) => {
    expect(inheritLabel(scope)).toBe(label);
  });
});

describe("resolveConfig (inventory-rules §1.1 fallback)", () => {
  const ctx = { websiteId: 1, storeId: 1 };

  it("§1.1 nothing stored → system defaults, origin system", () => {
    const { values, origins } = resolveConfig([], ctx);
    expect(values).toEqual(SYSTEM_DEFAULT_CONFIG);
    expect(Object.values(origins).every((o) => o.kind === "system")).toBe(true);
  });

  it.each<[string, ConfigRow[], typeof ctx | null, InventoryConfigKey, unknown, ValueOrigin]>([
    ["default row wins over system", [row("default", 0, "item_options/backorders", "1")], ctx, "backorders", 1, fromDefault],
    [
      "store field: store view over website over default",
      [
        row("default", 0, "options/display_product_stock_status", "1"),
        row("websites", 1, "options/display_product_stock_status", "1"),
        row("stores", 1, "options/display_product_stock_status", "0"),
      ],
      ctx,
      "displayProductStockStatus",
      false,
      fromStore(1),
    ],
    [
      "store field: website when the store view stores nothing",
      [row("default", 0, "options/display_product_stock_status", "1"), row("websites", 1, "options/display_product_stock_status", "0")],
      ctx,
      "displayProductStockStatus",
      false,
      fromWebsite(1),
    ],
    [
      "website field: website over default",
      [row("default", 0, "options/stock_threshold_qty", "3"), row("websites", 1, "options/stock_threshold_qty", "5")],
      ctx,
      "stockThresholdQty",
      5,
      fromWebsite(1),
    ],
    [
      "website field ignores a store view row",
      [row("default", 0, "options/stock_threshold_qty", "3"), row("stores", 1, "options/stock_threshold_qty", "9")],
      ctx,
      "stockThresholdQty",
      3,
      fromDefault,
    ],
    [
      "global field ignores website and store view rows",
      [row("websites", 1, "item_options/min_qty", "-5"), row("stores", 1, "item_options/min_qty", "-7")],
      ctx,
      "minQty",
      0,
      system,
    ],
    [
      "rows of other websites and store views are ignored",
      [row("websites", 2, "options/not_available_message", "1"), row("stores", 2, "options/display_product_stock_status", "0")],
      ctx,
      "notAvailableMessage",
      2,
      system,
    ],
    [
      "ctx null reads Default Config only",
      [row("default", 0, "options/stock_threshold_qty", "3"), row("websites", 1, "options/stock_threshold_qty", "5")],
      null,
      "stockThresholdQty",
      3,
      fromDefault,
    ],
    [
      "unparsable yes/no at the store view falls back to the website",
      [row("websites", 1, "options/display_product_stock_status", "0"), row("stores", 1, "options/display_product_stock_status", "maybe")],
      ctx,
      "displayProductStockStatus",
      false,
      fromWebsite(1),
    ],
    [
      "unparsable yes/no at Default Config falls back to the system value",
      [row("default", 0, "item_options/manage_stock", "yes")],
      ctx,
      "manageStock",
      true,
      system,
    ],
    [
      "unparsable number at the website falls back to default",
      [row("default", 0, "options/stock_threshold_qty", "4"), row("websites", 1, "options/stock_threshold_qty", "abc")],
      ctx,
      "stockThresholdQty",
      4,
      fromDefault,
    ],
    [
      "empty number falls back (an empty input is not 0)",
      [row("default", 0, "item_options/notify_stock_qty", "")],
      ctx,
      "notifyStockQty",
      1,
      system,
    ],
    [
      "select value outside its options falls back",
      [row("default", 0, "item_options/backorders", "3")],
      ctx,
      "backorders",
      0,
      system,
    ],
    [
      "numbers parse with whitespace and decimals",
      [row("default", 0, "item_options/min_qty", " -2.5 ")],
      ctx,
      "minQty",
      -2.5,
      fromDefault,
    ],
  ])("§1.1 %s", (_name, rows, context, key, value, origin) => {
    const resolved = resolveConfig(rows, context);
    expect(resolved.values[key]).toEqual(value);
    expect(resolved.origins[key]).toEqual(origin);
  });

  it("ignores rows for paths outside the section", () => {
    expect(resolveConfig([row("default", 0, "options/unknown", "1")], ctx).values).toEqual(SYSTEM_DEFAULT_CONFIG);
  });

  it("parseConfigValue types each input kind", () => {
    expect(parseConfigValue(fieldByKey("manageStock"), "1")).toBe(true);
    expect(parseConfigValue(fieldByKey("manageStock"), "0")).toBe(false);
    expect(parseConfigValue(fieldByKey("backorders"), "2")).toBe(2);
    expect(parseConfigValue(fieldByKey("maxSaleQty"), "Infinity")).toBeUndefined();
  });
});

describe("inheritedValue (inventory-rules §1.1 inherit checkbox)", () => {
  const rows = [
    row("default", 0, "options/stock_threshold_qty", "3"),
    row("websites", 1, "options/stock_threshold_qty", "5"),
    row("default", 0, "options/display_product_stock_status", "0"),
    row("websites", 1, "options/display_product_stock_status", "1"),
    row("stores", 1, "options/display_product_stock_status", "0"),
    row("default", 0, "item_options/backorders", "2"),
  ];

  it.each<[string, InventoryConfigKey, Scope, number, number | undefined, string, ValueOrigin]>([
    ["Default Config shows the system value", "stockThresholdQty", "default", 0, undefined, "0", system],
    ["a website shows Default Config", "stockThresholdQty", "websites", 1, undefined, "3", fromDefault],
    ["a website with nothing above shows the system value", "notAvailableMessage", "websites", 1, undefined, "2", system],
    ["a store view shows its website", "displayProductStockStatus", "stores", 1, 1, "1", fromWebsite(1)],
    ["a store view whose website stores nothing shows Default Config", "displayProductStockStatus", "stores", 2, 2, "0", fromDefault],
    ["a store view without a known website shows Default Config", "displayProductStockStatus", "stores", 1, undefined, "0", fromDefault],
    ["a global field below Default Config shows Default Config", "backorders", "stores", 1, 1, "2", fromDefault],
  ])("§1.1 %s", (_name, key, scope, scopeId, websiteId, value, origin) => {
    expect(inheritedValue(rows, key, scope, scopeId, websiteId)).toEqual({ value, origin });
  });
});

describe("configValueAt (inventory-rules §1.1: the value in force at a scope, its own value included)", () => {
  const rows = [
    row("default", 0, "options/stock_threshold_qty", "3"),
    row("websites", 1, "options/stock_threshold_qty", " 5 "),
    row("websites", 1, "options/not_available_message", "9"),
    row("stores", 1, "options/display_product_stock_status", "0"),
    row("default", 0, "item_options/backorders", "2"),
    row("websites", 1, "item_options/backorders", "0"),
  ];

  it.each<[string, InventoryConfigKey, Scope, number, number | undefined, string, ValueOrigin]>([
    ["Default Config's own value", "stockThresholdQty", "default", 0, undefined, "3", fromDefault],
    ["a website's own value wins over Default Config, trimmed", "stockThresholdQty", "websites", 1, undefined, "5", fromWebsite(1)],
    ["a store view inherits its website's", "stockThresholdQty", "stores", 1, 1, "5", fromWebsite(1)],
    ["a value the field can't hold falls back to the system default", "notAvailableMessage", "websites", 1, undefined, "2", system],
    ["a store view's own value", "displayProductStockStatus", "stores", 1, 1, "0", fromStore(1)],
    ["nothing stored anywhere: the system default", "displayProductStockStatus", "websites", 1, undefined, "1", system],
    ["a [GLOBAL] row at a website is ignored", "backorders", "websites", 1, undefined, "2", fromDefault],
  ])("§1.1 %s", (_name, key, scope, scopeId, websiteId, value, origin) => {
    expect(configValueAt(rows, key, scope, scopeId, websiteId)).toEqual({ value, origin });
  });
});

describe("describeOrigin", () => {
  const names = { websites: { 1: "Main Website" }, stores: { 1: "Default Store View" } };
  it.each<[ValueOrigin, string]>([
    [system, "System default"],
    [fromDefault, "Default Config"],
    [fromWebsite(1), "Website: Main Website"],
    [fromStore(1), "Store View: Default Store View"],
    [{ kind: "product" }, "Product override"],
  ])("%j → %s", (origin, text) => {
    expect(describeOrigin(origin, names)).toBe(text);
  });

  it("falls back to the id when the name is unknown", () => {
    expect(describeOrigin(fromWebsite(3))).toBe("Website: ID 3");
    expect(describeOrigin(fromStore(4), names)).toBe("Store View: ID 4");
  });
});

describe("optionLabel (inventory-rules §1.1 values)", () => {
  it.each<[InventoryConfigKey, string | number | boolean, string]>([
    ["backorders", 0, "No Backorders"],
    ["backorders", 1, "Allow Qty Below 0"],
    ["backorders", "2", "Allow Qty Below 0 and Notify Customer"],
    ["notAvailableMessage", 1, "Only X of Y available"],
    ["notAvailableMessage", 2, "Not enough items for sale"],
    ["manageStock", true, "Yes"],
    ["manageStock", false, "No"],
    ["canSubtract", "0", "No"],
    ["maxSaleQty", 10000, "10000"],
    ["backorders", 7, "7"],
  ])("%s %j → %s", (key, value, label) => {
    expect(optionLabel(key, value)).toBe(label);
  });
});
