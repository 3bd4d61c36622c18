import { closeDb } from "@/db/connection";
import { reservationTotals } from "@/db/schema";
import { test, expect, ADMIN, openE2eDb } from "./fixtures";
import { RestClient } from "./api/rest-client";
import { OrdersPage } from "./pages/orders-page";
import { StorefrontPage } from "./pages/storefront-page";

/*
 * Decimal quantities end to end, with Linen Fabric (SR-FABRIC-M: Qty Uses Decimals, No Backorders,
 * Out-of-Stock Threshold from Default Config — but its own No Backorders makes §2's threshold 0).
 * Over REST the merchant sets 2.25 m on the shelf and a Minimum Qty Allowed of 0.1.
 */

const SKU = "SR-FABRIC-M";

async function api(request: import("@playwright/test").APIRequestContext) {
  const anonymous = new RestClient(request, null);
  const answer = await anonymous.post("integration/admin/token", { username: ADMIN.username, password: ADMIN.password });
  return anonymous.withToken(answer.body);
}

async function setShelf(rest: RestClient, qty: number) {
  const answer = await rest.put(`products/${SKU}`, {
    product: { sku: SKU, extension_attributes: { stock_item: { qty, is_in_stock: true, use_config_min_sale_qty: false, min_sale_qty: 0.1 } } },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
}

async function reservedTotal(): Promise<number> {
  const db = await openE2eDb();
  try {
    const rows = await db.select().from(reservationTotals);
    return rows.filter((r) => r.sku === SKU).reduce((sum, r) => sum + r.quantity, 0);
  } finally {
    await closeDb(db);
  }
}

test("2.25 of 2.25 ordered sells out exactly, and shipping 2.25 empties the source", async ({ adminPage: page, request }) => {
  const rest = await api(request);
  await setShelf(rest, 2.25);
  const storefront = new StorefrontPage(page);
  await storefront.goto(SKU);
  await storefront.addToCart("2.25");
  await expect(storefront.messages()).toContainText("You added Linen Fabric (per metre)");
  // Salable 2.25 − 2.25 = 0: not salable (§3), "Out of stock" (§6).
  expect(await rest.salableQty(SKU, 1)).toBe(0);
  expect(await rest.isSalable(SKU, 1)).toBe(false);
  await storefront.goto(SKU);
  await expect(storefront.label("Out of stock")).toBeVisible();

  const orders = new OrdersPage(page);
  await orders.open();
  await orders.openOrder("000000001");
  expect(await orders.line(SKU)).toEqual({ ordered: "2.25", backordered: "0", shipped: "0", canceled: "0" });
  await orders.ship("Default Source");
  await expect(orders.message()).toContainText("The shipment has been created.");
  // The message can show before the page's figures are fetched again: wait for the status they bring.
  await expect(orders.status()).toHaveText("Complete");
  expect(await orders.line(SKU)).toEqual({ ordered: "2.25", backordered: "0", shipped: "2.25", canceled: "0" });
  // §7: the shipment takes 2.25 from the source and gives the reservation back: 0 and 0.
  expect(await rest.sourceQuantities(SKU)).toEqual({ default: 0 });
  expect(await reservedTotal()).toBe(0);
  expect(await rest.salableQty(SKU, 1)).toBe(0);
});

test("orders of 0.1 and 0.2 leave salable 0.7 and a reservation total of exactly −0.3", async ({ adminPage: page, request }) => {
  const rest = await api(request);
  await setShelf(rest, 1);
  const storefront = new StorefrontPage(page);
  await storefront.goto(SKU);
  await storefront.addToCart("0.1");
  await expect(storefront.messages()).toContainText("You added Linen Fabric (per metre)");
  await storefront.goto(SKU);
  await storefront.addToCart("0.2");
  await expect(storefront.messages()).toContainText("You added Linen Fabric (per metre)");

  expect(await rest.salableQty(SKU, 1)).toBe(0.7);
  expect(await reservedTotal()).toBe(-0.3);
  const orders = new OrdersPage(page);
  await orders.open();
  const rows = (await orders.rows()).map((cells) => cells.join(" "));
  expect(rows).toHaveLength(2);
  for (const increment of ["000000001", "000000002"]) expect(rows.some((row) => row.includes(increment))).toBe(true);
  await orders.openOrder("000000002");
  expect(await orders.line(SKU)).toEqual({ ordered: "0.2", backordered: "0", shipped: "0", canceled: "0" });
});
