import type { Page } from "@playwright/test";
import { closeDb, transaction } from "@/db/connection";
import { generateCatalog } from "@/db/generate";
import { test, expect, openE2eDb } from "./fixtures";
import { LowStockPage } from "./pages/low-stock-page";
import { OrdersPage } from "./pages/orders-page";
import { ProductGridPage } from "./pages/product-grid-page";
import { ProductPage } from "./pages/product-page";
import { StorefrontPage } from "./pages/storefront-page";

// Expected figures worked out by hand from the demo catalog (db/seed.ts) and inventory-rules:
// Default Config Backorders "Allow Qty Below 0" (1) and Out-of-Stock Threshold −50.
// SR-TEE-SEED: Quantity 25 → salable 25 − (−50) = 75 (§2 seed example). Its own "No Backorders"
// clamps the threshold to 0 (§1.3) → 25. SR-POSTER-LTD: No Backorders, threshold 2, Quantity 6 → 4.

const SEED = "SR-TEE-SEED";

async function openProduct(page: Page, sku: string) {
  const product = new ProductPage(page);
  await product.open(sku);
  return product;
}

test("Catalog > Products is in the menu and shows the seed product at 75", async ({ adminPage }) => {
  await adminPage.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "Products" }).click();
  await expect(adminPage).toHaveURL(/\/admin\/catalog\/product$/);
  await expect(adminPage.getByRole("heading", { name: "Products", level: 1 })).toBeVisible();
  const grid = new ProductGridPage(adminPage);
  await expect(grid.recordsFound()).toHaveText("12 records found");
  await expect(grid.quantityPerSource(SEED)).toHaveText("Default Source: 25");
  await expect(grid.salableQuantity(SEED)).toHaveText("Default Stock: 75");
  await expect(grid.salableQuantity("SR-GIFT-CARD")).toHaveText("Default Stock: No manage stock");
  const product = await openProduct(adminPage, SEED);
  await expect(product.salableQuantity()).toHaveText(["Default Stock: 75"]);
  await expect(product.field("Quantity")).toHaveValue("25");
});

test("No Backorders in Advanced Inventory → Done → Save: 25 in the grid and on the page; Use Config Settings again: 75", async ({
  adminPage,
  context,
}) => {
  const product = await openProduct(adminPage, SEED);
  const ai = product.advancedInventory;
  await ai.open();
  // While "Use Config Settings" is checked the input is disabled and shows the global value.
  await expect(ai.useConfig("Backorders")).toBeChecked();
  await expect(ai.input("Backorders")).toBeDisabled();
  await expect(ai.input("Backorders")).toHaveValue("1");
  await expect(ai.row("Backorders")).toContainText("Config: Allow Qty Below 0 — Default Config");
  await expect(ai.input("Out-of-Stock Threshold")).toHaveValue("-50");
  await expect(ai.row("Out-of-Stock Threshold")).toContainText("Up to 50 units can be sold below zero.");

  await ai.setUseConfig("Backorders", false);
  await expect(ai.input("Backorders")).toBeEnabled();
  await ai.choose("Backorders", "No Backorders");
  await expect(ai.row("Backorders")).toContainText("Product: No Backorders — Product override");
  // The threshold explanation follows the edit at once (inventory-rules §1.3 Decision).
  await expect(ai.row("Out-of-Stock Threshold")).toContainText("Negative values are ignored while Backorders are off.");
  await expect(ai.row("Out-of-Stock Threshold")).toContainText("Ignored while Backorders are off: 0 is used");
  await ai.done();
  await expect(ai.dialog).toBeHidden();

  // Done keeps the edit in the form only: nothing is stored until Save.
  const other = new ProductGridPage(await context.newPage());
  await other.goto({ q: SEED });
  await expect(other.salableQuantity(SEED)).toHaveText("Default Stock: 75");

  await product.save();
  await expect(product.messages()).toContainText(["You saved the product."]);
  await expect(product.salableQuantity()).toHaveText(["Default Stock: 25"]);
  await other.goto({ q: SEED });
  await expect(other.salableQuantity(SEED)).toHaveText("Default Stock: 25");

  // Re-checking puts the global value back, and the product follows the configuration again.
  await ai.open();
  await expect(ai.input("Backorders")).toHaveValue("0");
  await ai.setUseConfig("Backorders", true);
  await expect(ai.input("Backorders")).toBeDisabled();
  await expect(ai.input("Backorders")).toHaveValue("1");
  await ai.done();
  await product.save();
  await expect(product.messages()).toContainText(["You saved the product."]);
  await expect(product.salableQuantity()).toHaveText(["Default Stock: 75"]);
  await other.goto({ q: SEED });
  await expect(other.salableQuantity(SEED)).toHaveText("Default Stock: 75");
});

