import { describe, expect, it } from "vitest";
import { DEFAULT_PRODUCT_SETTINGS } from "@/lib/inventory";
import { REQUIRED } from "@/lib/validation/auth";
import { GREATER_OR_EQUAL_MIN_QTY } from "@/lib/validation/fields";
import {
  AT_MOST_MAX_QTY,
  GREATER_THAN_ZERO,
  QTY_INCREMENTS_DECIMALS,
  VALID_INTEGER,
  VALID_NUMBER,
  ZERO_OR_GREATER,
  maxLength,
  productFormSchema,
  settingsFromInput,
  stockItemFields,
  stockItemSchema,
  type ProductFormInput,
  type StockItemInput,
} from "@/lib/validation/product";
import { fieldErrorsOf } from "@/lib/validation/result";
import { gridSearchParams, hasFilters, parseGridParams } from "@/lib/validation/product-grid";

const item: StockItemInput = { qty: "25", isInStock: true, ...DEFAULT_PRODUCT_SETTINGS };
const form: ProductFormInput = { enabled: true, name: "Tee", sku: "SR-TEE", price: "24", typeId: "simple", stockItem: item };

const errorsOf = (input: unknown) => {
  const parsed = productFormSchema.safeParse(input);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

describe("productFormSchema (inventory-rules §1.1–§1.2 messages)", () => {
  it("parses typed text into numbers", () => {
    const parsed = productFormSchema.parse(form);
    expect(parsed.price).toBe(24);
    expect(parsed.stockItem.qty).toBe(25);
  });

  it.each<[string, Partial<ProductFormInput>, Record<string, string>]>([
    ["empty SKU and name", { sku: " ", name: "" }, { sku: REQUIRED, name: REQUIRED }],
    ["SKU over 64 characters", { sku: "x".repeat(65) }, { sku: maxLength(64) }],
    ["empty price is required, never a silent 0", { price: "" }, { price: REQUIRED }],
    ["negative price", { price: "-1" }, { price: ZERO_OR_GREATER }],
    ["price that is not a number", { price: "12,50" }, { price: VALID_NUMBER }],
  ])("%s", (_name, patch, errors) => {
    expect(errorsOf({ ...form, ...patch })).toEqual(errors);
  });

  it.each<[string, Partial<StockItemInput>, Record<string, string>]>([
    ["Qty empty", { qty: "" }, { "stockItem.qty": REQUIRED }],
    ["Qty not a number", { qty: "abc" }, { "stockItem.qty": VALID_NUMBER }],
    ["Qty above 99999999", { qty: "100000000" }, { "stockItem.qty": AT_MOST_MAX_QTY }],
    ["Qty −15: negative within the same bound, as a source item over REST", { qty: "-15" }, {}],
    ["Qty below −99999999", { qty: "-100000000" }, { "stockItem.qty": GREATER_OR_EQUAL_MIN_QTY }],
    ["Qty with decimals while Qty Uses Decimals is No", { qty: "2.5" }, { "stockItem.qty": VALID_INTEGER }],
    ["Maximum Qty 0", { maxSaleQty: "0", useConfigMaxSaleQty: false }, { "stockItem.maxSaleQty": GREATER_THAN_ZERO }],
    ["Minimum Qty below 0", { minSaleQty: "-1", useConfigMinSaleQty: false }, { "stockItem.minSaleQty": ZERO_OR_GREATER }],
    ["Minimum Qty 1.5 on a whole-number product", { minSaleQty: "1.5", useConfigMinSaleQty: false }, { "stockItem.minSaleQty": VALID_INTEGER }],
    ["Qty Increments 0", { qtyIncrements: "0", useConfigQtyIncrements: false }, { "stockItem.qtyIncrements": GREATER_THAN_ZERO }],
    [
      "Qty Increments 2.5 on a whole-number product",
      { qtyIncrements: "2.5", useConfigQtyIncrements: false, enableQtyIncrements: true },
      { "stockItem.qtyIncrements": QTY_INCREMENTS_DECIMALS },
    ],
    ["Out-of-Stock Threshold not a number", { minQty: "-", useConfigMinQty: false }, { "stockItem.minQty": VALID_NUMBER }],
    ["Backorders out of range", { backorders: 3 as never }, { "stockItem.backorders": "Please select an option." }],
  ])("Advanced Inventory: %s", (_name, patch, errors) => {
    expect(errorsOf({ ...form, stockItem: { ...item, ...patch } })).toEqual(errors);
  });

  it("Qty Uses Decimals = Yes accepts decimal quantities; Allow Multiple Boxes is forced No without it (§1.2)", () => {
    const decimal = stockItemSchema.parse({ ...item, qty: "12.5", isQtyDecimal: true, isDecimalDivided: true });
    expect(decimal).toMatchObject({ qty: 12.5, isDecimalDivided: true });
    expect(stockItemSchema.parse({ ...item, isDecimalDivided: true }).isDecimalDivided).toBe(false);
  });

  it("a field on Use Config Settings holds the global value and is not checked against the product", () => {
    expect(stockItemSchema.safeParse({ ...item, minSaleQty: 0.5, useConfigMinSaleQty: true }).success).toBe(true);
  });

  it("REST bodies: Magento's 1/0 flags and numbers as strings; a partial stock item for PUT", () => {
    const parsed = stockItemSchema.parse({ ...item, isInStock: 1, manageStock: "0", backorders: "2", qty: 7 });
    expect(parsed).toMatchObject({ isInStock: true, manageStock: false, backorders: 2, qty: 7 });
    expect(stockItemFields.partial().parse({ backorders: 0, useConfigBackorders: false })).toEqual({
      backorders: 0,
      useConfigBackorders: false,
    });
  });
});

describe("settingsFromInput (the panel's live notes)", () => {
  it("takes every field that parses and keeps the loaded value for a half-typed one", () => {
    const settings = settingsFromInput({ ...item, backorders: "0", minQty: "-", maxSaleQty: "7" }, DEFAULT_PRODUCT_SETTINGS);
    expect(settings).toMatchObject({ backorders: 0, minQty: DEFAULT_PRODUCT_SETTINGS.minQty, maxSaleQty: 7 });
  });
});

describe("grid URL parameters", () => {
  it("reads every part of a view and writes it back without the defaults", () => {
    const query = parseGridParams({
      q: " tee ",
      salable_from: "0",
      salable_to: "10.5",
      salable: "0",
      type: "virtual",
      status: "2",
      ids: "3, 1,x,-2",
      sort: "salable_qty",
      dir: "desc",
      page: "3",
      limit: "50",
    });
    expect(query).toEqual({
      q: "tee",
      filters: { salableFrom: 0, salableTo: 10.5, salable: false, type: "virtual", enabled: false, ids: [3, 1] },
      sort: "salable_qty",
      dir: "desc",
      page: 3,
      limit: 50,
      after: undefined,
      before: undefined,
    });
    expect(gridSearchParams(query).toString()).toBe(
      "q=tee&salable_from=0&salable_to=10.5&salable=0&type=virtual&status=2&ids=3%2C1&sort=salable_qty&dir=desc&limit=50&page=3",
    );
    expect(hasFilters(query)).toBe(true);
  });

  it("a hand-edited URL never fails: unknown values fall back to the defaults", () => {
    const query = parseGridParams({ sort: "price; drop", dir: "up", page: "-4", limit: "1000", salable_from: "abc", status: "9" });
    expect(query).toMatchObject({ sort: "id", dir: "asc", page: 1, limit: 20, filters: {} });
    expect(query.filters.salableFrom).toBeUndefined();
    expect(gridSearchParams(query).toString()).toBe("");
    expect(hasFilters(query)).toBe(false);
    expect(parseGridParams({ status: "1", salable: "1", q: ["cap", "mug"] })).toMatchObject({
      q: "cap",
      filters: { enabled: true, salable: true },
    });
  });
});
