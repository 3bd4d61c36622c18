import type { Request } from "@playwright/test";
import { closeDb } from "@/db/connection";
import { saveConfigValues } from "@/db/queries/config";
import { test, expect, openE2eDb } from "./fixtures";
import { ConfigPage } from "./pages/config-page";
import { DashboardPage } from "./pages/dashboard-page";

// Demo data (db/seed.ts): Default Config Backorders "Allow Qty Below 0", Out-of-Stock Threshold
// −50, Notify for Quantity Below 10; Main Website Only X left Threshold 5. Product ids in seed
// order: 1 SR-TEE-SEED 25, 2 SR-MUG-OOS (Out of Stock), 3 SR-GIFT-CARD (Manage Stock No),
// 4 SR-POSTER-LTD (own: No Backorders, threshold 2 → salable 4), 5 SR-FABRIC-M (own: No
// Backorders) 12.5, 6 SR-TIES-100 100, 7 SR-BOTTLE-LOW 3, 8 SR-CAP 40, 9 SR-SOCKS 8,
// 10 SR-TOTE 120, 11 SR-NOTEBOOK 30, 12 SR-PEN 1.

const P = "cataloginventory";

/** A store as installed: nothing stored for Backorders and the threshold at Default Config. */
async function forgetSeedBackorderSettings() {
  const db = await openE2eDb();
  try {
    await saveConfigValues(db, {
      scope: "default",
      scopeId: 0,
      values: { [`${P}/item_options/backorders`]: null, [`${P}/item_options/min_qty`]: null },
      actor: null,
    });
  } finally {
    await closeDb(db);
  }
}

