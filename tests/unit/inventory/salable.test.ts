import { describe, expect, it } from "vitest";
import {
  backorderNotice,
  backorderQty,
  formatQty,
  hasInStockSourceItem,
  isAssigned,
  isSalable,
  isSalableForRequestedQty,
  physicalQty,
  salableQty,
  shopperMessage,
  shopperQtyMessage,
  type NotAvailableMessage,
  type SalabilityError,
  type StockSnapshot,
} from "@/lib/inventory";
import { NOT_ENOUGH, makeEff, snap, source, type ProductOverrides } from "./fixtures";

const noSources = snap([]);

describe("physical quantity and assignment (inventory-rules §2, §3)", () => {
  const mixed = snap([
    source(10),
    source(4, 0, true, "out"),
    source(6, 1, false, "disabled-source"),
    source(0.1, 1, true, "a"),
    source(0.2, 1, true, "b"),
  ]);

  it("§2 physical counts In Stock items in enabled sources only, without float noise", () => {
    expect(physicalQty(mixed)).toBe(10.3);
  });

  it.each<[string, StockSnapshot, boolean, boolean]>([
    ["no source item → not assigned", noSources, false, false],
    ["only an Out of Stock item → assigned, none in stock", snap([source(5, 0)]), true, false],
    ["only a disabled source → assigned, none in stock", snap([source(5, 1, false)]), true, false],
    ["an In Stock item with quantity 0 still counts as in stock", snap([source(0)]), true, true],
  ])("§2/§3 %s", (_name, s, assigned, inStock) => {
    expect(isAssigned(s)).toBe(assigned);
    expect(hasInStockSourceItem(s)).toBe(inStock);
  });
});

describe("isSalable and salableQty (inventory-rules §2, §3)", () => {
  it.each<[string, ProductOverrides, StockSnapshot, boolean, number]>([
    ["§2 not assigned → not salable, 0", {}, noSources, false, 0],
    ["§2 not assigned, manage stock off → not salable, 0", { manageStock: false }, noSources, false, 0],
    ["§3 quantity above threshold → salable", { minQty: 2 }, snap([source(10)]), true, 8],
    ["§3 strictly: physical + reserved − threshold = 0 → not salable, 0", {}, snap([source(10)], -10), false, 0],
    ["§3 strictly: 0.0001 left → salable", { isQtyDecimal: true }, snap([source(10)], -9.9999), true, 0.0001],
    ["§2 oversold without backorders reports 0, never negative", {}, snap([source(2)], -5), false, 0],
    ["§2 reservations count", {}, snap([source(10)], -3), true, 7],
    ["§3 every item Out of Stock → not salable despite quantity", {}, snap([source(10, 0)]), false, 0],
    [
      "§3 backorders never rescue a product with no In Stock item",
      { backorders: 1, minQty: -50 },
      snap([source(10, 0)]),
      false,
      0,
    ],
    ["§3 unlimited backorders with physical 0 → salable, 0", { backorders: 1 }, snap([source(0)]), true, 0],
    ["§2 unlimited backorders oversold → salable, the formula goes negative", { backorders: 2 }, snap([source(3)], -5), true, -2],
    ["§2 Magento's MSI fixture: a source item at −15 with backorders → salable, −15", { backorders: 1 }, snap([source(-15)]), true, -15],
    ["§2 a negative source item without backorders → not salable, 0", {}, snap([source(-15)]), false, 0],
    ["§2 backorder allowance: 25 − (−50) = 75", { backorders: 1, minQty: -50 }, snap([source(25)]), true, 75],
    ["§3 manage stock off, all Out of Stock → salable, computed figure", { manageStock: false }, snap([source(4, 0)]), true, 0],
    ["§2 manage stock off reports the computed figure", { manageStock: false, minQty: 3 }, snap([source(10)], -2), true, 5],
    ["§2 manage stock off may report a negative computed figure", { manageStock: false, minQty: 3 }, snap([source(1)]), true, -2],
  ])("%s", (_name, overrides, s, salable, qty) => {
    const eff = makeEff(overrides);
    expect(isSalable(eff, s)).toBe(salable);
    expect(salableQty(eff, s)).toBe(qty);
  });
});

const err = (code: string, message: string): SalabilityError => ({ code, message });
const MIN = (n: string) => err("is_correct_qty-min_sale_qty", `The fewest you may purchase is ${n}.`);
const MAX = err("is_correct_qty-max_sale_qty", "The requested qty exceeds the maximum qty allowed in shopping cart");
const INC = (n: string) =>
  err("is_correct_qty-qty_increment", `You can buy this product only in quantities of ${n} at a time.`);
