import type { Page } from "@playwright/test";
import { ProductPage } from "../pages/product-page";
import { test, expect } from "./fixtures";
import { ok, rendered, retailStock, type RestClient } from "./rest-client";

/*
 * Products and stock items over HTTP, checked against inventory-rules.md and the demo data:
 * Default Config Backorders "Allow Qty Below 0" (1), Out-of-Stock Threshold −50, Notify for
 * Quantity Below 10; Maximum Qty 10000, Minimum Qty 1, Qty Increments 1 (system defaults).
 * A field on "Use Config Settings" answers the configured value, as Magento's getters do.
 */

const SEED = "SR-TEE-SEED";
const NOT_FOUND = "The product that was requested doesn't exist. Verify the product and try again.";
const NOT_ENOUGH = [
  { code: "back_order-disabled", message: "Backorders are disabled" },
  { code: "manage_stock-enabled", message: "Manage stock is enabled" },
  { code: "is_salable_with_reservations-not_enough_qty", message: "Not enough items for sale" },
];
const NOT_ASSIGNED = [
  { code: "requested-sku-is-not-assigned-to-given-stock", message: "The requested sku is not assigned to given stock." },
];
const OK = { salable: true, errors: [] };
const MAGENTO_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** A stock item on "Use Config Settings" everywhere, showing the demo configuration's values. */
const CONFIGURED = {
  stock_id: 1,
  is_qty_decimal: false,
  use_config_min_qty: true,
  min_qty: -50,
  use_config_min_sale_qty: true,
  min_sale_qty: 1,
  use_config_max_sale_qty: true,
  max_sale_qty: 10000,
  use_config_backorders: true,
  backorders: 1,
  use_config_notify_stock_qty: true,
  notify_stock_qty: 10,
  use_config_qty_increments: true,
  qty_increments: 1,
  use_config_enable_qty_inc: true,
  enable_qty_increments: false,
  use_config_manage_stock: true,
  manage_stock: true,
  is_decimal_divided: false,
  stock_status_changed_auto: 0,
};

test("POST creates a product that GET, the list and the salable calls read back; PUT changes what it names; DELETE removes it", async ({
  api,
}) => {
  const lamp = await ok(
    api.post("products", {
      product: {
        sku: "SR-LAMP",
        name: "Desk Lamp",
        price: 30,
        status: 1,
        type_id: "simple",
        extension_attributes: { stock_item: { qty: 8, is_in_stock: true, use_config_backorders: false, backorders: 0 } },
      },
    }),
  );
  // The 13th product; single-source mode, so qty and is_in_stock are its default source item's.
  expect(lamp).toEqual({
    id: 13,
    sku: "SR-LAMP",
    name: "Desk Lamp",
    price: 30,
    status: 1,
    type_id: "simple",
    created_at: expect.stringMatching(MAGENTO_TIME),
    updated_at: expect.stringMatching(MAGENTO_TIME),
    extension_attributes: {
      stock_item: { ...CONFIGURED, item_id: 13, product_id: 13, qty: 8, is_in_stock: true, use_config_backorders: false, backorders: 0 },
    },
  });
  expect(await ok(api.get("products/SR-LAMP"))).toEqual(lamp);
  expect(await ok(api.get("stockItems/SR-LAMP"))).toEqual(lamp.extension_attributes.stock_item);
  expect(await api.sourceQuantities("SR-LAMP")).toEqual({ default: 8 });
  // No backorders: the −50 threshold is ignored (§1.3), salable 8 − 0 = 8.
  expect(await api.salableQty("SR-LAMP", 1)).toBe(8);

  const found = await ok(
    api.search("products", {
      "[filter_groups][0][filters][0][field]": "name",
      "[filter_groups][0][filters][0][value]": "%Lamp%",
      "[filter_groups][0][filters][0][condition_type]": "like",
    }),
  );
  expect(found).toEqual({
    items: [{ id: 13, sku: "SR-LAMP", name: "Desk Lamp", price: 30, status: 1, type_id: "simple", created_at: lamp.created_at, updated_at: lamp.updated_at }],
    search_criteria: { filter_groups: [{ filters: [{ field: "name", value: "%Lamp%", condition_type: "like" }] }] },
    total_count: 1,
  });

  // A PUT names the price only: everything else stays as it was.
  const repriced = await ok(api.put("products/SR-LAMP", { product: { price: 32.5 } }));
  expect(repriced).toEqual({ ...lamp, price: 32.5, updated_at: expect.stringMatching(MAGENTO_TIME) });
  // POST of a known SKU saves over it, as Magento's does: still product 13, still 13 products.
  expect(await ok(api.post("products", { product: { sku: "SR-LAMP", name: "Desk Lamp II", status: 2 } }))).toMatchObject({
    id: 13,
    name: "Desk Lamp II",
    price: 32.5,
    status: 2,
  });
  expect((await ok(api.get("products"))).total_count).toBe(13);
  const disabled = await ok(
    api.search("products", { "[filter_groups][0][filters][0][field]": "status", "[filter_groups][0][filters][0][value]": 2 }),
  );
  expect(disabled.items.map((p: { sku: string }) => p.sku)).toEqual(["SR-NOTEBOOK", "SR-LAMP"]);

  expect(await ok(api.delete("products/SR-LAMP"))).toBe(true);
  const gone = await api.get("products/SR-LAMP");
  expect(gone.status).toBe(404);
  expect(rendered(gone)).toBe(NOT_FOUND);
  expect((await api.get("inventory/get-product-salable-quantity/SR-LAMP/1")).status).toBe(404);
  expect(await api.sourceQuantities("SR-LAMP")).toEqual({});
  expect((await ok(api.get("products"))).total_count).toBe(12);
});

