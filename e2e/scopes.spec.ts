import { RestClient } from "./api/rest-client";
import { ADMIN, expect, resetTo, test } from "./fixtures";
import { ConfigPage } from "./pages/config-page";
import { StorefrontPage } from "./pages/storefront-page";

/*
 * Scopes proven across two websites, from the demo data (db/seed.ts "demo"): Main Website sells
 * from Default Stock (Default Source), Belgium (`be`, store view `be_nl`) from Belgium Stock
 * (Antwerp Warehouse). Default Config: Backorders "Allow Qty Below 0", threshold −50; the website
 * Only X left Thresholds are Main Website 5 and Belgium 3 — the test takes Main Website's away,
 * so the threshold is set only on Belgium.
 *
 * SR-POSTER-LTD keeps its own settings (No Backorders, Out-of-Stock Threshold 2):
 *   Default Stock: 6 in Default Source − 2 = salable 4; threshold 0 on Main Website → no "Only" label.
 *   Belgium Stock: 4 in Antwerp − 2 = salable 2 ≤ Belgium's 3 → "Only 2 left" in be_nl, which
 *   speaks Dutch to its shoppers (its Locale is nl_NL): "Nog slechts 2 over".
 * An order of 1 in be_nl reserves against Belgium Stock only: Belgium 1, Default Stock still 4.
 */

const AVAILABILITY = "Display Products Availability in Stock on Storefront";
const THRESHOLD = "Only X left Threshold";

test.beforeEach(() => resetTo("demo"));

async function token(request: import("@playwright/test").APIRequestContext): Promise<string> {
  const answer = await new RestClient(request, null).post("integration/admin/token", { username: ADMIN.username, password: ADMIN.password });
  expect(answer.status).toBe(200);
  return answer.body;
}

test("two websites: the configuration page, the preview and REST answer per scope and per stock", async ({ adminPage, request }) => {
  const config = new ConfigPage(adminPage);
  // The threshold only on Belgium; availability hidden only on be_nl; Backorders only at Default Config.
  await config.saveInherited({ website: 1 }, [THRESHOLD]);
  await config.goto();
  await config.switchScope("Nederlands (België)");
  await expect(adminPage).toHaveURL(/\/cataloginventory\/store\/2$/);
  await config.setInherit(AVAILABILITY, false);
  await config.choose(AVAILABILITY, "No");
  await config.save();
  await expect(config.successMessage()).toBeVisible();

  // Default Config: the threshold is the system's 0, Backorders the Default Config's own.
  await config.goto();
  await expect(config.control(THRESHOLD)).toHaveValue("0");
  await expect(config.selectedOption("Backorders")).toHaveText("Allow Qty Below 0");
  // Main Website inherits the threshold; Belgium has its own.
  await config.switchScope("Main Website");
  await expect(config.inheritCheckbox(THRESHOLD)).toBeChecked();
  await expect(config.control(THRESHOLD)).toHaveValue("0");
  await config.switchScope("Belgium");
  await expect(adminPage).toHaveURL(/\/cataloginventory\/website\/2$/);
  await expect(config.row("Backorders")).toHaveCount(0);
  await expect(config.row(THRESHOLD).getByText("Use Default")).toBeVisible();
  await expect(config.inheritCheckbox(THRESHOLD)).not.toBeChecked();
  await expect(config.control(THRESHOLD)).toHaveValue("3");
  await expect(config.inheritCheckbox(AVAILABILITY)).toBeChecked();
  await expect(config.selectedOption(AVAILABILITY)).toHaveText("Yes");
  // Store views: be_nl has its own No; Default Store View still takes Yes from Main Website.
  await config.switchScope("Nederlands (België)");
  await expect(config.row(AVAILABILITY).getByText("Use Website")).toBeVisible();
  await expect(config.inheritCheckbox(AVAILABILITY)).not.toBeChecked();
  await expect(config.selectedOption(AVAILABILITY)).toHaveText("No");
  await config.switchScope("Default Store View");
  await expect(config.inheritCheckbox(AVAILABILITY)).toBeChecked();
  await expect(config.selectedOption(AVAILABILITY)).toHaveText("Yes");

  // The preview, per store view.
  const storefront = new StorefrontPage(adminPage);
  await storefront.goto("SR-POSTER-LTD");
  await expect(storefront.label("In stock")).toBeVisible();
  await expect(storefront.availability()).not.toContainText("left");
  await storefront.goto("SR-POSTER-LTD", "be_nl");
  await expect(storefront.storeSwitcher().getByText("Nederlands (België)")).toHaveAttribute("aria-current", "page");
  await expect(storefront.label("Nog slechts 2 over")).toBeVisible();
  await expect(storefront.availability()).not.toContainText("Op voorraad");

  // REST, per store prefix and per stock.
  const api = new RestClient(request, await token(request));
  const be = api.forStore("be_nl");
  expect((await be.get("inventory/stock-resolver/website/be")).body).toMatchObject({ stock_id: 2 });
  expect((await api.forStore("default").get("inventory/stock-resolver/website/base")).body).toMatchObject({ stock_id: 1 });
  expect(await be.salableQty("SR-POSTER-LTD", 2)).toBe(2);
  expect(await api.forStore("default").salableQty("SR-POSTER-LTD", 1)).toBe(4);

  // An order in be_nl moves Belgium Stock only.
  await storefront.addToCart(1);
  await expect(storefront.messages()).toContainText("U hebt Limited Edition Poster aan uw winkelwagen toegevoegd.");
  await storefront.goto("SR-POSTER-LTD", "be_nl");
  await expect(storefront.label("Nog slechts 1 over")).toBeVisible();
  expect(await be.salableQty("SR-POSTER-LTD", 2)).toBe(1);
  expect(await api.salableQty("SR-POSTER-LTD", 1)).toBe(4);
  await storefront.goto("SR-POSTER-LTD");
  await expect(storefront.availability()).not.toContainText("left");
});
