import { test, expect, ADMIN, unlockAdmin } from "./fixtures";
import { RawBody, rendered } from "./rest-client";

const SIGN_IN_ERROR =
  "The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.";

test("an admin token is a JSON string that opens the API, under /rest/V1 and /rest/{storeCode}/V1", async ({ anonymous }) => {
  const answer = await anonymous.post("integration/admin/token", { username: ADMIN.username, password: ADMIN.password });
  expect(answer.status).toBe(200);
  expect(typeof answer.body).toBe("string");
  expect(answer.body.length).toBeGreaterThan(20);
  const api = anonymous.withToken(answer.body);
  expect((await api.get("inventory/sources/default")).body).toMatchObject({ source_code: "default", enabled: true });
  expect((await api.forStore("default").get("inventory/stocks/1")).body).toMatchObject({ stock_id: 1, name: "Default Stock" });
  expect((await api.forStore("all").get("inventory/stocks/1")).status).toBe(200);
});

test("wrong credentials get 401 with Magento's message; a malformed request gets 400", async ({ anonymous }) => {
  const wrong = await anonymous.post("integration/admin/token", { username: ADMIN.username, password: "not-the-password" });
  expect(wrong.status).toBe(401);
  expect(rendered(wrong)).toBe(SIGN_IN_ERROR);
  const unknown = await anonymous.post("integration/admin/token", { username: "nobody", password: ADMIN.password });
  expect(unknown.status).toBe(401);
  expect(rendered(unknown)).toBe(SIGN_IN_ERROR);
  const missing = await anonymous.post("integration/admin/token", { username: ADMIN.username });
  expect(missing.status).toBe(400);
  expect(rendered(missing)).toBe("password: This is a required field.");
  const broken = await anonymous.post("integration/admin/token", new RawBody('{"username": "admin",'));
  expect(broken.status).toBe(400);
  expect(rendered(broken)).toBe("Decoding error.");
});

test.describe("lockout", () => {
  test.afterEach(() => unlockAdmin());

  test("six wrong passwords lock the account: even the right one is refused, as on the sign-in page", async ({ anonymous }) => {
    for (let i = 0; i < 6; i++) {
      expect((await anonymous.post("integration/admin/token", { username: ADMIN.username, password: `wrong-${i}` })).status).toBe(401);
    }
    const locked = await anonymous.post("integration/admin/token", { username: ADMIN.username, password: ADMIN.password });
    expect(locked.status).toBe(401);
    expect(rendered(locked)).toBe(SIGN_IN_ERROR);
  });
});

