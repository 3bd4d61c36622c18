import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/connection";
import { creditmemoItems, creditmemos, reservations } from "@/db/schema";
import { tempDb } from "../db/temp-db";
import { indexRow, rendered, renderedErrors, signedIn, sourceItemsOf, storedState, type RestClient } from "./rest-client";

let db: Db;
vi.mock("@/server/db", () => ({ getDb: async () => db }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

/*
 * POST /V1/order/{orderId}/refund, Magento's RefundOrder, on the catalog seed: SR-CAP 40 and
 * SR-TOTE 120 at the default source, Backorders on with threshold −50 (SR-CAP salable 90).
 */

let api: RestClient;

beforeEach(async () => {
  db = await tempDb();
  api = await signedIn(db);
});

/** An order of 5 caps and 2 totes with 2 caps shipped: order 1, items 1 (cap) and 2 (tote). */
async function partlyShipped() {
  const placed = await api.post("stockroom/orders", { store_code: "default", items: [{ sku: "SR-CAP", qty: 5 }, { sku: "SR-TOTE", qty: 2 }] });
  expect(placed.status).toBe(200);
  expect((await api.post("order/1/ship", { items: [{ order_item_id: 1, qty: 2 }] })).status).toBe(200);
}

/** What a refused refund must leave as it was. */
async function everything() {
  const [{ n: memos }] = await db.select({ n: count() }).from(creditmemos);
  const [{ n: reserved }] = await db.select({ n: count() }).from(reservations);
  return { ...(await storedState(db)), memos, reserved, order: (await api.get("inventory/get-product-salable-quantity/SR-CAP/1")).body };
}

describe("POST /V1/order/{orderId}/refund (inventory-rules §7 credit memos)", () => {
  it("answers the credit memo id; return_to_stock_items go back to stock, the other lines not", async () => {
    await partlyShipped();
    // Cap: 40 − 2 shipped = 38 on the shelf, 3 still reserved → 38 − 3 + 50 = 85.
    expect((await indexRow(db, "SR-CAP", 1)).salableQty).toBe(85);
    const answer = await api.post("order/1/refund", {
      items: [{ order_item_id: 1, qty: 4 }, { order_item_id: 2, qty: 2 }],
      notify: false,
      appendComment: true,
      comment: { comment: "Damaged in transit", is_visible_on_front: 0 },
      arguments: { shipping_amount: 0, adjustment_positive: 0, adjustment_negative: 0, extension_attributes: { return_to_stock_items: [1] } },
    });
    expect(answer).toEqual({ status: 200, body: 1 });
    // Cap, returned: 3 never shipped leave the reservation, 1 shipped back on the shelf → 39 + 50 = 89.
    // Tote, not returned: its 2 never shipped are written off the shelf with their reservation.
    expect(await sourceItemsOf(db, "SR-CAP")).toEqual({ default: [39, 1] });
    expect(await sourceItemsOf(db, "SR-TOTE")).toEqual({ default: [118, 1] });
    expect((await indexRow(db, "SR-CAP", 1)).salableQty).toBe(89);
    expect((await indexRow(db, "SR-TOTE", 1)).salableQty).toBe(168);
    expect(await db.select().from(creditmemos)).toMatchObject([{ id: 1, orderId: 1, createdVia: "rest" }]);
    expect(await db.select().from(creditmemoItems).where(eq(creditmemoItems.orderItemId, 2))).toMatchObject([
      { qty: 2, shipped: false, backToStock: false, sourceCode: "default" },
    ]);
  });

  it("without items refunds everything left; without return_to_stock_items Automatically Return decides (No)", async () => {
    await partlyShipped();
    expect(await api.post("order/1/refund", {})).toEqual({ status: 200, body: 1 });
    // Caps: 3 written off, the 2 shipped stay out → 35. Totes: 2 written off → 118.
    expect(await sourceItemsOf(db, "SR-CAP")).toEqual({ default: [35, 1] });
    expect(await sourceItemsOf(db, "SR-TOTE")).toEqual({ default: [118, 1] });
    // Nothing left: Magento's refusal names the status.
    const again = await api.post("order/1/refund", {});
    expect(again.status).toBe(400);
    expect(rendered(again)).toBe("A creditmemo can not be created when an order has a status of closed");
  });

  it.each<[string, object, string[]]>([
    ["a quantity of 0", { items: [{ order_item_id: 1, qty: 0 }] }, ["items.0.qty: Please enter a quantity greater than 0."]],
    ["a quantity that is not a number", { items: [{ order_item_id: 1, qty: "two" }] }, ["items.0.qty: Please enter a quantity greater than 0."]],
    ["an empty list", { items: [] }, ["items: Please send at least one entry."]],
    ["a misspelt field", { items: [{ order_item_id: 1, qtty: 1 }] }, ["items.0.qty: Please enter a quantity greater than 0.", "items.0: Unknown field(s): qtty."]],
    [
      "return_to_stock_items that is not a list",
      { arguments: { extension_attributes: { return_to_stock_items: 1 } } },
      ["arguments.extension_attributes.return_to_stock_items: Please send a list here."],
    ],
    [
      "more than is left to refund",
      { items: [{ order_item_id: 1, qty: 6 }] },
      ['items.0.qty: The quantity to creditmemo must not be greater than the unrefunded quantity for product SKU "SR-CAP".'],
    ],
    [
      "a decimal quantity of a whole-number product",
      { items: [{ order_item_id: 1, qty: 1.5 }] },
      ["items.0.qty: You cannot use decimal quantity for this product."],
    ],
    [
      "an order item of no line of the order",
      { items: [{ order_item_id: 99, qty: 1 }] },
      ["items.0.order_item_id: The creditmemo contains order item 99 that is not part of the original order."],
    ],
    [
      "a return_to_stock_items entry of no line of the order",
      { items: [{ order_item_id: 1, qty: 1 }], arguments: { extension_attributes: { return_to_stock_items: [99] } } },
      ["arguments.extension_attributes.return_to_stock_items.0: The return to stock argument contains product item that is not part of the original order."],
    ],
    [
      "a return_to_stock_items entry of a line the credit memo leaves out",
      { items: [{ order_item_id: 1, qty: 1 }], arguments: { extension_attributes: { return_to_stock_items: [2] } } },
      ['arguments.extension_attributes.return_to_stock_items.0: The "SR-TOTE" product is not part of the current creditmemo.'],
    ],
  ])("answers 400 in Magento's shape for %s, and stores nothing", async (_name, body, errors) => {
    await partlyShipped();
    const before = await everything();
    const answer = await api.post("order/1/refund", body);
    expect(answer.status).toBe(400);
    expect(renderedErrors(answer)).toEqual(errors);
    expect(rendered(answer)).toBe(errors[0]);
    expect(answer.body.parameters).toMatchObject({ fieldName: errors[0].slice(0, errors[0].indexOf(":")) });
    expect(await everything()).toEqual(before);
  });

  it("answers 404 for an unknown order and 400 for an id that is not one; 401 without a token names the resource", async () => {
    await partlyShipped();
    const before = await everything();
    expect(await api.post("order/99/refund", {})).toEqual({
      status: 404,
      body: { message: "The entity that was requested doesn't exist. Verify the entity and try again.", parameters: {} },
    });
    const bad = await api.post("order/abc/refund", {});
    expect(bad.status).toBe(400);
    expect(rendered(bad)).toBe("orderId: Please enter a valid number in this field.");
    const anonymous = await api.call("POST", "order/1/refund", {}, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.parameters).toEqual({ resources: "Magento_Sales::creditmemo" });
    expect(await everything()).toEqual(before);
  });
});