// Issue 5 "What will shoppers see?", worked by hand for SR-TEE-SEED (Quantity 25, Only X left
// Threshold 5 on Main Website, Notify for Quantity Below 10): with the configuration's backorders
// and threshold −50, 25 + 50 = 75 can be sold, backorders begin after the 25 on the shelf; with
// the product's own "No Backorders" the −50 is ignored (§1.3), so 25, "Only 5 left" from 20 sold.
test("What will shoppers see? redraws on the page and in the dialog as Backorders is switched, before anything is saved", async ({
  adminPage,
}) => {
  const product = await openProduct(adminPage, SEED);
  const ai = product.advancedInventory;
  await expect(product.sellDownSummary()).toContainText("Salable quantity now: 75.");
  await expect(product.sellDownSummary()).toContainText("Backorders begin after 25 units sold.");
  await expect(product.sellDownSummary()).toContainText("After 75 units sold, the next sale is refused.");

  await ai.open();
  await expect(ai.sellDownSummary()).toContainText("After 75 units sold, the next sale is refused.");
  await ai.override("Backorders", "No Backorders");
  await expect(ai.sellDownSummary().getByRole("listitem")).toHaveText([
    "Salable quantity now: 25.",
    'From 0 to 19 units sold, shoppers see "In stock".',
    'From 20 to 24 units sold, shoppers see "Only 5 left" down to "Only 1 left".',
    'At 25 units sold, shoppers see "Out of stock".',
    "No unit goes on backorder.",
    // §9: once they ship, the source holds 25 − 16 = 9, below 10.
    "Notify for Quantity Below flags it from 16 units sold, once they ship: the Low Stock report compares the source's quantity (25 now) with 10, and an order lowers it only when it ships.",
    "After 25 units sold, the next sale is refused.",
  ]);
  await ai.done();
  await expect(product.sellDownSummary()).toContainText("After 25 units sold, the next sale is refused.");
  await expect(product.sellDownSummary()).not.toContainText("Backorders begin");

  // The page's Quantity is live too: 30 on the shelf, no backorders → 30.
  await product.fill({ Quantity: "30" });
  await expect(product.sellDownSummary()).toContainText("After 30 units sold, the next sale is refused.");

  // Nothing was stored: the saved figure and, after a reload, the chart are the configuration's again.
  await expect(product.salableQuantity()).toHaveText(["Default Stock: 75"]);
  await adminPage.reload();
  await expect(product.sellDownSummary()).toContainText("After 75 units sold, the next sale is refused.");
});

test("Reservations lists an order placed on the storefront, its event and the total that Salable Quantity takes off", async ({
  adminPage,
}) => {
  const storefront = new StorefrontPage(adminPage);
  await storefront.goto(SEED);
  await storefront.addToCart(30);
  await expect(storefront.messages()).toContainText("You added Seed Scenario Tee to your shopping cart.");

  const product = await openProduct(adminPage, SEED);
  // §2: Quantity 25, reserved −30, threshold −50 → 25 − 30 + 50 = 45.
  await expect(product.field("Quantity")).toHaveValue("25");
  await expect(product.salableQuantity()).toHaveText(["Default Stock: 45"]);
  const reservations = product.reservations("Default Stock");
  await expect(reservations.locator("caption")).toHaveText("Default Stock: -30 reserved");
  await expect(reservations.getByRole("row")).toHaveText([
    /Order\s*Events\s*Reserved/,
    /#000000001\s*Order placed -30\s*-30/,
    /Total\s*-30/,
  ]);

  // The order link leads to the order; cancelling it (§7 +30) leaves nothing open.
  await reservations.getByRole("link", { name: "#000000001" }).click();
  await expect(adminPage).toHaveURL(/\/admin\/sales\/order\/view\/order_id\/\d+$/);
  const orders = new OrdersPage(adminPage);
  await orders.cancel();
  await expect(orders.message()).toContainText("You canceled the order.");
  await product.open(SEED);
  await expect(reservations.locator("caption")).toHaveText("Default Stock: 0 reserved");
  await expect(reservations).toContainText("No open reservations.");
  await expect(product.salableQuantity()).toHaveText(["Default Stock: 75"]);
});