test("DELETE is refused while an order reserves the product; once cancelled it goes", async ({ api }) => {
  const order = await ok(api.post("stockroom/orders", { store_code: "default", items: [{ sku: "SR-CAP", qty: 2 }] }));
  const refused = await api.delete("products/SR-CAP");
  expect(refused.status).toBe(400);
  expect(rendered(refused)).toBe("The product can't be deleted while orders still reserve it. Ship or cancel them first.");
  expect((await ok(api.get("products/SR-CAP"))).extension_attributes.stock_item.qty).toBe(40);
  expect(await ok(api.post(`orders/${order.entity_id}/cancel`))).toBe(true);
  expect(await ok(api.delete("products/SR-CAP"))).toBe(true);
  expect((await api.get("products/SR-CAP")).status).toBe(404);
});

test("multi-source: products created through POST /products, assigned to sources, sold by the rules", async ({ api }) => {
  const stock = await retailStock(api);
  expect(stock).toBe(2);

  const lamp = await ok(
    api.post("products", {
      product: {
        sku: "SR-LAMP",
        name: "Desk Lamp",
        price: 30,
        extension_attributes: { stock_item: { use_config_backorders: false, backorders: 0, use_config_min_qty: false, min_qty: 3 } },
      },
    }),
  );
  // Decision (Magento's legacy stock item): qty and is_in_stock are the default source item's;
  // the lamp has none, so 0 and false. Status and type default to enabled and simple.
  expect(lamp).toMatchObject({ id: 13, status: 1, type_id: "simple" });
  expect(lamp.extension_attributes.stock_item).toEqual({
    ...CONFIGURED,
    item_id: 13,
    product_id: 13,
    qty: 0,
    is_in_stock: false,
    use_config_backorders: false,
    backorders: 0,
    use_config_min_qty: false,
    min_qty: 3,
  });
  await ok(
    api.post("products", {
      product: {
        sku: "SR-ROPE",
        name: "Rope (per metre)",
        price: 2,
        extension_attributes: { stock_item: { is_qty_decimal: true, use_config_min_sale_qty: false, min_sale_qty: 0.5 } },
      },
    }),
  );
  // Magento's legacy stock item sync: a qty in multi-source mode is the default source item's,
  // created with the product (In Stock, as a new product starts).
  const bulb = await ok(
    api.post("products", {
      product: { sku: "SR-BULB", name: "Bulb", price: 3, extension_attributes: { stock_item: { qty: 5 } } },
    }),
  );
  expect(bulb.extension_attributes.stock_item).toMatchObject({ qty: 5, is_in_stock: true });
  expect(await api.sourceQuantities("SR-BULB")).toEqual({ default: 5 });

  await ok(
    api.post("inventory/source-items", {
      sourceItems: [
        { sku: "SR-LAMP", source_code: "north", quantity: 10, status: 1 },
        { sku: "SR-LAMP", source_code: "south", quantity: 4, status: 1 },
        { sku: "SR-ROPE", source_code: "north", quantity: 1.5, status: 1 },
        { sku: "SR-ROPE", source_code: "south", quantity: 2, status: 0 },
      ],
    }),
  );

  // Lamp: 10 + 4 In Stock, no backorders, threshold 3 → 14 − 3 = 11; 11 passes (inclusive), 12 not.
  expect(await api.salableQty("SR-LAMP", stock)).toBe(11);
  expect(await api.isSalable("SR-LAMP", stock)).toBe(true);
  expect(await api.salableForQty("SR-LAMP", stock, 11)).toEqual(OK);
  expect(await api.salableForQty("SR-LAMP", stock, 12)).toEqual({ salable: false, errors: NOT_ENOUGH });
  // Default Stock sells the default source only, where the lamp has no item: not assigned (§2).
  expect(await api.salableQty("SR-LAMP", 1)).toBe(0);
  expect(await api.salableForQty("SR-LAMP", 1, 1)).toEqual({ salable: false, errors: NOT_ASSIGNED });

  // Rope: South is Out of Stock, so 1.5 counts; backorders from config, threshold −50 → 51.5.
  expect(await api.salableQty("SR-ROPE", stock)).toBe(51.5);
  expect(await api.salableForQty("SR-ROPE", stock, 51.5)).toEqual(OK);
  expect(await api.salableForQty("SR-ROPE", stock, 51.75)).toEqual({ salable: false, errors: NOT_ENOUGH });
  expect(await api.salableForQty("SR-ROPE", stock, 0.25)).toEqual({
    salable: false,
    errors: [{ code: "is_correct_qty-min_sale_qty", message: "The fewest you may purchase is 0.5." }],
  });

  // Backorders on for the lamp alone: its threshold 3 is then ignored (§1.3), backorders are
  // unlimited (§3): 14 − 0 = 14 and any quantity passes. The threshold override stays.
  expect(await ok(api.put("products/SR-LAMP/stockItems/13", { stockItem: { backorders: 1 } }))).toBe(13);
  expect(await ok(api.get("stockItems/SR-LAMP"))).toEqual({ ...lamp.extension_attributes.stock_item, backorders: 1 });
  expect(await api.salableQty("SR-LAMP", stock)).toBe(14);
  expect(await api.salableForQty("SR-LAMP", stock, 1000)).toEqual(OK);

  // A quantity through the stock item assigns the lamp to the default source with it (Magento's
  // legacy sync); North and South keep theirs, and Retail's figure does not move.
  expect(await ok(api.put("products/SR-LAMP/stockItems/13", { stockItem: { qty: 6, is_in_stock: true } }))).toBe(13);
  expect(await api.sourceQuantities("SR-LAMP")).toEqual({ default: 6, north: 10, south: 4 });
  expect(await ok(api.get("stockItems/SR-LAMP"))).toMatchObject({ qty: 6, is_in_stock: true, backorders: 1 });
  expect(await api.salableQty("SR-LAMP", stock)).toBe(14);
  // Default Stock sells the default source: 6, backorders on for the lamp (threshold ignored, §1.3).
  expect(await api.salableQty("SR-LAMP", 1)).toBe(6);

  // Assigned through source items, the lamp's legacy qty and status are that item's.
  await ok(api.post("inventory/source-items", { sourceItems: [{ sku: "SR-LAMP", source_code: "default", quantity: 2, status: 0 }] }));
  expect(await ok(api.get("stockItems/SR-LAMP"))).toMatchObject({ qty: 2, is_in_stock: false });
});

