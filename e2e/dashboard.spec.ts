import { test, expect } from "./fixtures";
import { DashboardPage } from "./pages/dashboard-page";

// Expected figures worked out by hand from the demo catalog (db/seed.ts) and inventory-rules:
// 12 products; only the Sold Out Mug (every source item Out of Stock, inventory-rules §3) is not salable;
// low stock (§9, notify 10 at Default Config): Steel Water Bottle 3, Wool Socks 8, Brass Pen 1.
test("the dashboard shows the demo catalog's figures", async ({ adminPage }) => {
  const dashboard = new DashboardPage(adminPage);
  await dashboard.goto();
  await expect(dashboard.figure("Products")).toHaveText("12");
  await expect(dashboard.figure("Salable")).toHaveText("11");
  await expect(dashboard.figure("Out of stock")).toHaveText("1");
  await expect(dashboard.figure("Low stock")).toHaveText("3");
  await expect(dashboard.figure("Units on backorder")).toHaveText("0");
  await expect(dashboard.figure("No manage stock")).toHaveText("1");
});
