import { describe, expect, it } from "vitest";
import { requestBody } from "@/server/rest/body";
import { addToCartSchema, placeOrderFields, shipOrderFields, shipOrderSchema } from "@/lib/validation/order";
import { fieldErrorsOf } from "@/lib/validation/result";

const REQUIRED = "This is a required field.";
const QTY = "Please enter a quantity greater than 0.";

// The REST bodies as the handlers parse them.
const placeBody = requestBody(placeOrderFields);
const shipBody = requestBody(shipOrderFields);

function errors(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return fieldErrorsOf(result.error as Parameters<typeof fieldErrorsOf>[0]);
}

const line = { sku: "SR-TEE-SEED", qty: 2 };

describe("an order line: one set of quantity rules for Add to Cart and POST /stockroom/orders", () => {
  it.each([
    ["qty 0", 0, QTY],
    ["a negative qty", -1, QTY],
    ["qty in words", "two", QTY],
    ["an empty qty (never a silent 0)", "", QTY],
    ["qty over Magento's limit (inventory-rules §1.2)", 100000000, "Please enter a value less than or equal to 99999999."],
  ])("refuses %s in both", (_case, qty, message) => {
    expect(errors(addToCartSchema, { storeCode: "default", sku: "SR-CAP", qty }).qty).toBe(message);
    expect(errors(placeBody, { store_code: "default", items: [{ sku: "SR-CAP", qty }] })["items.0.qty"]).toBe(message);
  });

  it("reads a numeric string as a number and trims the SKU", () => {
    expect(placeBody.parse({ store_code: " default ", items: [{ sku: " SR-CAP ", qty: "2.5" }] })).toEqual({
      store_code: "default",
      items: [{ sku: "SR-CAP", qty: 2.5 }],
    });
  });

  it.each([
    ["no store code", { items: [line] }, "store_code", REQUIRED],
    ["no items", { store_code: "default" }, "items", REQUIRED],
    ["an empty order", { store_code: "default", items: [] }, "items", "Please send at least one entry."],
    ["a line without a SKU", { store_code: "default", items: [{ qty: 1 }] }, "items.0.sku", REQUIRED],
    ["a SKU that is a number", { store_code: "default", items: [{ sku: 7, qty: 1 }] }, "items.0.sku", "Please enter text in this field."],
    ["a misspelt line field", { store_code: "default", items: [{ ...line, quantity: 1 }] }, "items.0", "Unknown field(s): quantity."],
    ["a misspelt body field", { storeCode: "default", items: [line] }, "", "Unknown field(s): storeCode."],
  ])("POST /stockroom/orders refuses %s", (_case, value, field, message) => {
    expect(errors(placeBody, value)[field]).toBe(message);
  });
});

describe("a shipment: Magento's ShipOrder body", () => {
  it("takes lines and the source; both may be left out (everything open, the default source)", () => {
    const body = { items: [{ order_item_id: "3", qty: 1 }], arguments: { extension_attributes: { source_code: "north" } } };
    expect(shipBody.parse(body)).toEqual({
      items: [{ order_item_id: 3, qty: 1 }],
      arguments: { extension_attributes: { source_code: "north" } },
    });
    expect(shipBody.parse({})).toEqual({});
  });

  it.each([
    ["qty 0", { items: [{ order_item_id: 1, qty: 0 }] }, "items.0.qty", QTY],
    ["an order item id in words", { items: [{ order_item_id: "one", qty: 1 }] }, "items.0.order_item_id", "Please enter a valid number in this field."],
    ["an empty source code", { arguments: { extension_attributes: { source_code: " " } } }, "arguments.extension_attributes.source_code", REQUIRED],
    ["a misspelt argument", { arguments: { extension_attributes: { source: "north" } } }, "arguments.extension_attributes", "Unknown field(s): source."],
  ])("refuses %s", (_case, value, field, message) => {
    expect(errors(shipBody, value)[field]).toBe(message);
  });

  it("the admin's Ship form and the API take source codes of any length a source may have", () => {
    const code = "s".repeat(200);
    expect(shipOrderSchema.parse({ orderId: "1", sourceCode: code }).sourceCode).toBe(code);
    expect(shipBody.parse({ arguments: { extension_attributes: { source_code: code } } }).arguments?.extension_attributes?.source_code).toBe(code);
  });
});
