import { test, expect } from "./fixtures";
import { rendered, type RestClient } from "./rest-client";

/*
 * A multi-source catalog built through the API alone, then the salability calls checked
 * against inventory-rules.md. Demo data: Default Config Backorders = "Allow Qty Below 0" with
 * Out-of-Stock Threshold −50 (effective −50 for products using config), Not Available Message
 * at its default "Not enough items for sale". Every expected figure is worked out below.
 */

const NOT_ENOUGH = [
  { code: "back_order-disabled", message: "Backorders are disabled" },
  { code: "manage_stock-enabled", message: "Manage stock is enabled" },
  { code: "is_salable_with_reservations-not_enough_qty", message: "Not enough items for sale" },
];
const NO_SOURCE_IN_STOCK = [
  { code: "is_any_source_item_in_stock-no_source_items_in_stock", message: "There are no source items with the in stock status" },
];
const NOT_ASSIGNED = [
  { code: "requested-sku-is-not-assigned-to-given-stock", message: "The requested sku is not assigned to given stock." },
];
const OK = { salable: true, errors: [] };

const source = (source_code: string, name: string, enabled = true) => ({
  source: { source_code, name, enabled, country_id: "US", postcode: "10001" },
});

async function buildCatalog(api: RestClient): Promise<number> {
  for (const body of [source("north", "North Warehouse"), source("south", "South Warehouse"), source("closed", "Closed Depot", false)]) {
    expect((await api.post("inventory/sources", body)).body).toEqual([]);
  }
  const created = await api.post("inventory/stocks", {
    stock: { name: "Retail Stock", extension_attributes: { sales_channels: [{ type: "website", code: "base" }] } },
  });
  expect(created.status).toBe(200);
  const stockId: number = created.body;
  expect(stockId).toBe(2);
  const links = await api.post("inventory/stock-source-links", {
    links: [
      { stock_id: stockId, source_code: "north", priority: 1 },
      { stock_id: stockId, source_code: "south", priority: 2 },
      { stock_id: stockId, source_code: "closed", priority: 3 },
    ],
  });
  expect(links).toEqual({ status: 200, body: [] });
  const items = await api.post("inventory/source-items", {
    sourceItems: [
      { sku: "SR-TEE-SEED", source_code: "north", quantity: 10, status: 1 },
      { sku: "SR-TEE-SEED", source_code: "south", quantity: 5, status: 0 },
      { sku: "SR-TEE-SEED", source_code: "closed", quantity: 100, status: 1 },
      { sku: "SR-POSTER-LTD", source_code: "north", quantity: 3, status: 1 },
      { sku: "SR-POSTER-LTD", source_code: "south", quantity: 4, status: 1 },
      { sku: "SR-FABRIC-M", source_code: "north", quantity: 2.25, status: 1 },
      { sku: "SR-FABRIC-M", source_code: "south", quantity: 1, status: 0 },
      { sku: "SR-MUG-OOS", source_code: "north", quantity: 5, status: 0 },
      { sku: "SR-GIFT-CARD", source_code: "north", quantity: 0, status: 0 },
      { sku: "SR-TIES-100", source_code: "south", quantity: 20, status: 1 },
    ],
  });
  expect(items).toEqual({ status: 200, body: [] });
  return stockId;
}

