import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/connection";
import { createAdminUser } from "@/db/queries/auth";
import { hashPassword } from "@/lib/auth/password";
import { REST_ROUTES } from "@/server/rest/routes";
import { TEST_PARAMS } from "../db/fast-hash";
import { tempDb } from "../db/temp-db";
import { retailStock, signedIn, type RestClient } from "./rest-client";

let db: Db;
vi.mock("@/server/db", () => ({ getDb: async () => db }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let api: RestClient;

beforeEach(async () => {
  db = await tempDb();
  api = await signedIn(db);
});

const C = "cataloginventory";

/**
 * One call of every route on the catalog, in an order where each finds what it needs (Retail is
 * stock 2 with north and south, selling to the default store; order 1 is shipped from north and
 * partly refunded, order 2 cancelled): the
 * route's template, the URL, and the body.
 */
const CALLS: [method: string, template: string, path: string, body?: unknown][] = [
  ["POST", "integration/admin/token", "integration/admin/token", { username: "integration", password: "right-password-1" }],
  ["GET", "inventory/sources", "inventory/sources?searchCriteria[sortOrders][0][field]=name&searchCriteria[pageSize]=2"],
  ["GET", "inventory/sources/:sourceCode", "inventory/sources/north"],
  ["POST", "inventory/sources", "inventory/sources", { source: { source_code: "east", name: "East", country_id: "US", postcode: "1" } }],
  ["PUT", "inventory/sources/:sourceCode", "inventory/sources/east", { source: { description: "Dock 2" } }],
  ["GET", "inventory/get-sources-assigned-to-stock-ordered-by-priority/:stockId", "inventory/get-sources-assigned-to-stock-ordered-by-priority/2"],
  ["GET", "inventory/stocks", "inventory/stocks"],
  ["GET", "inventory/stocks/:stockId", "inventory/stocks/2"],
  ["POST", "inventory/stocks", "inventory/stocks", { stock: { name: "Outlet" } }],
  ["PUT", "inventory/stocks/:stockId", "inventory/stocks/3", { stock: { name: "Outlet EU" } }],
  ["POST", "inventory/stock-source-links", "inventory/stock-source-links", { links: [{ stock_id: 3, source_code: "east", priority: 1 }] }],
  ["GET", "inventory/stock-source-links", "inventory/stock-source-links?searchCriteria[filter_groups][0][filters][0][field]=stock_id&searchCriteria[filter_groups][0][filters][0][value]=2"],
  ["POST", "inventory/stock-source-links-delete", "inventory/stock-source-links-delete", { links: [{ stock_id: 3, source_code: "east" }] }],
  ["DELETE", "inventory/stocks/:stockId", "inventory/stocks/3"],
  ["POST", "inventory/source-items", "inventory/source-items", { sourceItems: [{ sku: "SR-CAP", source_code: "north", quantity: 5, status: 1 }, { sku: "SR-TEE-SEED", source_code: "north", quantity: 10, status: 1 }] }],
  ["GET", "inventory/source-items", "inventory/source-items?searchCriteria[filter_groups][0][filters][0][field]=sku&searchCriteria[filter_groups][0][filters][0][value]=SR-CAP"],
  ["POST", "inventory/source-items-delete", "inventory/source-items-delete", { sourceItems: [{ sku: "SR-CAP", source_code: "north" }] }],
  ["POST", "inventory/low-quantity-notification", "inventory/low-quantity-notification", { sourceItemConfigurations: [{ source_code: "default", sku: "SR-CAP", notify_stock_qty: null }] }],
  ["GET", "inventory/low-quantity-notification/:sourceCode/:sku", "inventory/low-quantity-notification/default/SR-CAP"],
  ["POST", "inventory/bulk-product-source-assign", "inventory/bulk-product-source-assign", { skus: ["SR-PEN"], sourceCodes: ["east"] }],
  ["POST", "inventory/bulk-product-source-transfer", "inventory/bulk-product-source-transfer", { skus: ["SR-PEN"], originSource: "default", destinationSource: "east", unassignFromOrigin: false }],
  ["POST", "inventory/bulk-product-source-unassign", "inventory/bulk-product-source-unassign", { skus: ["SR-PEN"], sourceCodes: ["east"] }],
  ["GET", "inventory/stock-resolver/:type/:code", "inventory/stock-resolver/website/base"],
  ["GET", "inventory/get-product-salable-quantity/:sku/:stockId", "inventory/get-product-salable-quantity/SR-TEE-SEED/1"],
  ["GET", "inventory/is-product-salable/:sku/:stockId", "inventory/is-product-salable/SR-TEE-SEED/1"],
  ["GET", "inventory/is-product-salable-for-requested-qty/:sku/:stockId/:requestedQty", "inventory/is-product-salable-for-requested-qty/SR-PEN/1/5"],
  ["POST", "stockroom/orders", "stockroom/orders", { store_code: "default", items: [{ sku: "SR-TEE-SEED", qty: 2 }] }],
  ["POST", "order/:orderId/ship", "order/1/ship", { arguments: { extension_attributes: { source_code: "north" } } }],
  ["POST", "stockroom/orders", "stockroom/orders", { store_code: "default", items: [{ sku: "SR-TEE-SEED", qty: 1 }] }],
  ["POST", "orders/:id/cancel", "orders/2/cancel"],
  ["POST", "order/:orderId/refund", "order/1/refund", { items: [{ order_item_id: 1, qty: 1 }], arguments: { extension_attributes: { return_to_stock_items: [1] } } }],
  ["GET", "products", "products?searchCriteria[filter_groups][0][filters][0][field]=status&searchCriteria[filter_groups][0][filters][0][value]=2"],
  ["GET", "products/:sku", "products/SR-FABRIC-M"],
  ["POST", "products", "products", { product: { sku: "SR-LAMP", name: "Desk Lamp", price: 30, status: 1, type_id: "simple" } }],
  ["PUT", "products/:sku", "products/SR-LAMP", { product: { price: 32.5 } }],
  ["PUT", "products/:productSku/stockItems/:itemId", "products/SR-LAMP/stockItems/1", { stockItem: { use_config_backorders: false, backorders: 0 } }],
  ["GET", "stockItems/lowStock", "stockItems/lowStock?scopeId=0&qty=5&pageSize=2"],
  ["GET", "stockItems/:productSku", "stockItems/SR-LAMP"],
  ["GET", "stockStatuses/:productSku", "stockStatuses/SR-TEE-SEED"],
  ["DELETE", "products/:sku", "products/SR-LAMP"],
  ["GET", "stockroom/config/:scope/:scopeId", "stockroom/config/websites/1"],
  ["PUT", "stockroom/config/:scope/:scopeId", "stockroom/config/default/0", { values: { [`${C}/item_options/backorders`]: "0", [`${C}/item_options/min_qty`]: 2 } }],
  ["GET", "store/websites", "store/websites"],
  ["GET", "store/storeGroups", "store/storeGroups"],
  ["GET", "store/storeViews", "store/storeViews"],
  ["GET", "store/storeConfigs", "store/storeConfigs?storeCodes[]=default"],
  [
    "POST",
    "import/csv",
    "import/csv",
    { source: { entity: "catalog_product", behavior: "append", validationStrategy: "validation-stop-on-errors", allowedErrorCount: "0", csvData: Buffer.from("sku,qty\nSR-PEN,3\n").toString("base64") } },
  ],
];

describe("each route's real answer is the one it declares (the API reference's 200 schema)", () => {
  it("holds for a call of every route, answers parsed by the strict schemas: no field undeclared, none missing", async () => {
    await createAdminUser(db, "integration", await hashPassword("right-password-1", TEST_PARAMS));
    await retailStock(db);
    for (const [method, template, path, body] of CALLS) {
      const route = REST_ROUTES.find((r) => r.method === method && r.path === template)!;
      const answer = await api.call(method, path, body);
      const label = `${method} ${path}: ${JSON.stringify(answer.body).slice(0, 300)}`;
      expect(answer.status, label).toBe(200);
      const parsed = route.response.safeParse(answer.body);
      expect(parsed.error?.issues, label).toBeUndefined();
    }
    const called = new Set(CALLS.map(([method, template]) => `${method} ${template}`));
    expect(REST_ROUTES.filter((r) => !called.has(`${r.method} ${r.path}`)).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  }, 30_000);
});
