import { test, expect, ADMIN } from "./fixtures";
import { OrdersPage } from "./pages/orders-page";
import { StorefrontPage } from "./pages/storefront-page";

// The storefront preview is the merchant's tool (issue 12): it shows disabled products, the
// inventory settings and every source's quantity, and Add to Cart places real orders.

for (const asked of ["/preview/SR-POSTER-LTD?store=default", "/preview"]) {
  test(`a signed-out visit to ${asked} goes to sign-in, and signing in comes back to that very URL`, async ({
    page,
    signInPage,
    baseURL,
  }) => {
    await page.goto(asked);
    await expect(page).toHaveURL(`${baseURL}/admin?returnTo=${encodeURIComponent(asked)}`);
    await signInPage.signIn(ADMIN.username, ADMIN.password);
    await expect(page).toHaveURL(`${baseURL}${asked}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(asked === "/preview" ? "All products" : "Limited Edition Poster");
  });
}

// The Dot Grid Notebook is disabled: only the preview shows it.
test("a signed-out request for a preview page is redirected before anything is read", async ({ request }) => {
  const response = await request.get("/preview/SR-NOTEBOOK", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  const location = new URL(response.headers().location, "http://x");
  expect(location.pathname + location.search).toBe("/admin?returnTo=%2Fpreview%2FSR-NOTEBOOK");
  expect(await response.text()).not.toContain("SKU#");
});

// Sign-in goes back only to a path of this site: anything a browser reads as another host, or
// as a script, is ignored, and the admin lands on the dashboard.
for (const target of ["//evil.example/preview", "https://evil.example/", "/\\evil.example", "/\t/evil.example", "javascript:alert(1)"]) {
  test(`sign-in ignores the return target ${JSON.stringify(target)} and opens the dashboard`, async ({ page, signInPage, baseURL }) => {
    await page.goto(`/admin?returnTo=${encodeURIComponent(target)}`);
    await signInPage.signIn(ADMIN.username, ADMIN.password);
    await expect(page).toHaveURL(`${baseURL}/admin/dashboard`);
  });
}

test("Add to Cart without a session is refused on the server: no order is placed", async ({ adminPage: page, playwright, baseURL }) => {
  const storefront = new StorefrontPage(page);
  await storefront.goto("SR-CAP");
  const request = await storefront.addToCartCaptured(1);
  await expect(storefront.messages()).toContainText("You added Canvas Cap to your shopping cart.");

  // The same server-action POST, from a client with no session cookie: the guard sends it to sign-in.
  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await anonymous.post(request.url, { data: request.body, headers: request.headers });
  const text = await response.text();
  await anonymous.dispose();
  expect(response.headers()["x-action-redirect"]).toMatch(/^\/admin;/);
  expect(text).not.toContain("You added");

  const orders = new OrdersPage(page);
  await orders.open();
  await expect(orders.recordCount()).toHaveText("1 record found");
});

test("an order placed in the preview names the signed-in admin who placed it", async ({ adminPage: page }) => {
  const storefront = new StorefrontPage(page);
  await storefront.goto("SR-TEE-SEED");
  await storefront.addToCart(2);
  await expect(storefront.messages()).toContainText("You added Seed Scenario Tee to your shopping cart.");

  const orders = new OrdersPage(page);
  await orders.open();
  await orders.openOrder("000000001");
  await expect(orders.placedBy()).toHaveText(`${ADMIN.username} (storefront preview)`);
});