test("PUT stockItems changes only the fields it names: No Backorders takes the seed product to 25, Use Config back to 75", async ({
  api,
}) => {
  const before = await ok(api.get(`stockItems/${SEED}`));
  expect(before).toEqual({ ...CONFIGURED, item_id: 1, product_id: 1, qty: 25, is_in_stock: true });

  // Magento answers the item id; the URL's item id is not what names the item (clients send 1).
  expect(await ok(api.put(`products/${SEED}/stockItems/1`, { stockItem: { use_config_backorders: false, backorders: 0 } }))).toBe(1);
  expect(await ok(api.get(`stockItems/${SEED}`))).toEqual({ ...before, use_config_backorders: false, backorders: 0 });
  // Backorders off: the −50 threshold is ignored (§1.3): 25 − 0.
  expect(await api.salableQty(SEED, 1)).toBe(25);

  expect(await ok(api.put(`products/${SEED}/stockItems/999`, { stockItem: { use_config_backorders: true } }))).toBe(1);
  expect(await ok(api.get(`stockItems/${SEED}`))).toEqual(before);
  expect(await api.salableQty(SEED, 1)).toBe(75);

  // Inventory-rules §8 as the product page applies it: qty 2 with no backorders and threshold 2 → Out of
  // Stock, switched automatically; salable 0.
  const poster = await ok(api.get("stockItems/SR-POSTER-LTD"));
  expect(await ok(api.put("products/SR-POSTER-LTD/stockItems/1", { stockItem: { qty: 2 } }))).toBe(4);
  expect(await ok(api.get("stockItems/SR-POSTER-LTD"))).toEqual({ ...poster, qty: 2, is_in_stock: false, stock_status_changed_auto: 1 });
  expect(await api.salableQty("SR-POSTER-LTD", 1)).toBe(0);
  expect(await api.isSalable("SR-POSTER-LTD", 1)).toBe(false);
});