/** One call per route: every one but the token call needs a token (resources as Magento names them). */
const GUARDED: [string, string, unknown, string][] = [
  ["GET", "inventory/sources", undefined, "Magento_InventoryApi::source"],
  ["GET", "inventory/sources/default", undefined, "Magento_InventoryApi::source"],
  ["POST", "inventory/sources", { source: { source_code: "x1", name: "X", country_id: "US", postcode: "1" } }, "Magento_InventoryApi::source_edit"],
  ["PUT", "inventory/sources/default", { source: { name: "Renamed" } }, "Magento_InventoryApi::source_edit"],
  ["GET", "inventory/stocks", undefined, "Magento_InventoryApi::stock"],
  ["GET", "inventory/stocks/1", undefined, "Magento_InventoryApi::stock"],
  ["POST", "inventory/stocks", { stock: { name: "Sneaky" } }, "Magento_InventoryApi::stock_edit"],
  ["PUT", "inventory/stocks/1", { stock: { name: "Renamed" } }, "Magento_InventoryApi::stock_edit"],
  ["DELETE", "inventory/stocks/1", undefined, "Magento_InventoryApi::stock_delete"],
  ["GET", "inventory/stock-source-links", undefined, "Magento_InventoryApi::stock_source_link"],
  ["POST", "inventory/stock-source-links", { links: [{ stock_id: 1, source_code: "default", priority: 9 }] }, "Magento_InventoryApi::stock_source_link"],
  ["POST", "inventory/stock-source-links-delete", { links: [{ stock_id: 1, source_code: "default" }] }, "Magento_InventoryApi::stock_source_link"],
  ["GET", "inventory/source-items", undefined, "Magento_InventoryApi::source"],
  ["POST", "inventory/source-items", { sourceItems: [{ sku: "SR-CAP", source_code: "default", quantity: 0, status: 0 }] }, "Magento_InventoryApi::stock_source_item_assign"],
  ["POST", "inventory/source-items-delete", { sourceItems: [{ sku: "SR-CAP", source_code: "default" }] }, "Magento_InventoryApi::stock_source_item_assign"],
  ["GET", "inventory/get-product-salable-quantity/SR-CAP/1", undefined, "Magento_InventorySalesApi::stock"],
  ["GET", "inventory/is-product-salable/SR-CAP/1", undefined, "Magento_InventorySalesApi::stock"],
  ["GET", "inventory/is-product-salable-for-requested-qty/SR-CAP/1/1", undefined, "Magento_InventorySalesApi::stock"],
  ["GET", "inventory/low-quantity-notification/default/SR-CAP", undefined, "Magento_InventoryLowQuantityNotificationApi::low_quantity_notification"],
  [
    "POST",
    "inventory/low-quantity-notification",
    { sourceItemConfigurations: [{ source_code: "default", sku: "SR-CAP", notify_stock_qty: 1 }] },
    "Magento_InventoryLowQuantityNotificationApi::stock_create_low_quantity_notification",
  ],
  ["POST", "stockroom/orders", { store_code: "default", items: [{ sku: "SR-CAP", qty: 1 }] }, "Magento_Sales::create"],
  ["POST", "orders/1/cancel", undefined, "Magento_Sales::cancel"],
  ["POST", "order/1/ship", undefined, "Magento_Sales::ship"],
  ["POST", "order/1/refund", undefined, "Magento_Sales::creditmemo"],
  ["GET", "products", undefined, "Magento_Catalog::products"],
  ["GET", "products/SR-CAP", undefined, "Magento_Catalog::products"],
  ["POST", "products", { product: { sku: "SR-SNEAKY", name: "Sneaky", price: 1 } }, "Magento_Catalog::products"],
  ["PUT", "products/SR-CAP", { product: { price: 1 } }, "Magento_Catalog::products"],
  ["DELETE", "products/SR-CAP", undefined, "Magento_Catalog::products"],
  ["GET", "stockItems/SR-CAP", undefined, "Magento_CatalogInventory::cataloginventory"],
  ["PUT", "products/SR-CAP/stockItems/8", { stockItem: { qty: 1 } }, "Magento_CatalogInventory::cataloginventory"],
  ["GET", "stockroom/config/default/0", undefined, "Magento_CatalogInventory::cataloginventory"],
  ["PUT", "stockroom/config/default/0", { values: { "cataloginventory/item_options/backorders": "0" } }, "Magento_CatalogInventory::cataloginventory"],
  ["PUT", "stockroom/config/websites/1", { values: { "cataloginventory/options/stock_threshold_qty": null } }, "Magento_CatalogInventory::cataloginventory"],
];

test("without a valid token every call answers 401 naming its resource, and nothing changes", async ({ api, anonymous }) => {
  const world = async () => ({
    sources: (await api.get("inventory/sources")).body,
    stocks: (await api.get("inventory/stocks")).body,
    links: (await api.get("inventory/stock-source-links")).body,
    items: (await api.get("inventory/source-items")).body,
    notify: (await api.get("inventory/low-quantity-notification/default/SR-CAP")).body,
    salable: (await api.get("inventory/get-product-salable-quantity/SR-CAP/1")).body,
    products: (await api.get("products")).body,
    cap: (await api.get("products/SR-CAP")).body,
    config: (await api.get("stockroom/config/default/0")).body,
    configWebsite: (await api.get("stockroom/config/websites/1")).body,
  });
  const before = await world();
  const forged = anonymous.withToken("forged-token-forged-token");
  for (const [method, path, body, resource] of GUARDED) {
    for (const client of [anonymous, forged]) {
      const answer = await client.call(method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(401);
      expect(answer.body).toEqual({ message: "The consumer isn't authorized to access %resources.", parameters: { resources: resource } });
    }
  }
  expect(await world()).toEqual(before);
});
