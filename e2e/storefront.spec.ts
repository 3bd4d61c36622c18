import { test, expect } from "./fixtures";
import { CatalogFigures } from "./pages/catalog-figures";
import { ConfigPage } from "./pages/config-page";
import { OrdersPage } from "./pages/orders-page";
import { ProductPage } from "./pages/product-page";
import { StorefrontPage } from "./pages/storefront-page";

test("§5 Notify Customer mode: an order beyond physical stock shows the backorder notice with the right quantity", async ({
  adminPage: page,
}) => {
  // The product's own Backorders "…and Notify Customer" through Advanced Inventory; the
  // threshold −50 still comes from Default Config.
  const product = new ProductPage(page);
  await product.open("SR-TEE-SEED");
  await product.saveAdvancedInventory({ Backorders: "Allow Qty Below 0 and Notify Customer" });
  const storefront = new StorefrontPage(page);
  await storefront.goto("SR-TEE-SEED");
  // Within the 25 on the shelf: no notice.
  await storefront.addToCart(20);
  await expect(storefront.messages()).toContainText("You added Seed Scenario Tee to your shopping cart.");
  // 5 left on the shelf, 12 requested → 7 on backorder.
  await storefront.addToCart(12);
  await expect(storefront.messages()).toContainText([
    "You added Seed Scenario Tee to your shopping cart.",
    "We don't have as many quantity as you requested, but we'll back order the remaining 7.",
  ]);
  // Everything further is backordered in full.
  await storefront.addToCart(3);
  await expect(storefront.messages().nth(1)).toContainText(
    "We don't have as many quantity as you requested, but we'll back order the remaining 3.",
  );
});

test("§4 the Qty box checks the shopper's rules before anything is sent", async ({ adminPage: page }) => {
  const storefront = new StorefrontPage(page);
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });

  await storefront.goto("SR-POSTER-LTD");
  await storefront.addToCart(3);
  await expect(storefront.qtyError()).toHaveText("The maximum you may purchase is 2.");
  await storefront.addToCart(0);
  await expect(storefront.qtyError()).toHaveText("Please enter a quantity greater than 0.");
  await storefront.addToCart("");
  await expect(storefront.qtyError()).toHaveText("Please enter a quantity greater than 0.");

  await storefront.goto("SR-TIES-100");
  await storefront.addToCart(7);
  await expect(storefront.qtyError()).toHaveText("You can buy this product only in quantities of 5 at a time.");

  await storefront.goto("SR-FABRIC-M");
  await storefront.addToCart(0.25);
  await expect(storefront.qtyError()).toHaveText("The fewest you may purchase is 0.5.");
  expect(posts).toEqual([]);

  // The decimal rule has no shopper message: the server's §4 answer shows at the box.
  await storefront.goto("SR-TEE-SEED");
  await storefront.addToCart(1.5);
  await expect(storefront.qtyError()).toHaveText("You cannot use decimal quantity for this product.");
  await storefront.addToCart(2);
  await expect(storefront.qtyError()).toHaveText("");
  await expect(storefront.messages()).toContainText("You added Seed Scenario Tee to your shopping cart.");
});

test("§3 backorders never rescue a product whose every source item is Out of Stock; Manage Stock = No always sells", async ({
  adminPage: page,
}) => {
  const storefront = new StorefrontPage(page);
  await storefront.goto("SR-MUG-OOS");
  await expect(storefront.label("Out of stock")).toBeVisible();
  await storefront.addToCart(1);
  await expect(storefront.qtyError()).toHaveText("There are no source items with the in stock status");

  await storefront.goto("SR-GIFT-CARD");
  await expect(storefront.label("In stock")).toBeVisible();
  await storefront.addToCart(500);
  await expect(storefront.messages()).toContainText("You added Gift Card to your shopping cart.");

  const orders = new OrdersPage(page);
  await orders.open();
  await expect(orders.recordCount()).toHaveText("1 record found");
  expect((await orders.rows())[0].slice(2, 6)).toEqual(["SR-GIFT-CARD", "500", "0", "Pending"]);
});

