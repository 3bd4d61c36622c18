import { describe, expect, it } from "vitest";
import { DEFAULT_PRODUCT_SETTINGS, resolveConfig, type ProductInventorySettings } from "@/lib/inventory";
import {
  applyMassUpdate,
  gridHrefOf,
  MAX_SELECTED_IDS,
  massSelectionFromSearch,
  massSelectionParams,
  massUpdateFormSchema,
  massUpdateMessages,
  massUpdateRequestSchema,
  NO_PRODUCTS,
  NOTHING_TO_CHANGE,
  parseMassSelection,
  type MassUpdateFormInput,
} from "@/lib/validation/mass-update";
import { GREATER_THAN_ZERO, QTY_INCREMENTS_DECIMALS, VALID_INTEGER, VALID_NUMBER } from "@/lib/validation/product";
import { fieldErrorsOf } from "@/lib/validation/result";

const errorsOf = (input: MassUpdateFormInput) => {
  const parsed = massUpdateFormSchema.safeParse(input);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

describe("massUpdateFormSchema: only fields whose Change is checked", () => {
  it("reads a changed field with the product page's parser, and nothing else", () => {
    const parsed = massUpdateFormSchema.parse({
      change: { backorders: true, minQty: false },
      stockItem: { backorders: "1", useConfigBackorders: false, minQty: "not read", useConfigMinQty: false },
    });
    expect(parsed).toEqual({ changed: ["backorders"], patch: { backorders: 1, useConfigBackorders: false } });
  });

  it("a changed field left on Use Config Settings takes no value of its own", () => {
    const parsed = massUpdateFormSchema.parse({ change: { minQty: true }, stockItem: { minQty: "", useConfigMinQty: true } });
    expect(parsed.patch).toEqual({ useConfigMinQty: true });
  });

  it("fields without Use Config Settings take their value", () => {
    const parsed = massUpdateFormSchema.parse({ change: { isQtyDecimal: true }, stockItem: { isQtyDecimal: true } });
    expect(parsed.patch).toEqual({ isQtyDecimal: true });
  });

  it.each<[string, MassUpdateFormInput, Record<string, string>]>([
    ["nothing checked", { change: {}, stockItem: {} }, { "change.manageStock": NOTHING_TO_CHANGE }],
    ["Out-of-Stock Threshold not a number", { change: { minQty: true }, stockItem: { minQty: "x", useConfigMinQty: false } }, { "stockItem.minQty": VALID_NUMBER }],
    [
      "Qty Increments 0",
      { change: { qtyIncrements: true }, stockItem: { qtyIncrements: "0", useConfigQtyIncrements: false } },
      { "stockItem.qtyIncrements": GREATER_THAN_ZERO },
    ],
    ["an invalid value whose Change is unchecked is not read", { change: { manageStock: true }, stockItem: { manageStock: true, useConfigManageStock: false, minQty: "x" } }, {}],
  ])("%s", (_name, input, errors) => {
    expect(errorsOf(input)).toEqual(errors);
  });
});

describe("the selection in the URL", () => {
  it.each<[string, Record<string, string | string[]>, ReturnType<typeof parseMassSelection>]>([
    ["ids ticked one by one", { selected: "3,5,3,x,-1,0,1.5,9" }, { kind: "ids", ids: [3, 5, 9] }],
    ["repeated parameters", { selected: ["3", "4"] }, { kind: "ids", ids: [3, 4] }],
    ["an id beyond the databases' integers is no product's", { selected: "2147483648" }, null],
    ["nothing", {}, null],
    [
      "all matching the grid's search and filters, less the rows unticked",
      { selected: "all", q: "tee", type: "simple", sort: "name", page: "3", excluded: "7" },
      { kind: "filter", grid: { q: "tee", filters: { type: "simple" } }, excluded: [7] },
    ],
  ])("%s", (_name, params, expected) => {
    const parsed = parseMassSelection(params);
    if (parsed?.kind === "filter") parsed.grid.filters = Object.fromEntries(Object.entries(parsed.grid.filters).filter(([, v]) => v !== undefined));
    expect(parsed).toEqual(expected);
  });

  it(`keeps at most ${MAX_SELECTED_IDS} ids`, () => {
    const ids = Array.from({ length: MAX_SELECTED_IDS + 5 }, (_, i) => i + 1).join(",");
    expect(parseMassSelection({ selected: ids })).toMatchObject({ ids: { length: MAX_SELECTED_IDS } });
  });

  it("reads back what it writes; the way back is the grid's filtered view", () => {
    const selection = parseMassSelection({ selected: "all", q: "tee", salable: "1", excluded: "4,5" })!;
    const text = massSelectionParams(selection).toString();
    expect(text).toBe("selected=all&q=tee&salable=1&excluded=4%2C5");
    expect(massSelectionFromSearch(text)).toEqual(selection);
    expect(gridHrefOf(selection)).toBe("/admin/catalog/product?q=tee&salable=1");
    expect(gridHrefOf({ kind: "ids", ids: [1] })).toBe("/admin/catalog/product");
  });

  it("a request naming no product is refused with Magento's words", () => {
    const parsed = massUpdateRequestSchema.safeParse({ selection: "selected=", values: { change: { manageStock: true }, stockItem: {} } });
    expect(parsed.success ? {} : fieldErrorsOf(parsed.error)).toMatchObject({ selection: NO_PRODUCTS });
  });
});

describe("applyMassUpdate: the product page's rules, per product", () => {
  const config = resolveConfig([], null);
  const target = (settings: Partial<ProductInventorySettings> = {}, quantities = [10]) => ({
    sku: "SR-X",
    settings: { ...DEFAULT_PRODUCT_SETTINGS, ...settings },
    quantities,
  });
  const update = (input: MassUpdateFormInput) => massUpdateFormSchema.parse(input);

  it("merges the changed fields over the product's own", () => {
    const outcome = applyMassUpdate(target({ minQty: 3, useConfigMinQty: false }), update({ change: { backorders: true }, stockItem: { backorders: 2, useConfigBackorders: false } }), config);
    expect(outcome).toEqual({ settings: { ...DEFAULT_PRODUCT_SETTINGS, minQty: 3, useConfigMinQty: false, backorders: 2, useConfigBackorders: false } });
  });

  it.each<[string, Partial<ProductInventorySettings>, number[], MassUpdateFormInput, { field: string; message: string }]>([
    [
      "a whole-number product takes whole cart quantities only",
      {},
      [10],
      { change: { minSaleQty: true }, stockItem: { minSaleQty: "1.5", useConfigMinSaleQty: false } },
      { field: "minSaleQty", message: `Product "SR-X": Minimum Qty Allowed in Shopping Cart: ${VALID_INTEGER}` },
    ],
    [
      "increments with decimals on a whole-number product",
      {},
      [10],
      { change: { qtyIncrements: true }, stockItem: { qtyIncrements: "2.5", useConfigQtyIncrements: false } },
      { field: "qtyIncrements", message: `Product "SR-X": Qty Increments: ${QTY_INCREMENTS_DECIMALS}` },
    ],
    [
      "Qty Uses Decimals = No on a product holding 12.5",
      { isQtyDecimal: true },
      [3, 12.5],
      { change: { isQtyDecimal: true }, stockItem: { isQtyDecimal: false } },
      { field: "isQtyDecimal", message: 'Product "SR-X" holds a quantity of 12.5, so it needs Qty Uses Decimals = Yes.' },
    ],
    [
      "a Minimum above the product's own Maximum",
      { maxSaleQty: 2, useConfigMaxSaleQty: false },
      [10],
      { change: { minSaleQty: true }, stockItem: { minSaleQty: "5", useConfigMinSaleQty: false } },
      {
        field: "minSaleQty",
        message: `Product "SR-X": The Minimum Qty Allowed in Shopping Cart can't be greater than the Maximum Qty Allowed in Shopping Cart (2).`,
      },
    ],
  ])("refused: %s", (_name, settings, quantities, input, refusal) => {
    expect(applyMassUpdate(target(settings, quantities), update(input), config)).toEqual(refusal);
  });

  it("Allow Multiple Boxes for Shipping stays No without decimal quantities", () => {
    const outcome = applyMassUpdate(target(), update({ change: { isDecimalDivided: true }, stockItem: { isDecimalDivided: true } }), config);
    expect(outcome).toMatchObject({ settings: { isDecimalDivided: false } });
  });
});

describe("massUpdateMessages", () => {
  it("Magento's sentence, then what else happened", () => {
    expect(massUpdateMessages({ covered: 300, changed: 298, toOutOfStock: 1, toInStock: 0 })).toEqual([
      { kind: "success", text: "A total of 300 record(s) were updated." },
      { kind: "info", text: "2 products already had these values and were left as they were." },
      { kind: "warning", text: "Stock Status of 1 product was set Out of Stock automatically: quantity is at or below the threshold." },
    ]);
  });
});