// §9: the Low Stock report compares the source item's physical quantity, which an order lowers
// only when it ships. SR-TEE-SEED: 25 on the shelf, Notify for Quantity Below 10. With 10 ordered
// and not shipped, the report still sees 25; once those 10 and 6 more ship, 25 − 16 = 9 < 10.
test("the chart's Notify line counts orders once they ship: 10 ordered, not shipped → from 6 more sold; shipped → the shelf holds 15", async ({
  adminPage,
}) => {
  const storefront = new StorefrontPage(adminPage);
  await storefront.goto(SEED);
  await storefront.addToCart(10);
  await expect(storefront.messages()).toContainText("You added Seed Scenario Tee to your shopping cart.");

  const product = await openProduct(adminPage, SEED);
  await expect(product.reservations("Default Stock").locator("caption")).toHaveText("Default Stock: -10 reserved");
  await expect(product.sellDownSummary()).toContainText(
    "Notify for Quantity Below flags it from 6 units sold, once they and the 10 units already ordered ship: the Low Stock report compares the source's quantity (25 now) with 10, and an order lowers it only when it ships.",
  );
  const report = new LowStockPage(adminPage);
  await report.open();
  expect((await report.rows()).filter((row) => row[1] === SEED)).toEqual([]);

  // Shipping the 10 moves them from the reservation to the shelf: 15 on it, nothing reserved,
  // so 6 more sold still bring it to 9.
  const orders = new OrdersPage(adminPage);
  await orders.open();
  await orders.openOrder("000000001");
  await orders.ship("Default Source");
  await expect(orders.message()).toContainText("The shipment has been created.");
  await product.open(SEED);
  await expect(product.sellDownSummary()).toContainText(
    "Notify for Quantity Below flags it from 6 units sold, once they ship: the Low Stock report compares the source's quantity (15 now) with 10, and an order lowers it only when it ships.",
  );
});