test("§6 the listing hides what is not salable unless Display Out of Stock Products is Yes; the page stays reachable", async ({
  adminPage: page,
}) => {
  await page.goto("/preview");
  const listing = page.getByRole("list").filter({ hasText: "Seed Scenario Tee" });
  await expect(listing.getByRole("link", { name: "Seed Scenario Tee" })).toBeVisible();
  // 12 demo products: the Sold Out Mug is not salable, the Dot Grid Notebook is disabled.
  await expect(page.getByText("10 items", { exact: false })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sold Out Mug" })).toHaveCount(0);

  const storefront = new StorefrontPage(page);
  await storefront.goto("SR-MUG-OOS");
  await expect(page.getByRole("heading", { name: "Sold Out Mug", level: 1 })).toBeVisible();

  await new ConfigPage(page).saveValues("default", { "Display Out of Stock Products": "Yes" });
  await page.goto("/preview");
  await expect(page.getByRole("link", { name: "Sold Out Mug" })).toBeVisible();
  await expect(page.getByText("11 items", { exact: false })).toBeVisible();
});

test("§6 a store view that hides availability shows no In stock label, but Only X left still shows", async ({
  adminPage: page,
}) => {
  const storefront = new StorefrontPage(page);
  await storefront.goto("SR-POSTER-LTD");
  // The poster: 6 on the shelf, its own threshold 2, backorders off → salable 4 ≤ 5.
  await expect(storefront.label("In stock")).toBeVisible();
  await expect(storefront.label("Only 4 left")).toBeVisible();
  await new ConfigPage(page).saveValues({ store: 1 }, { "Display Products Availability in Stock on Storefront": "No" });
  await storefront.goto("SR-POSTER-LTD", "default");
  await expect(storefront.label("Only 4 left")).toBeVisible();
  await expect(storefront.availability()).not.toContainText("In stock");
  await expect(storefront.sellDownSummary()).toContainText("this store view does not display stock availability");
});

test("an unknown SKU or store view is a 404 page", async ({ adminPage: page }) => {
  const unknownSku = await page.goto("/preview/NO-SUCH-SKU");
  expect(unknownSku?.status()).toBe(404);
  await expect(page.getByText("The page you requested was not found.")).toBeVisible();
  const unknownStore = await page.goto("/preview/SR-TEE-SEED?store=nowhere");
  expect(unknownStore?.status()).toBe(404);
});

test("the sell-down chart tells the seed scenario in words and in a table", async ({ adminPage: page }) => {
  const storefront = new StorefrontPage(page);
  await storefront.goto("SR-TEE-SEED");
  const panel = page.getByRole("region", { name: "What will shoppers see?" });
  await expect(panel.locator("svg.recharts-surface")).toBeVisible();
  // §10 seed: 75 salable; 25 on the shelf, so backorders begin after 25; Notify for Quantity
  // Below 10 flags the source once 16 have shipped from it (25 − 16 = 9, spec §9).
  await expect(storefront.sellDownSummary().getByRole("listitem")).toHaveText([
    "Salable quantity now: 75.",
    'From 0 to 69 units sold, shoppers see "In stock".',
    'From 70 to 74 units sold, shoppers see "Only 5 left" down to "Only 1 left".',
    'At 75 units sold, shoppers see "Out of stock".',
    "Backorders begin after 25 units sold.",
    "Notify for Quantity Below flags it from 16 units sold, once they ship: the Low Stock report compares the source's quantity (25 now) with 10, and an order lowers it only when it ships.",
    "After 75 units sold, the next sale is refused.",
  ]);
  await panel.getByText("The chart as a table").click();
  await expect(panel.getByRole("table").getByRole("row")).toHaveText([
    /Units sold\s*Salable quantity\s*Storefront label\s*Shown to shoppers/,
    /0–69\s*75 → 6\s*In stock\s*Yes/,
    /70–74\s*5 → 1\s*Only 5 left … Only 1 left\s*Yes/,
    /75\s*0\s*Out of stock\s*Yes/,
  ]);
});

// Inventory-rules §7 Decision: the §4 check and the reservation are one atomic step. 32 Add to Cart
// requests arrive at once (in the admin's session: the preview needs one); the production server
// must accept exactly the 10 salable units.
test("32 concurrent Add to Cart requests against salable 10 accept exactly 10 units", async ({
  adminPage: page,
  playwright,
  baseURL,
}) => {
  const storefront = new StorefrontPage(page);
  const figures = new CatalogFigures(page);
  // Canvas Cap: 40 + 50 = 90 salable; ordering 80 in the browser leaves 10, and its request is
  // the real Add to Cart server-action POST, captured to be replayed.
  await storefront.goto("SR-CAP");
  const request = await storefront.addToCartCaptured(80);
  await expect(storefront.messages()).toContainText("You added Canvas Cap to your shopping cart.");
  await figures.expectSalableQuantity("SR-CAP", 10);

  // The action's argument as the form submitted it (the zod-parsed values): 80 becomes 1.
  expect(request.body).toMatch(/"qty":"?80"?[,}]/);
  const shopper = await playwright.request.newContext({ baseURL, storageState: await page.context().storageState() });
  const responses = await Promise.all(
    Array.from({ length: 32 }, () =>
      shopper.post(request.url, { data: request.body.replace(/"qty":"?80"?/, '"qty":1'), headers: request.headers }),
    ),
  );
  const texts = await Promise.all(responses.map((r) => r.text()));
  await shopper.dispose();
  expect(responses.every((r) => r.ok())).toBe(true);
  // Each answer is the action's result and the page again (whose messages catalog also holds the
  // refusal's words): the result is what says accepted or refused.
  const accepted = texts.filter((t) => t.includes('"message":"You added Canvas Cap to your shopping cart."')).length;
  const refused = texts.filter((t) => t.includes('"qty":"Not enough items for sale"')).length;
  expect([accepted, refused]).toEqual([10, 22]);

  await figures.expectSalableQuantity("SR-CAP", 0);
  await storefront.goto("SR-CAP");
  await expect(storefront.label("Out of stock")).toBeVisible();
});
