import { OrdersPage } from "../pages/orders-page";
import { ProductPage } from "../pages/product-page";
import { test, expect } from "./fixtures";
import { rendered, type RestClient } from "./rest-client";

/*
 * Placing, cancelling and shipping orders through the API, checked against inventory-rules.md
 * with figures worked out by hand from db/seed.ts. Demo data: Default Config Backorders
 * "Allow Qty Below 0", Out-of-Stock Threshold −50, Not Available Message "Not enough items for
 * sale"; SR-TEE-SEED 25 and SR-CAP 40 in the default source; Default Stock sells to Main Website.
 */

const NOT_ENOUGH = "Not enough items for sale";
const NOT_IN_SOURCE = "Not all of your products are available in the requested quantity.";
const CANNOT_SHIP = "The order does not allow a shipment to be created.";
const NOTHING_TO_CANCEL = "You cannot cancel this order: every item in it is already shipped or canceled.";
const backorderNotice = (qty: number) => `We don't have as many quantity as you requested, but we'll back order the remaining ${qty}.`;

type Line = { sku: string; qty: number };
const place = (api: RestClient, items: Line[]) => api.post("stockroom/orders", { store_code: "default", items });
const ship = (api: RestClient, orderId: number, body: object = {}) => api.post(`order/${orderId}/ship`, body);
const from = (source_code: string) => ({ arguments: { extension_attributes: { source_code } } });

test("the seed walk: 75 salable, an order of 70 leaves 5, 6 more is refused with nothing stored, cancelling gives 75 back", async ({
  api,
  adminPage,
}) => {
  // §2: 25 − (−50).
  expect(await api.salableQty("SR-TEE-SEED", 1)).toBe(75);

  const placed = await place(api, [{ sku: "SR-TEE-SEED", qty: 70 }]);
  expect(placed.status).toBe(200);
  // §5: 70 − 25 on the shelf = 45 on backorder; Backorders "Allow Qty Below 0" gives no notice.
  expect(placed.body).toEqual({
    entity_id: 1,
    increment_id: "000000001",
    items: [{ item_id: 1, sku: "SR-TEE-SEED", qty_ordered: 70, qty_backordered: 45 }],
    messages: [],
  });
  // §2 and §10 "seed": 75 − 70.
  expect(await api.salableQty("SR-TEE-SEED", 1)).toBe(5);

  // §4: 6 > 5 fails every sufficient check; the shopper sees the last message.
  const refused = await place(api, [{ sku: "SR-TEE-SEED", qty: 6 }]);
  expect(refused.status).toBe(400);
  expect(rendered(refused)).toBe(NOT_ENOUGH);
  expect(refused.body.parameters).toEqual({ sku: "SR-TEE-SEED" });
  expect(refused.body.errors.map((e: { parameters: { code: string } }) => e.parameters.code)).toEqual([
    "back_order-disabled",
    "manage_stock-enabled",
    "is_salable_with_reservations-not_enough_qty",
  ]);
  expect(await api.salableQty("SR-TEE-SEED", 1)).toBe(5);
  // 5 still passes (inclusive, §4).
  expect(await api.salableForQty("SR-TEE-SEED", 1, 5)).toEqual({ salable: true, errors: [] });

  // The admin sees the API's order at once, and only that one: the refusal stored nothing.
  const orders = new OrdersPage(adminPage);
  await orders.open();
  await expect(orders.recordCount()).toHaveText("1 record found");
  expect((await orders.rows()).map(([id, , skus, ordered, backordered, status]) => [id, skus, ordered, backordered, status])).toEqual([
    ["000000001", "SR-TEE-SEED", "70", "45", "Pending"],
  ]);

  expect(await api.post("orders/1/cancel")).toEqual({ status: 200, body: true });
  // §7: cancelling returns all 70 to salable.
  expect(await api.salableQty("SR-TEE-SEED", 1)).toBe(75);
  const again = await api.post("orders/1/cancel");
  expect(again.status).toBe(400);
  expect(rendered(again)).toBe(NOTHING_TO_CANCEL);
  expect(await api.salableQty("SR-TEE-SEED", 1)).toBe(75);

  await adminPage.reload();
  expect((await orders.rows()).map((row) => row[5])).toEqual(["Canceled"]);
});