const DECIMAL = err("is_correct_qty-is_qty_decimal", "You cannot use decimal quantity for this product.");
const NO_SOURCE = err(
  "is_any_source_item_in_stock-no_source_items_in_stock",
  "There are no source items with the in stock status",
);
const NOT_ASSIGNED = err(
  "requested-sku-is-not-assigned-to-given-stock",
  "The requested sku is not assigned to given stock.",
);
const BACKORDERS_DISABLED = err("back_order-disabled", "Backorders are disabled");
const MANAGE_ENABLED = err("manage_stock-enabled", "Manage stock is enabled");
const notEnough = (message = "Not enough items for sale") => [BACKORDERS_DISABLED, MANAGE_ENABLED, err(NOT_ENOUGH, message)];

describe("isSalableForRequestedQty (inventory-rules §4)", () => {
  const ten = snap([source(10)]);
  const inc = { enableQtyIncrements: true, qtyIncrements: 3 };

  it.each<[string, ProductOverrides, StockSnapshot, number, NotAvailableMessage, SalabilityError[]]>([
    ["§4 enough stock → no error", {}, ten, 10, 2, []],
    ["§4 not enough → all sufficient errors in order", {}, ten, 11, 2, notEnough()],
    ["§4 Not Available Message 1 → Only <salable> of <requested> available", {}, ten, 11, 1, notEnough("Only 10 of 11 available")],
    [
      "§4 Only X of Y formats decimals without trailing zeros",
      { isQtyDecimal: true },
      snap([source(2.5)]),
      2.75,
      1,
      notEnough("Only 2.5 of 2.75 available"),
    ],
    ["§4 Only X of Y uses the salable figure: 0 when not salable", {}, snap([source(2)], -5), 1, 1, notEnough("Only 0 of 1 available")],
    ["§4 inclusive at 4 decimals: 0.1 + 0.2 covers 0.3", { isQtyDecimal: true, minSaleQty: 0 }, snap([source(0.1), source(0.2, 1, true, "b")]), 0.3, 2, []],
    ["§4 threshold counts: 10 − 4 < 7", { minQty: 4 }, ten, 7, 2, notEnough()],
    ["§4 quantity rule: below min", { minSaleQty: 2 }, ten, 1, 2, [MIN("2")]],
    ["§4 quantity rule: min of 0 means no minimum", { minSaleQty: 0 }, ten, 0.0, 2, []],
    ["§4 quantity rule: above max", { maxSaleQty: 5 }, ten, 6, 2, [MAX]],
    ["§4 quantity rule: max of 0 means no maximum", { maxSaleQty: 0, backorders: 1 }, ten, 20000, 2, []],
    ["§4 quantity rule: not a multiple of the increment", inc, ten, 4, 2, [INC("3")]],
    ["§4 quantity rule: a multiple of the increment", inc, ten, 9, 2, []],
    [
      "§4 quantity rule: decimal increments tolerate float noise",
      { isQtyDecimal: true, minSaleQty: 0, enableQtyIncrements: true, qtyIncrements: 0.1 },
      ten,
      0.3,
      2,
      [],
    ],
    ["§4 quantity rule: increments off ignore the value", { qtyIncrements: 3 }, ten, 4, 2, []],
    ["§4 quantity rule: decimal qty for a whole-number product", {}, ten, 1.5, 2, [DECIMAL]],
    ["§4 quantity rule: decimal qty for a decimal product", { isQtyDecimal: true }, ten, 1.5, 2, []],
    ["§4 quantity rule: decimals are checked as requested, past 4 places (2.00004)", {}, ten, 2.00004, 2, [DECIMAL]],
    ["§4 quantity rule: 2.00004 passes a whole increment at 4 decimals, then fails as decimal", { enableQtyIncrements: true, qtyIncrements: 2 }, ten, 2.00004, 2, [DECIMAL]],
    ["§4 quantity rule: 2.00004 of a decimal product is enough against 2 at 4 decimals", { isQtyDecimal: true }, snap([source(2)]), 2.00004, 2, []],
    ["§4 quantity rules report the first failure only (min before increment)", { minSaleQty: 5, ...inc }, ten, 4, 2, [MIN("5")]],
    ["§4 quantity rules report the first failure only (increment before decimal)", inc, ten, 1.5, 2, [INC("3")]],
    ["§4 required: no In Stock source item", { backorders: 1 }, snap([source(10, 0)]), 1, 2, [NO_SOURCE]],
    ["§4 required checks concatenate, then stop", { minSaleQty: 2 }, snap([source(10, 0)]), 1, 2, [MIN("2"), NO_SOURCE]],
    ["§4 required: manage stock off skips the source check", { manageStock: false }, snap([source(10, 0)]), 50, 2, []],
    ["§4 required: manage stock off still applies quantity rules", { manageStock: false, maxSaleQty: 5 }, ten, 6, 2, [MAX]],
    ["§4 sufficient 1: unlimited backorders pass any qty", { backorders: 1, minQty: 5 }, snap([source(0)]), 9999, 2, []],
    ["§4 sufficient 3: backorder allowance counts (10 + 10 ≥ 20)", { backorders: 2, minQty: -10 }, ten, 20, 2, []],
    ["§4 sufficient 3: backorder allowance exhausted", { backorders: 2, minQty: -10 }, ten, 21, 1, notEnough("Only 20 of 21 available")],
    ["§4 not assigned → the single error", {}, noSources, 1, 2, [NOT_ASSIGNED]],
    ["§4 not assigned wins over quantity rules", { minSaleQty: 5 }, noSources, 1.5, 2, [NOT_ASSIGNED]],
    ["§4 not assigned, manage stock off → the single error", { manageStock: false }, noSources, 1, 2, [NOT_ASSIGNED]],
  ])("%s", (_name, overrides, s, qty, message, expected) => {
    expect(isSalableForRequestedQty(makeEff(overrides), s, qty, message)).toEqual(expected);
  });

  it("§4 shoppers see the last message", () => {
    expect(shopperMessage(notEnough())).toBe("Not enough items for sale");
    expect(shopperMessage([MIN("2"), NO_SOURCE])).toBe("There are no source items with the in stock status");
    expect(shopperMessage([])).toBeNull();
  });
});

