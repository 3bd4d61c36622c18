import type { Page } from "@playwright/test";
import { test as base, expect } from "./api/fixtures";
import { ConfigPage } from "./pages/config-page";
import { SourceFormPage } from "./pages/inventory-pages";
import { ProductPage } from "./pages/product-page";

// House style habit 4: forms render their saved values in the server HTML. Each test saves with
// JavaScript, as a merchant does, then reads the page again with JavaScript off: what a slow
// machine shows before hydration. Demo data (db/seed.ts): Default Config Backorders "Allow Qty
// Below 0", Out-of-Stock Threshold −50, Notify for Quantity Below 10; Main Website Only X left
// Threshold 5. Product ids in seed order: 4 SR-POSTER-LTD (qty 6, own Backorders No Backorders
// and threshold 2), 8 SR-CAP (qty 40).

const POSTER = 4;
const CAP = 8;

const test = base.extend<{ withoutJs: Page }>({
  /** The signed-in admin in a second context with JavaScript off: the server's HTML only. */
  withoutJs: async ({ adminPage, browser, baseURL }, use) => {
    const context = await browser.newContext({
      baseURL,
      javaScriptEnabled: false,
      storageState: await adminPage.context().storageState(),
    });
    await use(await context.newPage());
    await context.close();
  },
});

// Each test signs in, saves, then opens a second browser context.
test.slow();

/** [label, what the field shows, its inherit checkbox checked (null: the field has none)] */
type Shown = [string, string, boolean | null];

async function expectFields(config: ConfigPage, expected: Shown[]) {
  await expect(config.fields()).toHaveCount(expected.length);
  for (const [label, value, inherit] of expected) {
    expect(await config.shownValue(label), label).toBe(value);
    if (inherit === null) await expect(config.inheritCheckbox(label)).toHaveCount(0);
    else await expect(config.inheritCheckbox(label), label).toBeChecked({ checked: inherit });
    // An inherited value is shown greyed out, by the server too.
    await expect(config.control(label), label).toBeEnabled({ enabled: inherit !== true });
  }
}

test("configuration: after Save Config, the page without JavaScript shows every value and inherit checkbox", async ({
  adminPage,
  withoutJs,
}) => {
  await new ConfigPage(adminPage).saveValues("default", {
    "Display Out of Stock Products": "Yes",
    "Out-of-Stock Threshold": "5",
    "Enable Qty Increments": "Yes",
    "Qty Increments": "4",
  });

  const config = new ConfigPage(withoutJs);
  await config.goto();
  await expectFields(config, [
    ["Decrease Stock When Order is Placed", "Yes", true],
    ["Set Items' Status to be In Stock When Order is Cancelled", "Yes", true],
    ["Display Out of Stock Products", "Yes", false],
    ["Only X left Threshold", "0", true],
    ["Not Available Message", "Not enough items for sale", true],
    ["Display Products Availability in Stock on Storefront", "Yes", true],
    ["Manage Stock", "Yes", true],
    ["Backorders", "Allow Qty Below 0", false],
    ["Maximum Qty Allowed in Shopping Cart", "10000", true],
    // The bug this pins: a blank threshold until hydration.
    ["Out-of-Stock Threshold", "5", false],
    ["Minimum Qty Allowed in Shopping Cart", "1", true],
    ["Notify for Quantity Below", "10", false],
    ["Enable Qty Increments", "Yes", false],
    // Shown because Enable Qty Increments is Yes: the server follows the saved master field.
    ["Qty Increments", "4", false],
    ["Automatically Return Credit Memo Item to Stock", "No", null],
  ]);

  // Main Website: its own Only X left Threshold 5 ("Use Default" off), the others inherited.
  await config.goto({ website: 1 });
  await expectFields(config, [
    ["Only X left Threshold", "5", false],
    ["Not Available Message", "Not enough items for sale", true],
    ["Display Products Availability in Stock on Storefront", "Yes", true],
  ]);
});

