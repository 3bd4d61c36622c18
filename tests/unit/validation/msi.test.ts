import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/validation/result";
import {
  requestedQtyParam,
  sourceItemConfigurationSchema,
  sourceItemSchema,
  sourcePatchSchema,
  sourceSchema,
  stockSchema,
  stockSourceLinkSchema,
} from "@/lib/validation/msi";

const REQUIRED = "This is a required field.";

function errors(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return fieldErrorsOf(result.error as Parameters<typeof fieldErrorsOf>[0]);
}

const item = { sku: "SR-CAP", source_code: "wh_north", quantity: 5, status: 1 };
const source = { source_code: "wh_north", name: "North", country_id: "US", postcode: "10001" };

describe("source item schema (REST body and admin form alike)", () => {
  it("reads numbers sent as text the way a form sends them, and 0/1 status", () => {
    expect(sourceItemSchema.parse({ ...item, quantity: "12.5", status: "0" })).toEqual({ ...item, quantity: 12.5, status: 0 });
  });

  it.each([
    ["missing quantity", { sku: "SR-CAP", source_code: "wh_north", status: 1 }, "quantity", REQUIRED],
    ["empty quantity is missing, never 0", { ...item, quantity: "" }, "quantity", REQUIRED],
    ["text quantity", { ...item, quantity: "ten" }, "quantity", "Please enter a valid number in this field."],
    ["boolean quantity", { ...item, quantity: true }, "quantity", "Please enter a valid number in this field."],
    ["quantity below −99999999", { ...item, quantity: -100000000 }, "quantity", "Please enter a value greater than or equal to -99999999."],
    ["quantity over Magento's limit (inventory-rules §1.2)", { ...item, quantity: 100000000 }, "quantity", "Please enter a value less than or equal to 99999999."],
    ["status 2", { ...item, status: 2 }, "status", "Please enter 1 (In Stock) or 0 (Out of Stock) in this field."],
    ["status 0.5", { ...item, status: 0.5 }, "status", "Please enter a valid integer in this field."],
    ["empty SKU", { ...item, sku: "  " }, "sku", REQUIRED],
    ["SKU longer than 64", { ...item, sku: "X".repeat(65) }, "sku", "Please enter less or equal than 64 symbols."],
    ["a misspelt field", { ...item, quantty: 5 }, "", "Unknown field(s): quantty."],
  ])("refuses %s", (_case, value, field, message) => {
    expect(errors(sourceItemSchema, value)[field]).toBe(message);
  });

  it("a quantity may be negative within Magento's bound, as Magento's own MSI fixture (−15)", () => {
    expect(sourceItemSchema.parse({ ...item, quantity: -15 }).quantity).toBe(-15);
    expect(sourceItemSchema.parse({ ...item, quantity: "-99999999" }).quantity).toBe(-99999999);
  });

  it("accepts Magento's extension_attributes and ignores it", () => {
    expect(sourceItemSchema.parse({ ...item, extension_attributes: {} })).toMatchObject(item);
  });
});

describe("source schema", () => {
  it("defaults to enabled, upper-cases the country and keeps Magento's other fields out", () => {
    expect(sourceSchema.parse({ ...source, country_id: "de", city: "Berlin" })).toEqual({
      ...source,
      country_id: "DE",
      enabled: true,
      city: "Berlin",
    });
  });

  it.each([
    ["a code with a space", { ...source, source_code: "wh north" }, "source_code"],
    ["a code with a slash", { ...source, source_code: "wh/north" }, "source_code"],
    ["a three-letter country", { ...source, country_id: "USA" }, "country_id"],
    ["a digit country", { ...source, country_id: "U1" }, "country_id"],
    ["no postcode", { ...source, postcode: "" }, "postcode"],
    ["enabled = 2", { ...source, enabled: 2 }, "enabled"],
  ])("refuses %s", (_case, value, field) => {
    expect(errors(sourceSchema, value)[field]).toBeTruthy();
  });

  it("a patch may name one field; an empty description clears it (null), leaving it out keeps it", () => {
    expect(sourcePatchSchema.parse({ name: "New" })).toEqual({ name: "New" });
    expect(sourcePatchSchema.parse({ description: "" }).description).toBeNull();
    expect(sourcePatchSchema.parse({ enabled: "0" }).enabled).toBe(false);
  });
});

describe("stock, link and notify schemas", () => {
  it("a stock's sales channels are websites", () => {
    expect(
      errors(stockSchema, { name: "EU", extension_attributes: { sales_channels: [{ type: "store", code: "base" }] } })[
        "extension_attributes.sales_channels.0.type"
      ],
    ).toBe('Only sales channels of type "website" are supported.');
  });

  it("a link needs a whole, non-negative priority", () => {
    expect(errors(stockSourceLinkSchema, { stock_id: 2, source_code: "a", priority: -1 }).priority).toBe(
      "Please enter a number 0 or greater in this field.",
    );
    expect(errors(stockSourceLinkSchema, { stock_id: "two", source_code: "a", priority: 1 }).stock_id).toBe(
      "Please enter a valid number in this field.",
    );
  });

  it("notify_stock_qty null, empty or left out means Use Default (inventory-rules §9)", () => {
    const base = { source_code: "default", sku: "SR-CAP" };
    expect(sourceItemConfigurationSchema.parse({ ...base, notify_stock_qty: null }).notify_stock_qty).toBeNull();
    expect(sourceItemConfigurationSchema.parse({ ...base, notify_stock_qty: "" }).notify_stock_qty).toBeNull();
    expect(sourceItemConfigurationSchema.parse(base).notify_stock_qty).toBeNull();
    expect(sourceItemConfigurationSchema.parse({ ...base, notify_stock_qty: "7" }).notify_stock_qty).toBe(7);
  });

  it("a requested quantity from the URL is a number greater than 0", () => {
    expect(requestedQtyParam.parse("0.17")).toBe(0.17);
    expect(requestedQtyParam.safeParse("0").success).toBe(false);
    expect(requestedQtyParam.safeParse("abc").success).toBe(false);
  });
});