test.describe("grid state lives in the URL", () => {
  test("search, filters and sort from the URL, and from the controls into the URL", async ({ adminPage }) => {
    const grid = new ProductGridPage(adminPage);
    // "tee" is in Seed Scenario Tee and in Steel Water Bottle.
    await grid.goto({ q: "tee" });
    await expect.poll(() => grid.skus()).toEqual(["SR-TEE-SEED", "SR-BOTTLE-LOW"]);
    await expect(grid.recordsFound()).toHaveText("2 records found");

    await grid.goto({ salable: "0" });
    await expect.poll(() => grid.skus()).toEqual(["SR-MUG-OOS"]);
    await grid.goto({ salable_from: "0", salable_to: "10" });
    await expect.poll(() => grid.skus()).toEqual(["SR-MUG-OOS", "SR-POSTER-LTD"]);
    await grid.goto({ type: "virtual" });
    await expect.poll(() => grid.skus()).toEqual(["SR-GIFT-CARD"]);
    await grid.goto({ status: "2" });
    await expect.poll(() => grid.skus()).toEqual(["SR-NOTEBOOK"]);
    await grid.goto({ ids: "3,1" });
    await expect.poll(() => grid.skus()).toEqual(["SR-TEE-SEED", "SR-GIFT-CARD"]);

    // Highest salable first: Tote 170, Ties 150, Cap 90, Notebook 80, Tee 75 …; No manage stock last.
    await grid.goto({ sort: "salable_qty", dir: "desc" });
    const desc = await grid.skus();
    expect(desc.slice(0, 5)).toEqual(["SR-TOTE", "SR-TIES-100", "SR-CAP", "SR-NOTEBOOK", "SR-TEE-SEED"]);
    expect(desc.at(-1)).toBe("SR-GIFT-CARD");
    await expect(grid.sortState("Salable Quantity")).toHaveAttribute("aria-sort", "descending");
    await adminPage.reload();
    await expect.poll(() => grid.skus()).toEqual(desc);

    // The controls write the same URL parameters.
    await grid.goto();
    await grid.search("mug");
    await expect(adminPage).toHaveURL(/[?&]q=mug/);
    await expect.poll(() => grid.skus()).toEqual(["SR-MUG-OOS"]);
    await grid.clearFilters();
    await grid.filter({ salable: "No" });
    await expect(adminPage).toHaveURL(/[?&]salable=0/);
    await expect.poll(() => grid.skus()).toEqual(["SR-MUG-OOS"]);
    await grid.clearFilters();
    await grid.filter({ salableFrom: "50", salableTo: "60", status: "Enabled" });
    // Exactly these (the form shows this view's values, not the last one's), and tidy: the grid
    // answers a form's empty "Any" fields with the view's canonical URL.
    await expect.poll(() => grid.params()).toEqual({ salable_from: "50", salable_to: "60", status: "1" });
    await expect.poll(() => grid.skus()).toEqual(["SR-BOTTLE-LOW", "SR-SOCKS", "SR-PEN"]);
    await grid.sortBy("Salable Quantity");
    expect(grid.params()).toEqual({ salable_from: "50", salable_to: "60", status: "1", sort: "salable_qty" });
    await expect.poll(() => grid.skus()).toEqual(["SR-PEN", "SR-BOTTLE-LOW", "SR-SOCKS"]);
    await grid.sortBy("Salable Quantity");
    expect(grid.params()).toMatchObject({ sort: "salable_qty", dir: "desc", salable_from: "50" });
    await expect.poll(() => grid.skus()).toEqual(["SR-SOCKS", "SR-BOTTLE-LOW", "SR-PEN"]);
  });

  test("paging 20, 50 or 200 per page; a page's URL reloads the same rows", async ({ adminPage, browser, baseURL }) => {
    // 30 more products after the 12 of the demo: ids 13–42, 42 in all.
    const db = await openE2eDb();
    try {
      await transaction(db, (tx) => generateCatalog(tx, { products: 30, sources: 0, reservationsPer100: 0, seed: 3 }));
    } finally {
      await closeDb(db);
    }

    const grid = new ProductGridPage(adminPage);
    await grid.goto();
    await expect(grid.recordsFound()).toHaveText("42 records found");
    await expect(adminPage.getByText("of 3", { exact: true })).toBeVisible();
    await expect.poll(() => grid.ids()).toEqual(range(1, 20));
    await grid.next();
    await expect(grid.currentPage()).toHaveValue("2");
    await expect.poll(() => grid.ids()).toEqual(range(21, 40));
    expect(grid.params()).toMatchObject({ page: "2" });

    // The URL of page 2 is the view: another browser gets the same rows.
    const shared = adminPage.url();
    const otherContext = await browser.newContext({ storageState: await adminPage.context().storageState(), baseURL });
    const other = new ProductGridPage(await otherContext.newPage());
    await other.goto(Object.fromEntries(new URL(shared).searchParams));
    await expect.poll(() => other.ids()).toEqual(range(21, 40));
    await otherContext.close();

    await grid.next();
    await expect.poll(() => grid.ids()).toEqual([41, 42]);
    await grid.previous();
    await expect.poll(() => grid.ids()).toEqual(range(21, 40));
    await grid.goToPage(3);
    await expect.poll(() => grid.ids()).toEqual([41, 42]);
    await grid.setPerPage(50);
    await expect(adminPage).toHaveURL(/[?&]limit=50/);
    await expect.poll(() => grid.ids()).toEqual(range(1, 42));
    await expect(adminPage.getByText("of 1", { exact: true })).toBeVisible();
  });
});

test("an invalid override is refused with its message and the stored product is unchanged", async ({ adminPage }) => {
  const product = await openProduct(adminPage, SEED);
  const ai = product.advancedInventory;
  await ai.open();
  await ai.override("Maximum Qty Allowed in Shopping Cart", "0");
  await ai.override("Enable Qty Increments", "Yes");
  await ai.override("Qty Increments", "2.5");
  await ai.done();
  // Done checks first: the dialog stays open with Magento's messages at the fields.
  await expect(ai.dialog).toBeVisible();
  await expect(ai.row("Maximum Qty Allowed in Shopping Cart")).toContainText(
    "Please enter a number greater than 0 in this field.",
  );
  await expect(ai.row("Qty Increments")).toContainText(
    "Quantity increments can't use decimals. Enter a new increment and try again.",
  );
  await expect(ai.input("Maximum Qty Allowed in Shopping Cart")).toBeFocused();
  await ai.fill("Maximum Qty Allowed in Shopping Cart", "99999999.5");
  await expect(ai.row("Maximum Qty Allowed in Shopping Cart")).toContainText(
    "Please enter a value less than or equal to 99999999.",
  );
  // A decimal Quantity on a whole-number product is refused too, at the page's Quantity field.
  await ai.cancel();
  await product.fill({ Quantity: "30.5" });
  await product.save();
  await expect(product.row("Quantity")).toContainText("Please enter a valid integer in this field.");

  await adminPage.reload();
  await expect(product.field("Quantity")).toHaveValue("25");
  await expect(product.salableQuantity()).toHaveText(["Default Stock: 75"]);
  await ai.open();
  await expect(ai.useConfig("Maximum Qty Allowed in Shopping Cart")).toBeChecked();
  await expect(ai.input("Maximum Qty Allowed in Shopping Cart")).toHaveValue("10000");
  await expect(ai.useConfig("Enable Qty Increments")).toBeChecked();
});