test("configuration: a value typed before the page hydrates is the one Save Config stores", async ({ adminPage }) => {
  // A slow machine: the page's scripts arrive only after the merchant has typed into the server HTML.
  let release = () => {};
  const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
  await adminPage.route("**/_next/static/chunks/**/*.js", async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  const config = new ConfigPage(adminPage);
  // The scripts hold up DOMContentLoaded too: wait for the response, then for the field itself.
  await adminPage.goto(ConfigPage.url(), { waitUntil: "commit" });
  await config.fill("Out-of-Stock Threshold", "7");
  // Nothing runs yet: the sentence is still the server's, for the stored −50.
  await expect(config.explanation("Out-of-Stock Threshold")).toHaveText("Up to 50 units can be sold below zero.");
  release();
  // Hydrated, the form holds the 7: the sentence the page works out from it has changed.
  await expect(config.explanation("Out-of-Stock Threshold")).toHaveText(
    "Ignored while Backorders are allowed: backorders are unlimited.",
  );
  await config.save();
  await expect(config.successMessage()).toBeVisible();
  await config.reload();
  await expect(config.control("Out-of-Stock Threshold")).toHaveValue("7");
});

test("product: after Save, the page without JavaScript shows the saved product, quantity and status", async ({
  adminPage,
  withoutJs,
}) => {
  const product = new ProductPage(adminPage);
  await product.gotoEdit(POSTER);
  await product.enableProduct().setChecked(false);
  await product.fill({ Price: "42.5", Quantity: "7" });
  await product.stockStatus().selectOption({ label: "Out of Stock" });
  await product.save();
  await expect(product.messages()).toContainText(["You saved the product."]);

  const page = new ProductPage(withoutJs);
  await page.gotoEdit(POSTER);
  await expect(page.enableProduct()).not.toBeChecked();
  await expect(page.field("Product Name")).toHaveValue("Limited Edition Poster");
  await expect(page.field("SKU")).toHaveValue("SR-POSTER-LTD");
  await expect(page.field("Price")).toHaveValue("42.5");
  await expect(page.field("Quantity")).toHaveValue("7");
  await expect(page.stockStatus().locator("option:checked")).toHaveText("Out of Stock");

  // Advanced Inventory is a dialog the browser renders on opening (a Radix portal): the server
  // HTML has its button, not its fields, and without JavaScript it cannot open, so there is no
  // moment in which it shows empty fields. Opened after hydration, it holds the saved values.
  await expect(page.advancedInventory.button()).toBeVisible();
  await expect(withoutJs.getByLabel("Out-of-Stock Threshold")).toHaveCount(0);
  await product.advancedInventory.open();
  await expect(product.advancedInventory.input("Out-of-Stock Threshold")).toHaveValue("2");
  await expect(product.advancedInventory.useConfig("Out-of-Stock Threshold")).not.toBeChecked();
  await expect(product.advancedInventory.input("Manage Stock").locator("option:checked")).toHaveText("Yes");
  await expect(product.advancedInventory.useConfig("Manage Stock")).toBeChecked();
});

test("multi-source: the product's Sources rows and the source page, without JavaScript, show what was saved", async ({
  adminPage,
  withoutJs,
  api,
}) => {
  // A second source switches to multi-source mode; SR-CAP gets 4 there.
  await api.post("inventory/sources", {
    source: { source_code: "north", name: "North Warehouse", description: "Cold store", country_id: "US", postcode: "10001" },
  });
  await api.post("inventory/source-items", { sourceItems: [{ sku: "SR-CAP", source_code: "north", quantity: 4, status: 1 }] });
  const product = new ProductPage(adminPage);
  await product.gotoEdit(CAP);
  await product.sources.setStatus("Default Source", "Out of Stock");
  await product.sources.setNotifyQty("North Warehouse", "40");
  await product.save();
  await expect(product.messages()).toContainText(["You saved the product."]);

  const page = new ProductPage(withoutJs);
  await page.gotoEdit(CAP);
  const sources = page.sources;
  // Default Source: 40, set Out of Stock, Notify Qty on "Use Default": Default Config's 10, greyed out.
  await expect(sources.qty("Default Source")).toHaveValue("40");
  await expect(sources.status("Default Source").locator("option:checked")).toHaveText("Out of Stock");
  await expect(sources.useDefault("Default Source")).toBeChecked();
  await expect(sources.notifyQty("Default Source")).toHaveValue("10");
  await expect(sources.notifyQty("Default Source")).toBeDisabled();
  // North Warehouse: 4 in stock, its own Notify Qty 40.
  await expect(sources.qty("North Warehouse")).toHaveValue("4");
  await expect(sources.status("North Warehouse").locator("option:checked")).toHaveText("In Stock");
  await expect(sources.useDefault("North Warehouse")).not.toBeChecked();
  await expect(sources.notifyQty("North Warehouse")).toHaveValue("40");

  // Stores > Sources: North disabled and a new postcode, saved; then read without JavaScript.
  const source = new SourceFormPage(adminPage);
  await adminPage.goto("/admin/inventory/source/edit/source_code/north");
  await source.fill({ Postcode: "10002", enabled: false });
  await source.saveAndConfirm();

  const sourcePage = new SourceFormPage(withoutJs);
  await withoutJs.goto("/admin/inventory/source/edit/source_code/north");
  await expect(sourcePage.field("Name")).toHaveValue("North Warehouse");
  await expect(sourcePage.field("Code")).toHaveValue("north");
  await expect(sourcePage.enabled()).not.toBeChecked();
  await expect(sourcePage.field("Description")).toHaveValue("Cold store");
  await expect(sourcePage.field("Country")).toHaveValue("US");
  await expect(sourcePage.field("Postcode")).toHaveValue("10002");
});