test.describe("Stores > Configuration > Catalog > Inventory", () => {
  test("is in the left menu under Stores and shows the section, groups and every field with its scope label", async ({
    adminPage,
  }) => {
    await adminPage.getByRole("navigation", { name: "Admin menu" }).getByRole("link", { name: "Configuration" }).click();
    await expect(adminPage).toHaveURL(/\/admin\/system_config\/edit\/section\/cataloginventory$/);
    const config = new ConfigPage(adminPage);
    await expect(config.title()).toHaveText("Configuration");
    await expect(adminPage.getByLabel("Scope:").locator("option:checked")).toHaveText("Default Config");
    await expect(adminPage.getByRole("navigation", { name: "Configuration sections" }).getByRole("link")).toHaveText("Inventory");
    await expect(config.groupToggle("Stock Options")).toHaveAttribute("aria-expanded", "true");
    await expect(config.groupToggle("Product Stock Options")).toHaveAttribute("aria-expanded", "true");
    await expect(
      adminPage.getByText("Please note that these settings apply to individual items in the cart, not to the entire cart."),
    ).toBeVisible();
    const expected: [string, string][] = [
      ["Decrease Stock When Order is Placed", "[GLOBAL]"],
      ["Set Items' Status to be In Stock When Order is Cancelled", "[GLOBAL]"],
      ["Display Out of Stock Products", "[GLOBAL]"],
      ["Only X left Threshold", "[WEBSITE]"],
      ["Not Available Message", "[WEBSITE]"],
      ["Display Products Availability in Stock on Storefront", "[STORE VIEW]"],
      ["Manage Stock", "[GLOBAL]"],
      ["Backorders", "[GLOBAL]"],
      ["Maximum Qty Allowed in Shopping Cart", "[GLOBAL]"],
      ["Out-of-Stock Threshold", "[GLOBAL]"],
      ["Minimum Qty Allowed in Shopping Cart", "[GLOBAL]"],
      ["Notify for Quantity Below", "[GLOBAL]"],
      ["Enable Qty Increments", "[GLOBAL]"],
      ["Automatically Return Credit Memo Item to Stock", "[GLOBAL]"],
    ];
    await expect(adminPage.getByRole("group")).toHaveCount(expected.length);
    for (const [label, scope] of expected) await expect(config.scopeLabel(label)).toHaveText(scope);
    await expect(config.row("Display Out of Stock Products")).toContainText("Products will still be shown by direct product URLs.");
    await expect(config.control("Backorders").locator("option")).toHaveText([
      "No Backorders",
      "Allow Qty Below 0",
      "Allow Qty Below 0 and Notify Customer",
    ]);
    await expect(config.control("Not Available Message").locator("option")).toHaveText([
      "Only X of Y available",
      "Not enough items for sale",
    ]);
    // Auto return is the one field without "Use system value" (inventory-rules §1.1).
    await expect(config.inheritCheckbox("Automatically Return Credit Memo Item to Stock")).toHaveCount(0);
    await expect(config.inheritCheckbox("Manage Stock")).toBeChecked();
    await expect(config.row("Manage Stock").getByText("Use system value")).toBeVisible();
  });

  test("the seed walkthrough's settings are saved and still there after a reload", async ({ adminPage }) => {
    await forgetSeedBackorderSettings();
    const config = new ConfigPage(adminPage);
    await config.goto();
    // As installed: both inherit the system values, inputs disabled.
    await expect(config.inheritCheckbox("Backorders")).toBeChecked();
    await expect(config.control("Backorders")).toBeDisabled();
    await expect(config.selectedOption("Backorders")).toHaveText("No Backorders");
    await expect(config.control("Out-of-Stock Threshold")).toBeDisabled();
    await expect(config.control("Out-of-Stock Threshold")).toHaveValue("0");

    await config.setInherit("Backorders", false);
    await expect(config.control("Backorders")).toBeEnabled();
    await config.choose("Backorders", "Allow Qty Below 0");
    await config.setInherit("Out-of-Stock Threshold", false);
    await config.fill("Out-of-Stock Threshold", "-50");
    await config.save();
    await expect(config.successMessage()).toBeVisible();

    await config.reload();
    await expect(config.inheritCheckbox("Backorders")).not.toBeChecked();
    await expect(config.selectedOption("Backorders")).toHaveText("Allow Qty Below 0");
    await expect(config.inheritCheckbox("Out-of-Stock Threshold")).not.toBeChecked();
    await expect(config.control("Out-of-Stock Threshold")).toHaveValue("-50");
    await expect(config.explanation("Out-of-Stock Threshold")).toHaveText("Up to 50 units can be sold below zero.");
    // Change history, newest first: who, scope, setting, old → new.
    await expect(config.historyEntries().nth(0).getByRole("cell")).toHaveText([
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/,
      "admin",
      "Default Config",
      /^Out-of-Stock Threshold/,
      "Use system value",
      "-50",
    ]);
    await expect(config.historyEntries().nth(1).getByRole("cell")).toHaveText([
      /UTC$/,
      "admin",
      "Default Config",
      /^Backorders/,
      "Use system value",
      "Allow Qty Below 0",
    ]);
  });

  test("a website's Only X left Threshold overrides the default; the store view inherits with Use Website", async ({
    adminPage,
  }) => {
    const config = new ConfigPage(adminPage);
    await config.goto();
    await expect(config.control("Only X left Threshold")).toHaveValue("0");
    await expect(config.inheritCheckbox("Only X left Threshold")).toBeChecked();

    await config.switchScope("Main Website");
    await expect(adminPage).toHaveURL(/\/cataloginventory\/website\/1$/);
    // Only the fields a website can hold are shown (inventory-rules §1.1 scope column).
    await expect(adminPage.getByRole("group")).toHaveCount(3);
    await expect(config.row("Backorders")).toHaveCount(0);
    await expect(config.row("Only X left Threshold").getByText("Use Default")).toBeVisible();
    await expect(config.inheritCheckbox("Only X left Threshold")).not.toBeChecked();
    await expect(config.control("Only X left Threshold")).toHaveValue("5");
    await config.fill("Only X left Threshold", "8");
    await config.setInherit("Display Products Availability in Stock on Storefront", false);
    await config.choose("Display Products Availability in Stock on Storefront", "No");
    await config.save();
    await expect(config.successMessage()).toBeVisible();
    await config.reload();
    await expect(config.control("Only X left Threshold")).toHaveValue("8");

    await config.goto();
    await expect(config.control("Only X left Threshold")).toHaveValue("0");
    await expect(config.selectedOption("Display Products Availability in Stock on Storefront")).toHaveText("Yes");

    await config.switchScope("Default Store View");
    await expect(adminPage).toHaveURL(/\/cataloginventory\/store\/1$/);
    await expect(adminPage.getByRole("group")).toHaveCount(1);
    await expect(config.row("Only X left Threshold")).toHaveCount(0);
    const display = "Display Products Availability in Stock on Storefront";
    await expect(config.row(display).getByText("Use Website")).toBeVisible();
    await expect(config.inheritCheckbox(display)).toBeChecked();
    await expect(config.control(display)).toBeDisabled();
    await expect(config.selectedOption(display)).toHaveText("No");
    await expect(config.row(display)).toContainText("Value from Website: Main Website");
  });

  test('"Use system value" re-checked restores the system default', async ({ adminPage }) => {
    const config = new ConfigPage(adminPage);
    await config.goto();
    await config.setInherit("Backorders", true);
    await expect(config.control("Backorders")).toBeDisabled();
    await expect(config.selectedOption("Backorders")).toHaveText("No Backorders");
    await config.setInherit("Out-of-Stock Threshold", true);
    await expect(config.control("Out-of-Stock Threshold")).toHaveValue("0");
    await config.save();
    await expect(config.successMessage()).toBeVisible();

    await config.reload();
    await expect(config.inheritCheckbox("Backorders")).toBeChecked();
    await expect(config.selectedOption("Backorders")).toHaveText("No Backorders");
    await expect(config.inheritCheckbox("Out-of-Stock Threshold")).toBeChecked();
    await expect(config.control("Out-of-Stock Threshold")).toHaveValue("0");
    await expect(config.explanation("Backorders")).toHaveText("Products go out of stock when their quantity reaches 0.");
    await expect(config.historyEntries().nth(1).getByRole("cell").nth(4)).toHaveText("Allow Qty Below 0");
    await expect(config.historyEntries().nth(1).getByRole("cell").nth(5)).toHaveText("Use system value");
  });

  test("an invalid value is refused with its message and nothing is stored", async ({ adminPage }) => {
    const config = new ConfigPage(adminPage);
    await config.goto();
    await config.choose("Backorders", "No Backorders");
    await config.setInherit("Maximum Qty Allowed in Shopping Cart", false);
    await config.fill("Maximum Qty Allowed in Shopping Cart", "0");
    await config.fill("Out-of-Stock Threshold", "abc");
    await config.save();
    await expect(config.fieldError("Maximum Qty Allowed in Shopping Cart")).toHaveText(
      "Please enter a number greater than 0 in this field.",
    );
    await expect(config.fieldError("Out-of-Stock Threshold")).toHaveText("Please enter a valid number in this field.");
    await expect(config.control("Maximum Qty Allowed in Shopping Cart")).toHaveAttribute("aria-invalid", "true");

    await config.fill("Maximum Qty Allowed in Shopping Cart", "10");
    await config.fill("Out-of-Stock Threshold", "-50");
    await config.setInherit("Minimum Qty Allowed in Shopping Cart", false);
    await config.fill("Minimum Qty Allowed in Shopping Cart", "20");
    await config.setInherit("Enable Qty Increments", false);
    await config.choose("Enable Qty Increments", "Yes");
    await config.setInherit("Qty Increments", false);
    await config.fill("Qty Increments", "2.5");
    await config.save();
    await expect(config.fieldError("Minimum Qty Allowed in Shopping Cart")).toHaveText(
      "The Minimum Qty Allowed in Shopping Cart can't be greater than the Maximum Qty Allowed in Shopping Cart (10).",
    );
    await expect(config.fieldError("Qty Increments")).toHaveText(
      "Quantity increments can't use decimals. Enter a new increment and try again.",
    );
    await expect(config.successMessage()).toHaveCount(0);

    await config.reload();
    await expect(config.selectedOption("Backorders")).toHaveText("Allow Qty Below 0");
    await expect(config.inheritCheckbox("Maximum Qty Allowed in Shopping Cart")).toBeChecked();
    await expect(config.control("Maximum Qty Allowed in Shopping Cart")).toHaveValue("10000");
    await expect(config.selectedOption("Enable Qty Increments")).toHaveText("No");
    await expect(config.historyEntries()).toHaveCount(0);
  });

  test("the explanation sentence changes as Backorders is switched", async ({ adminPage }) => {
    const config = new ConfigPage(adminPage);
    await config.goto();
    for (const label of ["Backorders", "Out-of-Stock Threshold"]) {
      await expect(config.explanation(label)).toHaveText("Up to 50 units can be sold below zero.");
    }
    await config.choose("Backorders", "No Backorders");
    for (const label of ["Backorders", "Out-of-Stock Threshold"]) {
      await expect(config.explanation(label)).toHaveText("Negative values are ignored while Backorders are off.");
    }
    await config.fill("Out-of-Stock Threshold", "5");
    await expect(config.explanation("Backorders")).toHaveText("Products go out of stock when their quantity falls to 5 or below.");
    await config.choose("Backorders", "Allow Qty Below 0 and Notify Customer");
    await expect(config.explanation("Out-of-Stock Threshold")).toHaveText(
      "Ignored while Backorders are allowed: backorders are unlimited.",
    );
  });

  test('"Qty Increments" shows only while "Enable Qty Increments" is Yes', async ({ adminPage }) => {
    const config = new ConfigPage(adminPage);
    await config.goto();
    await expect(config.row("Qty Increments")).toHaveCount(0);
    await config.setInherit("Enable Qty Increments", false);
    await config.choose("Enable Qty Increments", "Yes");
    await expect(config.row("Qty Increments")).toBeVisible();
    await expect(config.control("Qty Increments")).toHaveValue("1");
    await config.choose("Enable Qty Increments", "No");
    await expect(config.row("Qty Increments")).toHaveCount(0);
  });

  test("the impact preview's counts match the demo catalog", async ({ adminPage }) => {
    const config = new ConfigPage(adminPage);
    await config.goto();
    await expect(config.impact()).toBeHidden();

    // Backorders off: threshold −50 no longer applies; salable 25, 100, 3, 40, 8, 120, 30, 1.
    await config.choose("Backorders", "No Backorders");
    await expect(config.impactLine("8 products stop accepting backorders")).toHaveAttribute(
      "href",
      "/admin/catalog/product?ids=1,6,7,8,9,10,11,12",
    );
    await expect(config.impactLine('2 products start showing "Only X left"')).toHaveAttribute(
      "href",
      "/admin/catalog/product?ids=7,12",
    );
    await expect(config.impact().getByRole("link")).toHaveCount(2);
    await expect(config.impact()).toContainText("all 12 products");

    // And a threshold of 5: Bottle (3) and Pen (1) go out, Socks (8 → 3) shows "Only 3 left".
    await config.fill("Out-of-Stock Threshold", "5");
    await expect(config.impactLine("2 products become out of stock")).toHaveAttribute("href", "/admin/catalog/product?ids=7,12");
    await expect(config.impactLine('1 product starts showing "Only X left"')).toHaveAttribute("href", "/admin/catalog/product?ids=9");
    await expect(config.impact().getByRole("link")).toHaveCount(3);

    // Back to what is stored: nothing to preview.
    await config.choose("Backorders", "Allow Qty Below 0");
    await config.fill("Out-of-Stock Threshold", "-50");
    await expect(config.impact()).toBeHidden();

    // Manage Stock off: the Sold Out Mug becomes salable; the poster's "Only 4 left" goes.
    await config.setInherit("Manage Stock", false);
    await config.choose("Manage Stock", "No");
    await expect(config.impactLine("1 product becomes salable")).toHaveAttribute("href", "/admin/catalog/product?ids=2");
    await expect(config.impactLine('1 product stops showing "Only X left"')).toHaveAttribute("href", "/admin/catalog/product?ids=4");
    await expect(config.impactLine("8 products stop accepting backorders")).toBeVisible();

    // Main Website Only X left 60: fabric 12.5, bottle 53, socks 58, pen 51 start showing it.
    await config.goto({ website: 1 });
    await config.fill("Only X left Threshold", "60");
    await expect(config.impactLine('4 products start showing "Only X left"')).toHaveAttribute(
      "href",
      "/admin/catalog/product?ids=5,7,9,12",
    );
  });

  test("saving shows non-blocking warnings that link to their field", async ({ adminPage }) => {
    const config = new ConfigPage(adminPage);
    await config.goto();
    await config.fill("Out-of-Stock Threshold", "5");
    await config.save();
    await expect(config.successMessage()).toBeVisible();
    const warning = config.warning("Out-of-Stock Threshold 5 is ignored while Backorders are allowed");
    await expect(warning).toBeVisible();
    const link = warning.getByRole("link", { name: "Go to Out-of-Stock Threshold" });
    await expect(link).toHaveAttribute("href", "#row_cataloginventory_item_options_min_qty");
    await link.click();
    await expect(config.control("Out-of-Stock Threshold")).toBeFocused();
    await config.reload();
    await expect(config.control("Out-of-Stock Threshold")).toHaveValue("5");

    // Backorders off with the threshold above Notify for Quantity Below (10): another warning.
    await config.choose("Backorders", "No Backorders");
    await config.fill("Out-of-Stock Threshold", "12");
    await config.save();
    await expect(
      config.warning("Notify for Quantity Below 10 is at or under the Out-of-Stock Threshold (12)").getByRole("link", {
        name: "Go to Notify for Quantity Below",
      }),
    ).toHaveAttribute("href", "#row_cataloginventory_item_options_notify_stock_qty");
  });

  test("a collapsed group stays collapsed after a reload", async ({ adminPage }) => {
    const config = new ConfigPage(adminPage);
    await config.goto();
    await config.groupToggle("Product Stock Options").click();
    await expect(config.groupToggle("Product Stock Options")).toHaveAttribute("aria-expanded", "false");
    await expect(config.control("Backorders")).toBeHidden();
    await config.reload();
    await expect(config.groupToggle("Product Stock Options")).toHaveAttribute("aria-expanded", "false");
    await expect(config.control("Backorders")).toBeHidden();
    await expect(config.control("Only X left Threshold")).toBeVisible();
    await config.groupToggle("Product Stock Options").click();
    await expect(config.control("Backorders")).toBeVisible();
  });

  test("both groups collapsed stay collapsed after a reload", async ({ adminPage }) => {
    const config = new ConfigPage(adminPage);
    await config.goto();
    for (const group of ["Stock Options", "Product Stock Options"]) {
      await config.groupToggle(group).click();
      await expect(config.groupToggle(group)).toHaveAttribute("aria-expanded", "false");
    }
    await config.reload();
    for (const group of ["Stock Options", "Product Stock Options"]) {
      await expect(config.groupToggle(group)).toHaveAttribute("aria-expanded", "false");
    }
    await expect(config.control("Only X left Threshold")).toBeHidden();
    await expect(config.control("Backorders")).toBeHidden();
  });

  test("a saved setting shows on the dashboard at its next load, no reindex", async ({ adminPage }) => {
    const dashboard = new DashboardPage(adminPage);
    await dashboard.goto();
    await expect(dashboard.figure("No manage stock")).toHaveText("1");
    const config = new ConfigPage(adminPage);
    await config.goto();
    await config.setInherit("Manage Stock", false);
    await config.choose("Manage Stock", "No");
    await config.save();
    await expect(config.successMessage()).toBeVisible();
    await dashboard.goto();
    // Every demo product now follows Manage Stock = No (the gift card already did).
    await expect(dashboard.figure("No manage stock")).toHaveText("12");
    // Not tracked, not blocked: the Sold Out Mug is salable too (inventory-rules §3).
    await expect(dashboard.figure("Salable")).toHaveText("12");
  });

  test("an unknown scope is not found and a signed-out visit goes to sign-in", async ({ adminPage, page }) => {
    const missing = await adminPage.goto(ConfigPage.url({ website: 99 }));
    expect(missing?.status()).toBe(404);
    await adminPage.context().clearCookies();
    await page.goto(ConfigPage.url());
    await expect(page).toHaveURL(/\/admin$/);
  });

  test("a Save Config request replayed without the session cookie changes nothing", async ({ adminPage, playwright, baseURL }) => {
    const config = new ConfigPage(adminPage);
    await config.goto();
    await config.choose("Backorders", "No Backorders");
    // Let the impact preview (also a server action) settle so the next action POST is the save.
    await expect(config.impactLine("8 products stop accepting backorders")).toBeVisible();

    let saveRequest: Request | undefined;
    await adminPage.route(
      (url) => url.pathname.startsWith("/admin/system_config/"),
      async (route) => {
        const request = route.request();
        if (request.method() === "POST" && (await request.headerValue("next-action"))) {
          // Keep the real request for the replay; the browser's own save never reaches the server.
          saveRequest = request;
          return route.abort();
        }
        return route.continue();
      },
    );
    await config.save();
    await expect.poll(() => saveRequest).toBeDefined();
    await expect(config.errorMessage()).toHaveText(/could not be saved/);

    const headers = Object.fromEntries(
      Object.entries(await saveRequest!.allHeaders()).filter(([name]) => !["cookie", "host", "content-length"].includes(name)),
    );
    const anonymous = await playwright.request.newContext({ baseURL });
    const replayed = await anonymous.post(saveRequest!.url(), { headers, data: saveRequest!.postData() ?? "" });
    expect(await replayed.text()).not.toContain("You saved the configuration.");
    await anonymous.dispose();

    await adminPage.unrouteAll();
    await config.reload();
    await expect(config.selectedOption("Backorders")).toHaveText("Allow Qty Below 0");
    await expect(config.historyEntries()).toHaveCount(0);

    // The same request with the admin's session does save: only the cookie made the difference.
    const withSession = await adminPage.request.post(saveRequest!.url(), { headers, data: saveRequest!.postData() ?? "" });
    expect(await withSession.text()).toContain("You saved the configuration.");
    await config.reload();
    await expect(config.selectedOption("Backorders")).toHaveText("No Backorders");
  });
});