async function openProduct(page: Page, api: RestClient, sku: string): Promise<ProductPage> {
  const product = new ProductPage(page);
  await product.gotoEdit((await ok(api.get(`products/${sku}`))).id);
  return product;
}

test("a product saved in the admin reads back identically through the API", async ({ api, adminPage }) => {
  const product = await openProduct(adminPage, api, SEED);
  const typed = { name: "Seed Tee, Second Run", price: "26.5", qty: "31", maxSaleQty: "12", minQty: "-5" };
  await product.fill({ "Product Name": typed.name, Price: typed.price, Quantity: typed.qty });
  const ai = product.advancedInventory;
  await ai.open();
  await ai.override("Maximum Qty Allowed in Shopping Cart", typed.maxSaleQty);
  await ai.override("Backorders", "Allow Qty Below 0 and Notify Customer");
  await ai.override("Out-of-Stock Threshold", typed.minQty);
  await ai.done();
  await product.save();
  await expect(product.messages()).toContainText(["You saved the product."]);
  // Backorders on with threshold −5: 31 − (−5) = 36.
  await expect(product.salableQuantity()).toHaveText(["Default Stock: 36"]);

  const stockItem = {
    ...CONFIGURED,
    item_id: 1,
    product_id: 1,
    qty: 31,
    is_in_stock: true,
    use_config_max_sale_qty: false,
    max_sale_qty: 12,
    use_config_backorders: false,
    backorders: 2,
    use_config_min_qty: false,
    min_qty: -5,
  };
  expect(await ok(api.get(`products/${SEED}`))).toEqual({
    id: 1,
    sku: SEED,
    name: typed.name,
    price: 26.5,
    status: 1,
    type_id: "simple",
    created_at: expect.stringMatching(MAGENTO_TIME),
    updated_at: expect.stringMatching(MAGENTO_TIME),
    extension_attributes: { stock_item: stockItem },
  });
  expect(await ok(api.get(`stockItems/${SEED}`))).toEqual(stockItem);
  expect(await api.salableQty(SEED, 1)).toBe(36);
});

test("a product saved through the API shows on the admin product page at once", async ({ api, adminPage }) => {
  await ok(
    api.put("products/SR-CAP", {
      product: {
        name: "Canvas Cap II",
        price: 16.25,
        status: 2,
        extension_attributes: { stock_item: { qty: 33, use_config_min_sale_qty: false, min_sale_qty: 3 } },
      },
    }),
  );
  expect(await ok(api.put("products/SR-CAP/stockItems/1", { stockItem: { use_config_notify_stock_qty: false, notify_stock_qty: 4 } }))).toBe(8);

  const product = await openProduct(adminPage, api, "SR-CAP");
  await expect(product.field("Product Name")).toHaveValue("Canvas Cap II");
  await expect(product.field("Price")).toHaveValue("16.25");
  await expect(product.field("Quantity")).toHaveValue("33");
  await expect(product.enableProduct()).not.toBeChecked();
  await expect(product.stockStatus()).toHaveValue("1");
  // Backorders from config, threshold −50: 33 + 50 = 83.
  await expect(product.salableQuantity()).toHaveText(["Default Stock: 83"]);
  const ai = product.advancedInventory;
  await ai.open();
  await expect(ai.useConfig("Minimum Qty Allowed in Shopping Cart")).not.toBeChecked();
  await expect(ai.input("Minimum Qty Allowed in Shopping Cart")).toHaveValue("3");
  await expect(ai.useConfig("Notify for Quantity Below")).not.toBeChecked();
  await expect(ai.input("Notify for Quantity Below")).toHaveValue("4");
  await expect(ai.useConfig("Backorders")).toBeChecked();
  await expect(ai.input("Backorders")).toHaveValue("1");
});