test("salable quantity, is-salable and is-salable-for-requested-qty on a multi-source stock", async ({ api }) => {
  const stock = await buildCatalog(api);

  // SR-TEE-SEED: North 10 In Stock counts; South is Out of Stock, Closed Depot disabled (§2).
  // 10 − (−50) = 60; 60 passes (inclusive, §4), 61 does not.
  expect(await api.salableQty("SR-TEE-SEED", stock)).toBe(60);
  expect(await api.isSalable("SR-TEE-SEED", stock)).toBe(true);
  expect(await api.salableForQty("SR-TEE-SEED", stock, 60)).toEqual(OK);
  expect(await api.salableForQty("SR-TEE-SEED", stock, 61)).toEqual({ salable: false, errors: NOT_ENOUGH });
  // Default Stock still sells the default source: the seed example, 25 − (−50) = 75.
  expect(await api.salableQty("SR-TEE-SEED", 1)).toBe(75);

  // SR-POSTER-LTD: no backorders, own threshold 2, max 2 per cart: 3 + 4 − 2 = 5.
  expect(await api.salableQty("SR-POSTER-LTD", stock)).toBe(5);
  expect(await api.salableForQty("SR-POSTER-LTD", stock, 2)).toEqual(OK);
  expect(await api.salableForQty("SR-POSTER-LTD", stock, 3)).toEqual({
    salable: false,
    errors: [{ code: "is_correct_qty-max_sale_qty", message: "The requested qty exceeds the maximum qty allowed in shopping cart" }],
  });

  // SR-FABRIC-M: decimals, min 0.5 per cart, no backorders so the −50 threshold is ignored (§1.3): 2.25.
  expect(await api.salableQty("SR-FABRIC-M", stock)).toBe(2.25);
  expect(await api.salableForQty("SR-FABRIC-M", stock, 2.25)).toEqual(OK);
  expect(await api.salableForQty("SR-FABRIC-M", stock, 2.5)).toEqual({ salable: false, errors: NOT_ENOUGH });
  expect(await api.salableForQty("SR-FABRIC-M", stock, 0.25)).toEqual({
    salable: false,
    errors: [{ code: "is_correct_qty-min_sale_qty", message: "The fewest you may purchase is 0.5." }],
  });

  // SR-MUG-OOS: its only source item is Out of Stock; backorders never rescue that (§3).
  expect(await api.salableQty("SR-MUG-OOS", stock)).toBe(0);
  expect(await api.isSalable("SR-MUG-OOS", stock)).toBe(false);
  expect(await api.salableForQty("SR-MUG-OOS", stock, 1)).toEqual({ salable: false, errors: NO_SOURCE_IN_STOCK });

  // SR-GIFT-CARD: Manage Stock = No, salable for any qty; the figure is the computed 0 − (−50) = 50.
  expect(await api.salableQty("SR-GIFT-CARD", stock)).toBe(50);
  expect(await api.isSalable("SR-GIFT-CARD", stock)).toBe(true);
  expect(await api.salableForQty("SR-GIFT-CARD", stock, 1000)).toEqual(OK);

  // SR-TIES-100: increments of 5; 20 − (−50) = 70.
  expect(await api.salableQty("SR-TIES-100", stock)).toBe(70);
  expect(await api.salableForQty("SR-TIES-100", stock, 10)).toEqual(OK);
  expect(await api.salableForQty("SR-TIES-100", stock, 7)).toEqual({
    salable: false,
    errors: [{ code: "is_correct_qty-qty_increment", message: "You can buy this product only in quantities of 5 at a time." }],
  });

  // SR-SOCKS has no source item in the stock's sources: not assigned (§2).
  expect(await api.salableQty("SR-SOCKS", stock)).toBe(0);
  expect(await api.isSalable("SR-SOCKS", stock)).toBe(false);
  expect(await api.salableForQty("SR-SOCKS", stock, 1)).toEqual({ salable: false, errors: NOT_ASSIGNED });
});

test("a source item may be negative, as in Magento's MSI fixture: −15 with backorders answers salable −15; nothing ships from it", async ({
  api,
}) => {
  const stock = await buildCatalog(api);
  // The demo's threshold −50 back to the system value 0: with Backorders "Allow Qty Below 0" the
  // effective threshold is 0 (§1.3), so salable = physical + reserved, as in Magento's fixture.
  expect((await api.put("stockroom/config/default/0", { values: { "cataloginventory/item_options/min_qty": null } })).status).toBe(200);
  const negative = { sourceItems: [{ sku: "SR-TEE-SEED", source_code: "north", quantity: -15, status: 1 }] };
  expect(await api.post("inventory/source-items", negative)).toEqual({ status: 200, body: [] });
  expect((await api.sourceQuantities("SR-TEE-SEED")).north).toBe(-15);
  // §2: North −15 (South is Out of Stock, Closed Depot disabled) − 0 = −15; §3: backorders with a
  // threshold ≥ 0 keep it salable, so the figure is reported as is.
  expect(await api.salableQty("SR-TEE-SEED", stock)).toBe(-15);
  expect(await api.isSalable("SR-TEE-SEED", stock)).toBe(true);
  expect(await api.salableForQty("SR-TEE-SEED", stock, 2)).toEqual(OK);

  // An order of 2 goes wholly on backorder (§5) and takes salable to −17; a shipment never takes
  // North below 0 (§7), so it is refused and North stays at −15.
  const placed = await api.post("stockroom/orders", { store_code: "default", items: [{ sku: "SR-TEE-SEED", qty: 2 }] });
  expect(placed.body).toMatchObject({ items: [{ sku: "SR-TEE-SEED", qty_ordered: 2, qty_backordered: 2 }] });
  expect(await api.salableQty("SR-TEE-SEED", stock)).toBe(-17);
  const shipped = await api.post(`order/${placed.body.entity_id}/ship`, { arguments: { extension_attributes: { source_code: "north" } } });
  expect(shipped.status).toBe(400);
  expect(rendered(shipped)).toBe("Not all of your products are available in the requested quantity.");
  expect((await api.sourceQuantities("SR-TEE-SEED")).north).toBe(-15);
});

