import { test, expect } from "./fixtures";
import { LowStockPage } from "./pages/low-stock-page";
import { OrdersPage } from "./pages/orders-page";
import { StorefrontPage } from "./pages/storefront-page";

// inventory-rules §9 on the demo data (db/seed.ts), worked out by hand: Notify for Quantity
// Below 10 at Default Config; In Stock, enabled source, 0 < quantity < notify qty.
// Brass Pen 1, Steel Water Bottle 3 and Wool Socks 8 qualify; Limited Edition Poster (6) has its
// own notify qty 5; Sold Out Mug is Out of Stock at 0; Gift Card does not manage stock.
const DEMO_LOW_STOCK = [
  ["Brass Pen", "SR-PEN", "1", "default"],
  ["Steel Water Bottle", "SR-BOTTLE-LOW", "3", "default"],
  ["Wool Socks", "SR-SOCKS", "8", "default"],
];

test("Reports > Low Stock lists exactly the qualifying demo source items, lowest quantity first", async ({ adminPage }) => {
  const report = new LowStockPage(adminPage);
  await report.open();
  await expect(adminPage).toHaveURL(/\/admin\/reports\/report_product\/lowstock$/);
  expect(await report.columns()).toEqual(["Product", "SKU", "Quantity", "Source Code"]);
  expect(await report.rows()).toEqual(DEMO_LOW_STOCK);
  await expect(adminPage.getByText("3 records found")).toBeVisible();
});

test("Export CSV downloads the same rows", async ({ adminPage }) => {
  const report = new LowStockPage(adminPage);
  await report.open();
  const csv = await report.exportCsv();
  expect(csv.name).toBe("lowstock.csv");
  expect(csv.text).toBe(
    ["Product,SKU,Quantity,Source Code", ...DEMO_LOW_STOCK.map((row) => row.join(","))].join("\n") + "\n",
  );
});

test("the CSV export is admin-only: a signed-out request is sent to sign-in", async ({ request }) => {
  const response = await request.get("/admin/reports/report_product/exportLowstockCsv", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(new URL(response.headers().location, "http://x").pathname).toBe("/admin");
  expect(await response.text()).not.toContain("SR-PEN");
});

test("a shipment that takes a source item under Notify for Quantity Below puts it on the report", async ({ adminPage: page }) => {
  // Canvas Cap: 40 on the shelf; shipping 31 leaves 9 < 10.
  const storefront = new StorefrontPage(page);
  await storefront.goto("SR-CAP");
  await storefront.addToCart(31);
  await expect(storefront.messages()).toContainText("You added Canvas Cap");
  const orders = new OrdersPage(page);
  await orders.open();
  await orders.openOrder("000000001");
  await orders.ship("Default Source");
  await expect(orders.message()).toContainText("The shipment has been created.");

  const report = new LowStockPage(page);
  await report.open();
  expect(await report.rows()).toEqual([DEMO_LOW_STOCK[0], DEMO_LOW_STOCK[1], DEMO_LOW_STOCK[2], ["Canvas Cap", "SR-CAP", "9", "default"]]);
});
