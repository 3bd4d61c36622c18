import { describe, expect, it } from "vitest";
import { parseOr400, requestBody } from "@/server/rest/body";
import { RestError } from "@/server/rest/errors";
import { parseProductForm, PRODUCT_BODY, productBody, STOCK_ITEM_BODY, STATUS_VALUES, stockItemBody } from "@/server/rest/product-body";
import { AT_MOST_MAX_QTY, GREATER_THAN_ZERO, VALID_INTEGER, ZERO_OR_GREATER } from "@/lib/validation/product";

const productRequest = requestBody({ product: productBody });
const stockItemRequest = requestBody({ stockItem: stockItemBody });

/** The 400 a body gets: its message with the field filled in, as a Magento client shows it. */
function refusal(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    if (!(error instanceof RestError)) throw error;
    return error.phrase.replace("%fieldName", String(error.parameters.fieldName));
  }
  throw new Error("expected a 400");
}

const SEED_FORM = {
  enabled: true,
  name: "Seed Scenario Tee",
  sku: "SR-TEE-SEED",
  price: 24,
  typeId: "simple",
  stockItem: {
    qty: 25,
    isInStock: true,
    manageStock: true,
    useConfigManageStock: true,
    minQty: -50,
    useConfigMinQty: true,
    minSaleQty: 1,
    useConfigMinSaleQty: true,
    maxSaleQty: 10000,
    useConfigMaxSaleQty: true,
    isQtyDecimal: false,
    isDecimalDivided: false,
    backorders: 1,
    useConfigBackorders: true,
    notifyStockQty: 10,
    useConfigNotifyStockQty: true,
    enableQtyIncrements: false,
    useConfigEnableQtyInc: true,
    qtyIncrements: 1,
    useConfigQtyIncrements: true,
  },
};

describe("Magento's product and stock item bodies on the product form's schemas", () => {
  it("reads Magento's names into the form's, only the fields sent (a PUT names a few)", () => {
    const body = {
      product: {
        sku: " SR-LAMP ",
        status: 2,
        type_id: "virtual",
        extension_attributes: { stock_item: { min_qty: "-5", use_config_min_qty: 0, backorders: "2", is_in_stock: true } },
      },
    };
    expect(parseOr400(productRequest, body)).toEqual({
      product: {
        product: { sku: "SR-LAMP", enabled: false, typeId: "virtual" },
        stockItem: { minQty: -5, useConfigMinQty: false, backorders: 2, isInStock: true },
      },
    });
    expect(parseOr400(stockItemRequest, { stockItem: { use_config_backorders: false, backorders: 0 } })).toEqual({
      stockItem: { useConfigBackorders: false, backorders: 0 },
    });
  });

  it("accepts and ignores what a GET answers and Stockroom sets itself, so an answer can be sent back", () => {
    const item = { item_id: 1, product_id: 1, stock_id: 1, stock_status_changed_auto: 0, qty: 5 };
    expect(parseOr400(stockItemRequest, { stockItem: item })).toEqual({ stockItem: { qty: 5 } });
    const product = { id: 1, sku: "A", created_at: "2024-05-01 10:20:30", updated_at: "x", extension_attributes: { website_ids: [1] } };
    expect(parseOr400(productRequest, { product })).toEqual({ product: { product: { sku: "A" }, stockItem: {} } });
  });

  it.each([
    ["a negative price", { product: { price: -1 } }, `product.price: ${ZERO_OR_GREATER}`],
    ["status 3", { product: { status: 3 } }, `product.status: ${STATUS_VALUES}`],
    ["qty over 99999999", { product: { extension_attributes: { stock_item: { qty: 100000000 } } } }, `product.extension_attributes.stock_item.qty: ${AT_MOST_MAX_QTY}`],
    ["a misspelt stock item field", { product: { extension_attributes: { stock_item: { qtty: 1 } } } }, "product.extension_attributes.stock_item: Unknown field(s): qtty."],
    ["a misspelt product field", { product: { prise: 1 } }, "product: Unknown field(s): prise."],
  ])("refuses %s with the form's message at Magento's field", (_name, body, message) => {
    expect(refusal(() => parseOr400(productRequest, body))).toBe(message);
  });

  it("the page's cross-field rules run on the merged product, named as the body names the field", () => {
    const merged = { ...SEED_FORM, stockItem: { ...SEED_FORM.stockItem, qty: 2.5 } };
    expect(refusal(() => parseProductForm(merged, STOCK_ITEM_BODY))).toBe(`stockItem.qty: ${VALID_INTEGER}`);
    expect(refusal(() => parseProductForm(merged, PRODUCT_BODY))).toBe(`product.extension_attributes.stock_item.qty: ${VALID_INTEGER}`);
    const noMax = { ...SEED_FORM, stockItem: { ...SEED_FORM.stockItem, useConfigMaxSaleQty: false, maxSaleQty: 0 } };
    expect(refusal(() => parseProductForm(noMax, STOCK_ITEM_BODY))).toBe(`stockItem.max_sale_qty: ${GREATER_THAN_ZERO}`);
    expect(refusal(() => parseProductForm({ ...SEED_FORM, typeId: "bundle" }, PRODUCT_BODY))).toBe("product.type_id: Please select an option.");
    expect(parseProductForm(SEED_FORM, PRODUCT_BODY)).toMatchObject({ sku: "SR-TEE-SEED", stockItem: { qty: 25 } });
  });
});