test("disabling a source, unlinking one and unassigning items move the answers at once", async ({ api }) => {
  const stock = await buildCatalog(api);

  expect((await api.put("inventory/sources/north", { source: { enabled: false } })).status).toBe(200);
  // SR-TEE-SEED: North disabled, South Out of Stock, Closed disabled → nothing In Stock counts.
  expect(await api.salableQty("SR-TEE-SEED", stock)).toBe(0);
  expect(await api.salableForQty("SR-TEE-SEED", stock, 1)).toEqual({ salable: false, errors: NO_SOURCE_IN_STOCK });
  // SR-POSTER-LTD: only South's 4 count: 4 − 2 = 2.
  expect(await api.salableQty("SR-POSTER-LTD", stock)).toBe(2);

  expect((await api.post("inventory/stock-source-links-delete", { links: [{ stock_id: stock, source_code: "south" }] })).status).toBe(200);
  // Still assigned through the (disabled) North source, but nothing In Stock counts any more.
  expect(await api.isSalable("SR-POSTER-LTD", stock)).toBe(false);
  expect(await api.salableForQty("SR-POSTER-LTD", stock, 1)).toEqual({ salable: false, errors: NO_SOURCE_IN_STOCK });
  // SR-TIES-100 lived in South only: not assigned to the stock now.
  expect(await api.salableForQty("SR-TIES-100", stock, 5)).toEqual({ salable: false, errors: NOT_ASSIGNED });

  expect((await api.post("inventory/source-items-delete", { sourceItems: [{ sku: "SR-GIFT-CARD", source_code: "north" }] })).status).toBe(200);
  expect(await api.salableForQty("SR-GIFT-CARD", stock, 1)).toEqual({ salable: false, errors: NOT_ASSIGNED });
});

