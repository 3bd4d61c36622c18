import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { ConfigPage } from "./pages/config-page";
import { CreditMemoPage } from "./pages/credit-memo-page";
import { AdminGrid, SourceFormPage } from "./pages/inventory-pages";
import { OrdersPage } from "./pages/orders-page";
import { ProductPage } from "./pages/product-page";
import { StorefrontPage } from "./pages/storefront-page";

// WCAG 2.1 level A and AA, the level the house style promises ("colours pass WCAG AA").
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// One axe run computes every element's colours: seconds per page on a busy two-core machine,
// and the dialog tests run it up to three times.
test.describe.configure({ timeout: 120_000 });

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

/** One line per failing element: rule, selector and, for contrast, the colours and the ratio found. */
function summarize(violations: Violation[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map((node) => {
        const data = node.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number; expectedContrastRatio?: string } | undefined;
        const contrast = data?.contrastRatio
          ? ` — ${data.fgColor} on ${data.bgColor} is ${data.contrastRatio}:1, needs ${data.expectedContrastRatio}`
          : ` — ${v.help}`;
        return `${v.id}: ${node.target.join(" ")}${contrast}`;
      }),
    )
    .join("\n");
}

/** Runs axe over what is on screen now and fails with the readable list above. */
async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).withTags(WCAG_21_AA).analyze();
  expect(violations.length, `${page.url()}\n${summarize(violations)}`).toBe(0);
}

/** The first order of the demo catalog, placed through the storefront preview: 000000001. */
async function placeOrder(page: Page) {
  const storefront = new StorefrontPage(page);
  await storefront.goto("SR-TEE-SEED");
  await storefront.addToCart(2);
  await expect(storefront.messages()).toContainText("You added Seed Scenario Tee to your shopping cart.");
}

const screens: [name: string, url: string][] = [
  ["Dashboard", "/admin/dashboard"],
  ["Stores > Configuration > Inventory, Default Config", ConfigPage.url()],
  ["Stores > Configuration > Inventory, Main Website", ConfigPage.url({ website: 1 })],
  ["Stores > Configuration > Inventory, Default Store View", ConfigPage.url({ store: 1 })],
  ["Catalog > Products", "/admin/catalog/product"],
  ["Catalog > Products > Add Product", "/admin/catalog/product/new"],
  ["Catalog > Products > Update attributes", "/admin/catalog/product_action_attribute/edit?selected=all&q=SR-"],
  ["Stores > Sources", "/admin/inventory/source"],
  ["Stores > Sources > Add New Source", "/admin/inventory/source/new"],
  ["Stores > Sources > Default Source", "/admin/inventory/source/edit/source_code/default"],
  ["Stores > Stocks", "/admin/inventory/stock"],
  ["Stores > Stocks > Add New Stock", "/admin/inventory/stock/new"],
  ["Stores > Stocks > Default Stock", "/admin/inventory/stock/edit/id/1"],
  ["Reports > Low Stock", "/admin/reports/report_product/lowstock"],
  ["The REST API reference (/swagger)", "/swagger"],
  ["Stores > All Stores", "/admin/system_store"],
  ["Stores > All Stores > Main Website", "/admin/system_store/editWebsite/website_id/1"],
  ["Stores > All Stores > New Store", "/admin/system_store/newGroup"],
  ["Stores > All Stores > Default Store View", "/admin/system_store/editStore/store_id/1"],
  ["Stores > Webhooks", "/admin/webhooks"],
  ["Stores > Webhooks > Add New Webhook", "/admin/webhooks/new"],
  ["System > Action Log", "/admin/logging"],
  ["System > Data Transfer > Import", "/admin/import"],
  ["System > Permissions > All Users", "/admin/user"],
  ["System > Permissions > All Users > New User", "/admin/user/new"],
  ["System > Permissions > All Users > admin", "/admin/user/edit/user_id/1"],
  ["System > Permissions > User Roles", "/admin/user_role"],
  ["System > Permissions > User Roles > New Role (its resource tree)", "/admin/user_role/editrole"],
  ["System > Permissions > User Roles > Administrators", "/admin/user_role/editrole/rid/1"],
  ["System > Data Transfer > Export", "/admin/export?entity=stock_sources&q=cap"],
];