describe("backorderQty and backorderNotice (inventory-rules §5)", () => {
  it.each<[string, ProductOverrides, StockSnapshot, number, number]>([
    ["§5 example: physical 10, threshold −10, request 15 → 5", { backorders: 2, minQty: -10 }, snap([source(10)]), 15, 5],
    ["§5 request within stock → 0", { backorders: 1 }, snap([source(10)]), 4, 0],
    ["§5 reservations count: 10 − 8 available, request 5 → 3", { backorders: 1 }, snap([source(10)], -8), 5, 3],
    ["§5 already oversold → the whole request", { backorders: 1 }, snap([source(2)], -5), 4, 4],
    ["§5 backorders off → 0", {}, snap([source(2)]), 4, 0],
    ["§5 manage stock off → 0", { manageStock: false, backorders: 1 }, snap([source(2)]), 4, 0],
    ["§5 decimals without noise", { backorders: 1, isQtyDecimal: true }, snap([source(0.1), source(0.2, 1, true, "b")]), 0.5, 0.2],
  ])("%s", (_name, overrides, s, requested, expected) => {
    expect(backorderQty(makeEff(overrides), s, requested)).toBe(expected);
  });

  it.each<[string, ProductOverrides, number, string | null]>([
    [
      "§5 notify customer with a backorder",
      { backorders: 2 },
      5,
      "We don't have as many quantity as you requested, but we'll back order the remaining 5.",
    ],
    ["§5 notify customer, nothing backordered", { backorders: 2 }, 0, null],
    ["§5 Allow Qty Below 0 never notifies", { backorders: 1 }, 5, null],
    ["§5 manage stock off never notifies, even with Notify Customer", { manageStock: false, backorders: 2 }, 5, null],
    ["§5 no backorders", {}, 5, null],
  ])("%s", (_name, overrides, qty, expected) => {
    expect(backorderNotice(makeEff(overrides), qty)).toBe(expected);
  });
});

describe("shopperQtyMessage (inventory-rules §4 last paragraph)", () => {
  const rules: ProductOverrides = { minSaleQty: 2, maxSaleQty: 12, enableQtyIncrements: true, qtyIncrements: 2 };
  it.each<[string, ProductOverrides, number | undefined, string | null]>([
    ["empty", rules, undefined, "Please enter a quantity greater than 0."],
    ["unparsable", rules, Number.NaN, "Please enter a quantity greater than 0."],
    ["zero", rules, 0, "Please enter a quantity greater than 0."],
    ["negative", rules, -1, "Please enter a quantity greater than 0."],
    ["below min", rules, 1, "The fewest you may purchase is 2."],
    ["above max", rules, 14, "The maximum you may purchase is 12."],
    ["off increment", rules, 5, "You can buy this product only in quantities of 2 at a time."],
    ["valid", rules, 6, null],
    ["decimal qty for a whole-number product is left to §4", {}, 1.5, null],
    ["no limits", { minSaleQty: 0, maxSaleQty: 0 }, 99999, null],
  ])("§4 Qty box: %s", (_name, overrides, qty, expected) => {
    expect(shopperQtyMessage(makeEff(overrides), qty)).toBe(expected);
  });
});

describe("formatQty", () => {
  it.each<[number, string]>([
    [5, "5"],
    [5.5, "5.5"],
    [0.17, "0.17"],
    [0.1 + 0.2, "0.3"],
    [1.23456, "1.2346"],
    [-0.00001, "0"],
    [-50, "-50"],
  ])("%d → %s", (n, text) => {
    expect(formatQty(n)).toBe(text);
  });
});