test("the server refuses a duplicate SKU and a negative price at their fields, storing nothing", async ({ adminPage }) => {
  const product = await openProduct(adminPage, SEED);
  await product.fill({ SKU: "SR-CAP", "Product Name": "Renamed Tee" });
  await product.save();
  await expect(product.row("SKU")).toContainText(
    'The value of the "SKU" attribute isn\'t unique. Set a unique value and try again.',
  );
  await expect(product.formError()).toContainText("The product was not saved");
  await product.fill({ SKU: SEED, Price: "-1" });
  await product.save();
  await expect(product.row("Price")).toContainText("Please enter a number 0 or greater in this field.");
  await adminPage.reload();
  await expect(product.field("Product Name")).toHaveValue("Seed Scenario Tee");
  await expect(product.field("Price")).toHaveValue("24");
});

test("a stale save is refused, naming what changed, and nothing is overwritten", async ({ adminPage, context }) => {
  const product = await openProduct(adminPage, SEED);
  const url = adminPage.url();
  const otherPage = await context.newPage();
  await otherPage.goto(url);
  const other = new ProductPage(otherPage);

  await other.fill({ Quantity: "30" });
  await other.save();
  await expect(other.messages()).toContainText(["You saved the product."]);

  await product.fill({ "Product Name": "Renamed Tee" });
  await product.save();
  await expect(product.formError()).toContainText(
    "Someone else changed this product after you opened it: Quantity (25 → 30). Nothing was saved.",
  );
  await adminPage.reload();
  await expect(product.field("Product Name")).toHaveValue("Seed Scenario Tee");
  await expect(product.field("Quantity")).toHaveValue("30");
  await expect(product.salableQuantity()).toHaveText(["Default Stock: 80"]);
});

test("the Save server action replayed without a session cookie changes nothing", async ({ adminPage, playwright, baseURL }) => {
  const product = await openProduct(adminPage, SEED);
  // Capture the real Save request (Quantity 25 → 40) and stop it before it reaches the server.
  let captured: { url: string; headers: Record<string, string>; body: string } | null = null;
  await adminPage.route(/\/edit\/id\/\d+$/, async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    captured = { url: request.url(), headers: await request.allHeaders(), body: request.postData() ?? "" };
    await route.abort();
  });
  await product.fill({ Quantity: "40" });
  await product.save();
  await expect.poll(() => captured).not.toBeNull();
  const { url, headers, body } = captured!;
  expect(headers["next-action"]).toBeTruthy();
  const { cookie: _cookie, ...anonymousHeaders } = headers;

  const anonymous = await playwright.request.newContext({ baseURL });
  await anonymous.post(url, { headers: anonymousHeaders, data: body, maxRedirects: 0 });
  await anonymous.dispose();
  await adminPage.unroute(/\/edit\/id\/\d+$/);
  await adminPage.reload();
  await expect(product.field("Quantity")).toHaveValue("25");
  await expect(product.salableQuantity()).toHaveText(["Default Stock: 75"]);

  // The same request with the admin's session is a real save: the refusal above was the guard's.
  await adminPage.request.post(url, { headers: anonymousHeaders, data: body, maxRedirects: 0 });
  await adminPage.reload();
  await expect(product.field("Quantity")).toHaveValue("40");
});

