import { test, expect } from "./fixtures";
import { CatalogFigures } from "./pages/catalog-figures";
import { ConfigPage } from "./pages/config-page";
import { OrdersPage } from "./pages/orders-page";
import { StorefrontPage } from "./pages/storefront-page";

const TEE = "Seed Scenario Tee";

// inventory-rules §2 and §10 "seed", worked by hand: Quantity 25, backorders on, threshold −50
// → salable 25 − (−50) = 75; 70 ordered → 5 ("Only 5 left" with Only X left Threshold 5);
// 75 ordered → 0, Out of stock; cancelling the order of 5 → 5 again. The demo data already holds
// these settings, so the walk first takes them away and then sets them on the configuration page.
test("the seed scenario: storefront labels follow orders, and cancelling the order of 5 brings Only 5 left back", async ({
  adminPage: page,
}) => {
  const config = new ConfigPage(page);
  const storefront = new StorefrontPage(page);
  const figures = new CatalogFigures(page);
  const orders = new OrdersPage(page);

  // As installed: No Backorders, threshold 0 → salable = Quantity 25; no website threshold, so
  // the default 0 turns "Only X left" off.
  await config.saveInherited("default", ["Backorders", "Out-of-Stock Threshold"]);
  await config.saveInherited({ website: 1 }, ["Only X left Threshold"]);
  await figures.expectSalableQuantity("SR-TEE-SEED", 25);
  await storefront.goto("SR-TEE-SEED");
  await expect(storefront.label("In stock")).toBeVisible();
  await expect(storefront.availability()).not.toContainText("left");

  // "Use system value" unchecked for both, and Main Website's own threshold.
  await config.saveValues("default", { Backorders: "Allow Qty Below 0", "Out-of-Stock Threshold": "-50" });
  await config.saveValues({ website: 1 }, { "Only X left Threshold": "5" });
  await figures.expectSalableQuantity("SR-TEE-SEED", 75);
  await storefront.goto("SR-TEE-SEED");
  await expect(storefront.label("In stock")).toBeVisible();
  await expect(storefront.availability()).not.toContainText("left");

  await storefront.addToCart(70);
  await expect(storefront.messages()).toContainText(`You added ${TEE} to your shopping cart.`);
  await expect(storefront.label("Only 5 left")).toBeVisible();
  await expect(storefront.label("In stock")).toBeVisible();
  await figures.expectSalableQuantity("SR-TEE-SEED", 5);

  await storefront.goto("SR-TEE-SEED");
  await storefront.addToCart(5);
  await expect(storefront.messages()).toContainText(`You added ${TEE} to your shopping cart.`);
  await expect(storefront.label("Out of stock")).toBeVisible();
  await expect(storefront.availability()).not.toContainText("left");

  await storefront.addToCart(1);
  await expect(storefront.qtyError()).toHaveText("Not enough items for sale");
  await figures.expectSalableQuantity("SR-TEE-SEED", 0);

  // The refused request stored nothing: two orders, newest first.
  await orders.open();
  await expect(orders.recordCount()).toHaveText("2 records found");
  expect((await orders.rows()).map(([id, , skus, ordered, backordered, status]) => [id, skus, ordered, backordered, status])).toEqual([
    // §5: 70 requested of 25 physical → 45 backordered; then 5 more, all beyond physical.
    ["000000002", "SR-TEE-SEED", "5", "5", "Pending"],
    ["000000001", "SR-TEE-SEED", "70", "45", "Pending"],
  ]);

  await orders.openOrder("000000002");
  await orders.cancel();
  await expect(orders.message()).toContainText("You canceled the order.");
  await expect(orders.status()).toHaveText("Canceled");
  expect(await orders.line("SR-TEE-SEED")).toEqual({ ordered: "5", backordered: "5", shipped: "0", canceled: "5" });
  await expect(page.getByRole("button", { name: "Cancel" })).toHaveCount(0);

  await storefront.goto("SR-TEE-SEED");
  await expect(storefront.label("Only 5 left")).toBeVisible();
  await expect(storefront.label("In stock")).toBeVisible();
  await figures.expectSalableQuantity("SR-TEE-SEED", 5);
});

test("Ship deducts the chosen source and keeps salable; too little in the source is refused with nothing changed", async ({
  adminPage: page,
}) => {
  const storefront = new StorefrontPage(page);
  const figures = new CatalogFigures(page);
  const orders = new OrdersPage(page);

  // Canvas Cap: 40 on the shelf, salable 40 + 50 = 90.
  await storefront.goto("SR-CAP");
  await storefront.addToCart(5);
  await expect(storefront.messages()).toContainText("You added Canvas Cap");
  // Seed tee: 30 ordered, 25 on the shelf.
  await storefront.goto("SR-TEE-SEED");
  await storefront.addToCart(30);
  await expect(storefront.messages()).toContainText("You added Seed Scenario Tee");

  await orders.open();
  await orders.openOrder("000000002");
  await orders.ship("Default Source");
  await expect(orders.message()).toContainText("Not all of your products are available in the requested quantity.");
  await page.reload();
  await expect(orders.status()).toHaveText("Pending");
  expect(await orders.line("SR-TEE-SEED")).toEqual({ ordered: "30", backordered: "5", shipped: "0", canceled: "0" });
  await expect(page.getByText("No shipments yet.")).toBeVisible();
  // §2: still 25 + 50 − 30.
  await figures.expectSalableQuantity("SR-TEE-SEED", 45);

  await orders.open();
  await orders.openOrder("000000001");
  await orders.ship("Default Source");
  await expect(orders.message()).toContainText("The shipment has been created.");
  await expect(orders.status()).toHaveText("Complete");
  expect(await orders.line("SR-CAP")).toEqual({ ordered: "5", backordered: "0", shipped: "5", canceled: "0" });
  await expect(page.getByText("5 shipped from Default Source (default)")).toBeVisible();
  await expect(page.getByRole("button", { name: "Ship" })).toHaveCount(0);
  // §7: the shipment moves 5 from the reservation to the source: 35 + 50 = 85, unchanged.
  await figures.expectSalableQuantity("SR-CAP", 85);
});

test("the orders grid sorts in SQL by any column", async ({ adminPage: page }) => {
  const storefront = new StorefrontPage(page);
  const orders = new OrdersPage(page);
  for (const [sku, qty] of [["SR-TOTE", 3], ["SR-CAP", 7], ["SR-SOCKS", 1]] as const) {
    await storefront.goto(sku);
    await storefront.addToCart(qty);
    await expect(storefront.messages()).toContainText("You added");
  }
  await orders.open();
  const ordered = async () => (await orders.rows()).map((r) => r[3]);
  expect(await ordered()).toEqual(["1", "7", "3"]);
  await orders.sortBy("Ordered");
  await expect(page).toHaveURL(/sort=ordered&dir=asc/);
  await expect.poll(ordered).toEqual(["1", "3", "7"]);
  await orders.sortBy("Ordered");
  await expect.poll(ordered).toEqual(["7", "3", "1"]);
  await orders.sortBy("SKU(s)");
  await expect.poll(async () => (await orders.rows()).map((r) => r[2])).toEqual(["SR-CAP", "SR-SOCKS", "SR-TOTE"]);
});