for (const [name, url] of screens) {
  test(`${name} passes WCAG 2.1 AA`, async ({ adminPage }) => {
    await adminPage.goto(url, { waitUntil: "networkidle" });
    await expectNoViolations(adminPage);
  });
}

test("the product page and its Advanced Inventory dialog pass WCAG 2.1 AA", async ({ adminPage }) => {
  const product = new ProductPage(adminPage);
  await product.open("SR-POSTER-LTD");
  await adminPage.waitForLoadState("networkidle");
  await expectNoViolations(adminPage);

  await product.advancedInventory.open();
  await expect(product.advancedInventory.dialog).toBeVisible();
  await expectNoViolations(adminPage);
});

test("the product page in multi-source mode and its Assign Sources dialog pass WCAG 2.1 AA", async ({ adminPage }) => {
  const sources = new AdminGrid(adminPage, "/admin/inventory/source", "Sources");
  await sources.goto();
  await sources.add("Add New Source");
  const source = new SourceFormPage(adminPage);
  await source.fill({ Name: "North Warehouse", Code: "north", Country: "US", Postcode: "10001" });
  await source.save();
  await expect(source.message()).toHaveText(/You saved the source\./);
  await expectNoViolations(adminPage);

  const product = new ProductPage(adminPage);
  await product.open("SR-TEE-SEED");
  await adminPage.waitForLoadState("networkidle");
  await expectNoViolations(adminPage);

  await product.sources.section.getByRole("button", { name: "Assign Sources" }).click();
  await expect(product.sources.assignDialog).toBeVisible();
  await expectNoViolations(adminPage);
});

test("Sales > Orders and an order's page pass WCAG 2.1 AA", async ({ adminPage }) => {
  await placeOrder(adminPage);
  const orders = new OrdersPage(adminPage);
  await orders.open();
  await expectNoViolations(adminPage);

  await orders.openOrder("000000001");
  await expectNoViolations(adminPage);
});

test("Sales > Orders > New Credit Memo passes WCAG 2.1 AA, also with a message at a field", async ({ adminPage }) => {
  await placeOrder(adminPage);
  const orders = new OrdersPage(adminPage);
  await orders.open();
  await orders.openOrder("000000001");
  await orders.openCreditMemo();
  await expectNoViolations(adminPage);

  const memo = new CreditMemoPage(adminPage);
  await memo.refund({ "SR-TEE-SEED": { qty: 3, returnToStock: true } });
  await expect(memo.qtyError("SR-TEE-SEED")).not.toBeEmpty();
  await expectNoViolations(adminPage);
});

test("System > Notifications with an unread alert, and the bell's count, pass WCAG 2.1 AA", async ({ adminPage }) => {
  // The poster's own Notify Qty is 5: an order of 2 leaves 4, a Low Stock alert.
  const storefront = new StorefrontPage(adminPage);
  await storefront.goto("SR-POSTER-LTD");
  await storefront.addToCart(2);
  await expect(storefront.messages()).toContainText("You added Limited Edition Poster to your shopping cart.");
  await adminPage.goto("/admin/notification", { waitUntil: "networkidle" });
  await expect(adminPage.getByRole("banner").getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();
  await expectNoViolations(adminPage);
});

test("the sign-in page passes WCAG 2.1 AA, also with its error", async ({ page, signInPage }) => {
  await signInPage.goto();
  await expectNoViolations(page);

  await signInPage.signIn("admin", "not-the-password");
  await expect(signInPage.error()).toBeVisible();
  await expectNoViolations(page);
});

test("the storefront preview's catalog passes WCAG 2.1 AA", async ({ adminPage: page }) => {
  await page.goto("/preview", { waitUntil: "networkidle" });
  await expectNoViolations(page);
});

// Each availability label in its colour: the poster is "In stock" and "Only 4 left" (6 on the
// shelf, its own threshold 2 → salable 4 ≤ Main Website's 5); the mug is "Out of stock".
for (const [sku, labels] of [
  ["SR-POSTER-LTD", ["In stock", "Only 4 left"]],
  ["SR-MUG-OOS", ["Out of stock"]],
] as const) {
  test(`the storefront preview's ${sku} page passes WCAG 2.1 AA`, async ({ adminPage: page }) => {
    const storefront = new StorefrontPage(page);
    await storefront.goto(sku);
    for (const label of labels) await expect(storefront.label(label)).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expectNoViolations(page);
  });
}