test("a new product starts on Use Config Settings with the global values, and saves", async ({ adminPage }) => {
  const grid = new ProductGridPage(adminPage);
  await grid.goto();
  await adminPage.getByRole("link", { name: "Add Product" }).click();
  const product = new ProductPage(adminPage);
  await expect(adminPage.getByRole("heading", { name: "New Product", level: 1 })).toBeVisible();

  await product.save();
  await expect(product.row("Product Name")).toContainText("This is a required field.");
  await expect(product.row("SKU")).toContainText("This is a required field.");
  await expect(product.row("Price")).toContainText("This is a required field.");

  const ai = product.advancedInventory;
  await ai.open();
  for (const label of ["Manage Stock", "Out-of-Stock Threshold", "Backorders", "Notify for Quantity Below"]) {
    await expect(ai.useConfig(label)).toBeChecked();
    await expect(ai.input(label)).toBeDisabled();
  }
  await expect(ai.input("Backorders")).toHaveValue("1");
  await expect(ai.input("Out-of-Stock Threshold")).toHaveValue("-50");
  await expect(ai.input("Notify for Quantity Below")).toHaveValue("10");
  await ai.done();

  await product.fill({ "Product Name": "Linen Shirt", SKU: "SR-SHIRT", Price: "49.5", Quantity: "10" });
  await product.save();
  await expect(adminPage).toHaveURL(/\/edit\/id\/13$/);
  await expect(product.messages()).toContainText(["You saved the product."]);
  // 10 − (−50) = 60.
  await expect(product.salableQuantity()).toHaveText(["Default Stock: 60"]);
  await grid.goto({ q: "SR-SHIRT" });
  await expect(grid.salableQuantity("SR-SHIRT")).toHaveText("Default Stock: 60");
});

test("the dialog's visibility rules follow Manage Stock and Enable Qty Increments live", async ({ adminPage }) => {
  const product = await openProduct(adminPage, SEED);
  const ai = product.advancedInventory;
  await ai.open();
  expect(await ai.shownFields()).toEqual([
    "Manage Stock",
    "Qty",
    "Out-of-Stock Threshold",
    "Minimum Qty Allowed in Shopping Cart",
    "Maximum Qty Allowed in Shopping Cart",
    "Qty Uses Decimals",
    "Allow Multiple Boxes for Shipping",
    "Backorders",
    "Notify for Quantity Below",
    "Enable Qty Increments",
    "Stock Status",
  ]);
  await ai.override("Manage Stock", "No");
  expect(await ai.shownFields()).toEqual([
    "Manage Stock",
    "Minimum Qty Allowed in Shopping Cart",
    "Maximum Qty Allowed in Shopping Cart",
    "Enable Qty Increments",
  ]);
  await ai.override("Enable Qty Increments", "Yes");
  expect(await ai.shownFields()).toContain("Qty Increments");
  await ai.setUseConfig("Manage Stock", true);
  expect(await ai.shownFields()).toContain("Backorders");
});

test("the dialog is keyboard usable: focus stays inside, Escape cancels and focus returns", async ({ adminPage }) => {
  const product = await openProduct(adminPage, SEED);
  const ai = product.advancedInventory;
  await ai.button().focus();
  await adminPage.keyboard.press("Enter");
  await expect(ai.dialog).toBeVisible();
  for (let i = 0; i < 40; i++) {
    await adminPage.keyboard.press("Tab");
    expect(await ai.dialog.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
  }
  await ai.setUseConfig("Backorders", false);
  await adminPage.keyboard.press("Escape");
  await expect(ai.dialog).toBeHidden();
  await expect(ai.button()).toBeFocused();
  // Escape is Cancel: the edit made in the dialog is gone.
  await ai.open();
  await expect(ai.useConfig("Backorders")).toBeChecked();
});

test("inventory-rules §8: saving at or below the threshold with backorders off sets Out of Stock automatically", async ({ adminPage }) => {
  const product = await openProduct(adminPage, "SR-POSTER-LTD");
  await expect(product.salableQuantity()).toHaveText(["Default Stock: 4"]);
  await product.fill({ Quantity: "2" });
  await expect(product.row("Stock Status")).toContainText(
    "On save, Stock Status will be set Out of Stock automatically: quantity is at or below the threshold.",
  );
  await product.save();
  await expect(product.messages()).toContainText([
    "You saved the product.",
    "Stock Status was set Out of Stock automatically: quantity is at or below the threshold.",
  ]);
  await expect(product.stockStatus()).toHaveValue("0");
  await expect(product.row("Stock Status")).toContainText(
    "Stock Status was set Out of Stock automatically: quantity is at or below the threshold.",
  );
  await expect(product.salableQuantity()).toHaveText(["Default Stock: 0"]);
  const grid = new ProductGridPage(adminPage);
  await grid.goto({ q: "SR-POSTER-LTD" });
  await expect(grid.salableQuantity("SR-POSTER-LTD")).toHaveText("Default Stock: 0");
});

function range(from: number, to: number) {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