test("Backorders \"Allow Qty Below 0 and Notify Customer\": the backordered quantity and the notice, per line", async ({
  api,
  adminPage,
}) => {
  // No product REST call exists yet: the product's override is saved on the product page.
  const product = new ProductPage(adminPage);
  await product.open("SR-TEE-SEED");
  await product.saveAdvancedInventory({ Backorders: "Allow Qty Below 0 and Notify Customer" });
  // §1.3: backorders on keeps the −50 threshold; 25 + 50.
  expect(await api.salableQty("SR-TEE-SEED", 1)).toBe(75);

  // §5: 30 − 25 = 5 backordered, and the notice for 5.
  const first = await place(api, [{ sku: "SR-TEE-SEED", qty: 30 }]);
  expect(first.body).toEqual({
    entity_id: 1,
    increment_id: "000000001",
    items: [{ item_id: 1, sku: "SR-TEE-SEED", qty_ordered: 30, qty_backordered: 5 }],
    messages: [backorderNotice(5)],
  });

  // SR-CAP (config Backorders 1, 40 on the shelf): nothing backordered, no notice. SR-TEE-SEED:
  // 25 − 30 reserved = −5 available, so both units go on backorder: clamp(2 − (−5), 0, 2) = 2.
  const second = await place(api, [
    { sku: "SR-CAP", qty: 3 },
    { sku: "SR-TEE-SEED", qty: 2 },
  ]);
  expect(second.body).toEqual({
    entity_id: 2,
    increment_id: "000000002",
    items: [
      { item_id: 2, sku: "SR-CAP", qty_ordered: 3, qty_backordered: 0 },
      { item_id: 3, sku: "SR-TEE-SEED", qty_ordered: 2, qty_backordered: 2 },
    ],
    messages: [backorderNotice(2)],
  });
  // 75 − 32 and 90 − 3.
  expect(await api.salableQty("SR-TEE-SEED", 1)).toBe(43);
  expect(await api.salableQty("SR-CAP", 1)).toBe(87);
});

test("shipping from the default source deducts it and keeps salable; too little in the source refuses the whole shipment", async ({
  api,
}) => {
  const placed = await place(api, [
    { sku: "SR-CAP", qty: 5 },
    { sku: "SR-TEE-SEED", qty: 30 },
  ]);
  expect(placed.body.items.map((i: { item_id: number }) => i.item_id)).toEqual([1, 2]);
  // Reserved: SR-CAP 40 + 50 − 5 = 85; SR-TEE-SEED 25 + 50 − 30 = 45.
  expect(await api.salableQty("SR-CAP", 1)).toBe(85);
  expect(await api.salableQty("SR-TEE-SEED", 1)).toBe(45);

  // Everything open (no items), from the default source (no arguments): 30 tees > 25 on the shelf.
  const all = await ship(api, 1);
  expect(all.status).toBe(400);
  expect(rendered(all)).toBe(NOT_IN_SOURCE);
  expect(await api.sourceQuantities("SR-CAP")).toEqual({ default: 40 });
  expect(await api.sourceQuantities("SR-TEE-SEED")).toEqual({ default: 25 });

  // §7 shipment_created: 2 caps leave the source (40 → 38) and their reservation (−5 → −3): 38 + 50 − 3 = 85.
  expect(await ship(api, 1, { items: [{ order_item_id: 1, qty: 2 }], ...from("default") })).toEqual({ status: 200, body: 1 });
  expect(await api.sourceQuantities("SR-CAP")).toEqual({ default: 38 });
  expect(await api.salableQty("SR-CAP", 1)).toBe(85);

  const tooMany = await ship(api, 1, { items: [{ order_item_id: 2, qty: 26 }], ...from("default") });
  expect(rendered(tooMany)).toBe(NOT_IN_SOURCE);
  // Exactly what the source holds ships: 25 → 0; 0 + 50 − 5 still 45 salable.
  expect(await ship(api, 1, { items: [{ order_item_id: 2, qty: 25 }] })).toEqual({ status: 200, body: 2 });
  expect(await api.sourceQuantities("SR-TEE-SEED")).toEqual({ default: 0 });
  expect(await api.salableQty("SR-TEE-SEED", 1)).toBe(45);

  // 3 caps and 5 tees are open; the tees can't come from an empty source, so the caps don't ship either.
  expect(rendered(await ship(api, 1))).toBe(NOT_IN_SOURCE);
  expect(await api.sourceQuantities("SR-CAP")).toEqual({ default: 38 });
  expect(await ship(api, 1, { items: [{ order_item_id: 1, qty: 3 }] })).toEqual({ status: 200, body: 3 });
  expect(await api.sourceQuantities("SR-CAP")).toEqual({ default: 35 });
  // Nothing of the caps is left to ship.
  const shipped = await ship(api, 1, { items: [{ order_item_id: 1, qty: 1 }] });
  expect(shipped.status).toBe(400);
  expect(rendered(shipped)).toBe(CANNOT_SHIP);

  // Cancelling releases only the 5 tees never shipped: 0 + 50 − 30 + 25 + 5 = 50; caps stay 85.
  expect(await api.post("orders/1/cancel")).toEqual({ status: 200, body: true });
  expect(await api.salableQty("SR-TEE-SEED", 1)).toBe(50);
  expect(await api.salableQty("SR-CAP", 1)).toBe(85);
  expect(rendered(await api.post("orders/1/cancel"))).toBe(NOTHING_TO_CANCEL);
  expect(rendered(await ship(api, 1))).toBe(CANNOT_SHIP);
});

