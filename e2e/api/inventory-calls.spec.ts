import { test, expect } from "./fixtures";
import { ok, rendered, retailStock, type RestClient } from "./rest-client";

/*
 * The rest of Magento 2.4's inventory REST over HTTP, as a Magento client calls it: the legacy
 * low-stock list and stock status, the bulk source calls, the sources of a stock by priority and
 * the stock resolver. Demo data (product ids in seed order): 1 SR-TEE-SEED 25, 2 SR-MUG-OOS 0
 * (Out of Stock), 3 SR-GIFT-CARD 0, 7 SR-BOTTLE-LOW 3, 8 SR-CAP 40, 12 SR-PEN 1, … all at the
 * default source; Default Config backorders on with threshold −50, so a salable quantity is the
 * in-stock quantity + 50 (inventory-rules §2).
 */

/** What a refused bulk call could have touched, read back through the API. */
async function inventory(api: RestClient) {
  return {
    sourceItems: (await ok(api.get("inventory/source-items"))).items,
    stockItem: await ok(api.get("stockItems/SR-CAP")),
    salable: await ok(api.get("inventory/get-product-salable-quantity/SR-CAP/1")),
  };
}

test("GET stockItems/lowStock and stockStatuses/{sku}: Magento's legacy reads", async ({ api }) => {
  // "lowStock" is the call, not a SKU: stock items with qty ≤ 5, by product id.
  const low = await ok(api.get("stockItems/lowStock/?scopeId=0&qty=5"));
  expect(low.items.map((item: { product_id: number }) => item.product_id)).toEqual([2, 3, 7, 12]);
  expect(low.search_criteria).toEqual({ scope_id: 0, qty: 5, current_page: 1, page_size: 0 });
  expect(low.total_count).toBe(4);
  expect(low.items[2]).toEqual(await ok(api.get("stockItems/SR-BOTTLE-LOW")));
  const page = await ok(api.get("stockItems/lowStock?scopeId=0&qty=5&currentPage=2&pageSize=3"));
  expect(page.items.map((item: { product_id: number }) => item.product_id)).toEqual([12]);

  expect(await ok(api.get("stockStatuses/SR-TEE-SEED"))).toEqual({
    product_id: 1,
    website_id: 0,
    stock_id: 1,
    qty: 25,
    stock_status: 1,
    stock_item: await ok(api.get("stockItems/SR-TEE-SEED")),
  });
  expect(await ok(api.get("stockStatuses/SR-MUG-OOS"))).toMatchObject({ qty: 0, stock_status: 0 });
});

test("bulk assign, transfer and unassign move SR-CAP to a new stock; the resolver and the priority list follow", async ({ api }) => {
  expect(await ok(api.get("inventory/stock-resolver/website/base"))).toMatchObject({ stock_id: 1, name: "Default Stock" });
  const retail = await retailStock(api);
  expect(await ok(api.get("inventory/stock-resolver/website/base"))).toEqual({
    stock_id: retail,
    name: "Retail Stock",
    extension_attributes: { sales_channels: [{ type: "website", code: "base" }] },
  });
  const sources = await ok(api.get(`inventory/get-sources-assigned-to-stock-ordered-by-priority/${retail}`));
  expect(sources.map((s: { source_code: string }) => s.source_code)).toEqual(["north", "south"]);

  // A refused call moves nothing: an unknown SKU beside a known one.
  const before = await inventory(api);
  const refused = await api.post("inventory/bulk-product-source-transfer", {
    skus: ["SR-CAP", "NOPE"],
    originSource: "default",
    destinationSource: "north",
    unassignFromOrigin: true,
  });
  expect(refused.status).toBe(400);
  expect(rendered(refused)).toBe('skus.1: Product with SKU "NOPE" does not exist.');
  expect(await inventory(api)).toEqual(before);

  // Two SKUs × two sources, none assigned yet: 4 new items at 0, Out of Stock; Retail sells none.
  expect(await ok(api.post("inventory/bulk-product-source-assign", { skus: ["SR-CAP", "SR-PEN"], sourceCodes: ["north", "south"] }))).toBe(4);
  expect(await api.sourceQuantities("SR-CAP")).toEqual({ default: 40, north: 0, south: 0 });
  expect(await api.isSalable("SR-CAP", retail)).toBe(false);

  // The 40 move from default to north, In Stock as they were: Retail sells 40 + 50; Default Stock none.
  const moved = api.post("inventory/bulk-product-source-transfer", {
    skus: ["SR-CAP"],
    originSource: "default",
    destinationSource: "north",
    unassignFromOrigin: false,
  });
  expect(await ok(moved)).toBe(true);
  expect(await api.sourceQuantities("SR-CAP")).toEqual({ default: 0, north: 40, south: 0 });
  expect(await api.salableQty("SR-CAP", retail)).toBe(90);
  expect(await api.isSalable("SR-CAP", 1)).toBe(false);

  // Unassigned from default and south: 2 items go; the legacy stock item reads 0, Out of Stock.
  expect(await ok(api.post("inventory/bulk-product-source-unassign", { skus: ["SR-CAP"], sourceCodes: ["default", "south"] }))).toBe(2);
  expect(await api.sourceQuantities("SR-CAP")).toEqual({ north: 40 });
  expect(await ok(api.get("stockStatuses/SR-CAP"))).toMatchObject({ qty: 0, stock_status: 0 });
  expect(await api.salableQty("SR-CAP", retail)).toBe(90);
});

test("the new calls need a token; the 401 names Magento's resource", async ({ anonymous }) => {
  const expected: [string, string, string][] = [
    ["GET", "stockItems/lowStock?scopeId=0&qty=5", "Magento_CatalogInventory::cataloginventory"],
    ["GET", "stockStatuses/SR-CAP", "Magento_CatalogInventory::cataloginventory"],
    ["POST", "inventory/bulk-product-source-assign", "Magento_Catalog::products"],
    ["POST", "inventory/bulk-product-source-unassign", "Magento_Catalog::products"],
    ["POST", "inventory/bulk-product-source-transfer", "Magento_Catalog::products"],
    ["GET", "inventory/get-sources-assigned-to-stock-ordered-by-priority/1", "Magento_InventoryApi::source"],
    ["GET", "inventory/stock-resolver/website/base", "Magento_InventorySalesApi::stock"],
  ];
  for (const [method, path, resource] of expected) {
    const answer = await anonymous.call(method, path, method === "POST" ? {} : undefined);
    expect(answer.status, path).toBe(401);
    expect(answer.body.parameters, path).toEqual({ resources: resource });
  }
});