test("reads back what was written: lists with searchCriteria, one entity, links and Notify Qty", async ({ api }) => {
  const stock = await buildCatalog(api);

  const north = await api.search("inventory/source-items", {
    "[filter_groups][0][filters][0][field]": "source_code",
    "[filter_groups][0][filters][0][value]": "north",
    "[sortOrders][0][field]": "quantity",
    "[sortOrders][0][direction]": "DESC",
    "[pageSize]": 2,
  });
  // North holds TEE 10, MUG 5, POSTER 3, FABRIC 2.25, GIFT 0: the first page of two is TEE, MUG.
  expect(north.body).toEqual({
    items: [
      { sku: "SR-TEE-SEED", source_code: "north", quantity: 10, status: 1 },
      { sku: "SR-MUG-OOS", source_code: "north", quantity: 5, status: 0 },
    ],
    search_criteria: {
      filter_groups: [{ filters: [{ field: "source_code", value: "north", condition_type: "eq" }] }],
      sort_orders: [{ field: "quantity", direction: "DESC" }],
      page_size: 2,
    },
    total_count: 5,
  });

  // In Stock OR quantity ≥ 100, AND in North or Closed: TEE@north 10 (In), TEE@closed 100, POSTER@north, FABRIC@north.
  const grouped = await api.search("inventory/source-items", {
    "[filter_groups][0][filters][0][field]": "status",
    "[filter_groups][0][filters][0][value]": 1,
    "[filter_groups][0][filters][1][field]": "quantity",
    "[filter_groups][0][filters][1][value]": 100,
    "[filter_groups][0][filters][1][condition_type]": "gteq",
    "[filter_groups][1][filters][0][field]": "source_code",
    "[filter_groups][1][filters][0][value]": "north,closed",
    "[filter_groups][1][filters][0][condition_type]": "in",
    "[sortOrders][0][field]": "sku",
  });
  expect(grouped.body.total_count).toBe(4);
  expect(grouped.body.items.map((i: { sku: string; source_code: string }) => `${i.sku}@${i.source_code}`)).toEqual([
    "SR-FABRIC-M@north",
    "SR-POSTER-LTD@north",
    "SR-TEE-SEED@north",
    "SR-TEE-SEED@closed",
  ]);

  expect((await api.get("inventory/sources/closed")).body).toEqual({
    source_code: "closed",
    name: "Closed Depot",
    enabled: false,
    country_id: "US",
    postcode: "10001",
  });
  const enabledSources = await api.search("inventory/sources", {
    "[filter_groups][0][filters][0][field]": "enabled",
    "[filter_groups][0][filters][0][value]": 1,
  });
  expect(enabledSources.body.items.map((s: { source_code: string }) => s.source_code)).toEqual(["default", "north", "south"]);

  // Main Website now sells from Retail Stock; a website sells from exactly one stock.
  expect((await api.get(`inventory/stocks/${stock}`)).body).toEqual({
    stock_id: stock,
    name: "Retail Stock",
    extension_attributes: { sales_channels: [{ type: "website", code: "base" }] },
  });
  expect((await api.get("inventory/stocks/1")).body.extension_attributes.sales_channels).toEqual([]);

  const links = await api.search("inventory/stock-source-links", {
    "[filter_groups][0][filters][0][field]": "stock_id",
    "[filter_groups][0][filters][0][value]": stock,
    "[sortOrders][0][field]": "priority",
  });
  expect(links.body.items).toEqual([
    { stock_id: stock, source_code: "north", priority: 1 },
    { stock_id: stock, source_code: "south", priority: 2 },
    { stock_id: stock, source_code: "closed", priority: 3 },
  ]);

  expect((await api.get("inventory/low-quantity-notification/north/SR-TEE-SEED")).body).toEqual({
    source_code: "north",
    sku: "SR-TEE-SEED",
    notify_stock_qty: null,
  });
  const notify = { sourceItemConfigurations: [{ source_code: "north", sku: "SR-TEE-SEED", notify_stock_qty: 12 }] };
  expect((await api.post("inventory/low-quantity-notification", notify)).body).toEqual([]);
  expect((await api.get("inventory/low-quantity-notification/north/SR-TEE-SEED")).body.notify_stock_qty).toBe(12);
  await api.post("inventory/low-quantity-notification", {
    sourceItemConfigurations: [{ source_code: "north", sku: "SR-TEE-SEED", notify_stock_qty: null }],
  });
  expect((await api.get("inventory/low-quantity-notification/north/SR-TEE-SEED")).body.notify_stock_qty).toBeNull();
});

test("stocks: rename with PUT, move a website back, delete; the admin dashboard follows at once", async ({ api, adminPage }) => {
  const stock = await buildCatalog(api);
  await adminPage.goto("/admin/dashboard");
  await expect(adminPage.getByText("can be bought from Retail Stock")).toBeVisible();

  expect((await api.put(`inventory/stocks/${stock}`, { stock: { name: "Retail EU" } })).body).toBe(stock);
  await adminPage.reload();
  await expect(adminPage.getByText("can be bought from Retail EU")).toBeVisible();

  const moved = await api.put(`inventory/stocks/${stock}`, { stock: { extension_attributes: { sales_channels: [] } } });
  expect(moved.status).toBe(200);
  expect((await api.get("inventory/stocks/1")).body.extension_attributes.sales_channels).toEqual([{ type: "website", code: "base" }]);
  await adminPage.reload();
  await expect(adminPage.getByText("can be bought from Default Stock")).toBeVisible();

  expect((await api.delete(`inventory/stocks/${stock}`)).body).toEqual([]);
  expect((await api.get(`inventory/stocks/${stock}`)).status).toBe(404);
  expect((await api.get("inventory/stocks")).body.total_count).toBe(1);
});