test("shipping a multi-source order from the sources of its stock", async ({ api }) => {
  for (const [source_code, name] of [
    ["north", "North Warehouse"],
    ["south", "South Warehouse"],
  ]) {
    expect((await api.post("inventory/sources", { source: { source_code, name, country_id: "US", postcode: "10001" } })).status).toBe(200);
  }
  const stock = (await api.post("inventory/stocks", {
    stock: { name: "Retail Stock", extension_attributes: { sales_channels: [{ type: "website", code: "base" }] } },
  })).body;
  await api.post("inventory/stock-source-links", {
    links: [
      { stock_id: stock, source_code: "north", priority: 1 },
      { stock_id: stock, source_code: "south", priority: 2 },
    ],
  });
  await api.post("inventory/source-items", {
    sourceItems: [
      { sku: "SR-TEE-SEED", source_code: "north", quantity: 10, status: 1 },
      { sku: "SR-TEE-SEED", source_code: "south", quantity: 30, status: 1 },
    ],
  });
  // Main Website now sells from Retail Stock: 10 + 30 + 50.
  expect(await api.salableQty("SR-TEE-SEED", stock)).toBe(90);

  // 35 of the 40 on the shelves: nothing backordered.
  const placed = await place(api, [{ sku: "SR-TEE-SEED", qty: 35 }]);
  expect(placed.body.items).toEqual([{ item_id: 1, sku: "SR-TEE-SEED", qty_ordered: 35, qty_backordered: 0 }]);
  expect(await api.salableQty("SR-TEE-SEED", stock)).toBe(55);

  // Without arguments Magento ships from the default source, which Retail Stock does not have.
  const defaultSource = await ship(api, 1);
  expect(defaultSource.status).toBe(400);
  expect(rendered(defaultSource)).toBe(
    'arguments.extension_attributes.source_code: The source "default" is not an enabled source of this order\'s stock.',
  );
  expect(rendered(await ship(api, 1, from("north")))).toBe(NOT_IN_SOURCE);
  expect(await api.sourceQuantities("SR-TEE-SEED")).toEqual({ default: 25, north: 10, south: 30 });

  expect(await ship(api, 1, { items: [{ order_item_id: 1, qty: 10 }], ...from("north") })).toEqual({ status: 200, body: 1 });
  expect(await ship(api, 1, from("south"))).toEqual({ status: 200, body: 2 });
  // North 10 − 10, South 30 − 25; Default Stock's default source untouched.
  expect(await api.sourceQuantities("SR-TEE-SEED")).toEqual({ default: 25, north: 0, south: 5 });
  // Reservations −35 + 10 + 25 = 0: 0 + 5 + 50 on Retail Stock; Default Stock still 25 + 50.
  expect(await api.salableQty("SR-TEE-SEED", stock)).toBe(55);
  expect(await api.salableQty("SR-TEE-SEED", 1)).toBe(75);
});

test("without a token the order calls answer 401 and change nothing", async ({ api, anonymous }) => {
  expect((await place(api, [{ sku: "SR-TEE-SEED", qty: 5 }])).status).toBe(200);
  const forged = anonymous.withToken("forged-token-forged-token");
  const calls: [string, object | undefined, string][] = [
    ["stockroom/orders", { store_code: "default", items: [{ sku: "SR-TEE-SEED", qty: 5 }] }, "Magento_Sales::create"],
    ["orders/1/cancel", undefined, "Magento_Sales::cancel"],
    ["order/1/ship", from("default"), "Magento_Sales::ship"],
    ["order/1/refund", {}, "Magento_Sales::creditmemo"],
  ];
  for (const client of [anonymous, forged]) {
    for (const [path, body, resource] of calls) {
      const answer = await client.post(path, body);
      expect(answer.status, path).toBe(401);
      expect(answer.body).toEqual({ message: "The consumer isn't authorized to access %resources.", parameters: { resources: resource } });
    }
  }
  // Not placed, cancelled, shipped or refunded: 75 − 5, 25 on the shelf, and order 1 ships whole.
  expect(await api.salableQty("SR-TEE-SEED", 1)).toBe(70);
  expect(await api.sourceQuantities("SR-TEE-SEED")).toEqual({ default: 25 });
  expect(await ship(api, 1)).toEqual({ status: 200, body: 1 });
  expect(await api.sourceQuantities("SR-TEE-SEED")).toEqual({ default: 20 });
});
