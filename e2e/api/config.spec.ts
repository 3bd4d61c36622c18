import { ConfigPage } from "../pages/config-page";
import { StorefrontPage } from "../pages/storefront-page";
import { test, expect } from "./fixtures";
import { rendered } from "./rest-client";

/*
 * Stores > Configuration > Catalog > Inventory over HTTP, checked against inventory-rules.md and
 * the demo data (db/seed.ts): Default Config stores Backorders 1, Out-of-Stock Threshold −50 and
 * Notify for Quantity Below 10; Main Website stores Only X left Threshold 5; everything else is
 * the system default of §1.1. SR-TEE-SEED: 25 on the shelf, all settings from config → 75.
 */

const SEED = "SR-TEE-SEED";
const P = "cataloginventory";
const ONLY_X = `${P}/options/stock_threshold_qty`;
const NOT_AVAILABLE = `${P}/options/not_available_message`;
const DISPLAY = `${P}/options/display_product_stock_status`;
const BACKORDERS = `${P}/item_options/backorders`;
const MAX_SALE = `${P}/item_options/max_sale_qty`;
const MIN_QTY = `${P}/item_options/min_qty`;
const NOTIFY = `${P}/item_options/notify_stock_qty`;
const DEFAULT_CONFIG = "stockroom/config/default/0";
const WEBSITE = "stockroom/config/websites/1";
const STORE_VIEW = "stockroom/config/stores/1";

const system = (value: string) => ({ value, scope: null, scope_id: null, origin: "System default" });
const fromDefault = (value: string) => ({ value, scope: "default", scope_id: 0, origin: "Default Config" });
const fromWebsite = (value: string) => ({ value, scope: "websites", scope_id: 1, origin: "Website: Main Website" });
const fromStoreView = (value: string) => ({ value, scope: "stores", scope_id: 1, origin: "Store View: Default Store View" });

const DEMO_DEFAULT_VALUES = { [BACKORDERS]: "1", [MIN_QTY]: "-50", [NOTIFY]: "10" };
const OK = { salable: true, errors: [] };
const notEnough = (message: string) => ({
  salable: false,
  errors: [
    { code: "back_order-disabled", message: "Backorders are disabled" },
    { code: "manage_stock-enabled", message: "Manage stock is enabled" },
    { code: "is_salable_with_reservations-not_enough_qty", message },
  ],
});

async function ok(answer: Promise<{ status: number; body: any }>) {
  const { status, body } = await answer;
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

test("GET answers the values stored at the scope and, for each field the scope shows, the value in force and its origin", async ({
  api,
}) => {
  const defaults = await ok(api.get(DEFAULT_CONFIG));
  expect(defaults.values).toEqual(DEMO_DEFAULT_VALUES);
  // Default Config shows all fifteen fields of §1.1, in the page's order.
  expect(Object.keys(defaults.effective)).toEqual([
    `${P}/options/can_subtract`,
    `${P}/options/can_back_in_stock`,
    `${P}/options/show_out_of_stock`,
    ONLY_X,
    NOT_AVAILABLE,
    DISPLAY,
    `${P}/item_options/manage_stock`,
    BACKORDERS,
    MAX_SALE,
    MIN_QTY,
    `${P}/item_options/min_sale_qty`,
    NOTIFY,
    `${P}/item_options/enable_qty_increments`,
    `${P}/item_options/qty_increments`,
    `${P}/item_options/auto_return`,
  ]);
  expect(defaults.effective[BACKORDERS]).toEqual(fromDefault("1"));
  expect(defaults.effective[MIN_QTY]).toEqual(fromDefault("-50"));
  expect(defaults.effective[MAX_SALE]).toEqual(system("10000"));
  // The demo's Only X left Threshold 5 is the website's: Default Config has the system 0.
  expect(defaults.effective[ONLY_X]).toEqual(system("0"));

  // A website shows its three fields only (§1.1 scope column); [GLOBAL] ones are not listed.
  expect(await ok(api.get(WEBSITE))).toEqual({
    values: { [ONLY_X]: "5" },
    effective: { [ONLY_X]: fromWebsite("5"), [NOT_AVAILABLE]: system("2"), [DISPLAY]: system("1") },
  });
  // A store view, one field; also under /rest/{storeCode}/V1.
  expect(await ok(api.forStore("default").get(STORE_VIEW))).toEqual({ values: {}, effective: { [DISPLAY]: system("1") } });
});

test("PUT Backorders at Default Config moves the seed product at once: No 25, removed (system No Backorders) 25, Allow Qty Below 0 75", async ({
  api,
}) => {
  expect(await api.salableQty(SEED, 1)).toBe(75);

  const off = await ok(api.put(DEFAULT_CONFIG, { values: { [BACKORDERS]: "0" } }));
  expect(off.values).toEqual({ ...DEMO_DEFAULT_VALUES, [BACKORDERS]: "0" });
  expect(off.effective[BACKORDERS]).toEqual(fromDefault("0"));
  expect(await ok(api.get(DEFAULT_CONFIG))).toEqual(off);
  // §1.3: with backorders off the −50 threshold is ignored: 25 − 0 = 25; 26 is too many.
  expect(await api.salableQty(SEED, 1)).toBe(25);
  expect(await api.salableForQty(SEED, 1, 25)).toEqual(OK);
  expect(await api.salableForQty(SEED, 1, 26)).toEqual(notEnough("Not enough items for sale"));

  // null removes the value: Default Config inherits the system default, No Backorders (§1.1).
  const removed = await ok(api.put(DEFAULT_CONFIG, { values: { [BACKORDERS]: null } }));
  expect(removed.values).toEqual({ [MIN_QTY]: "-50", [NOTIFY]: "10" });
  expect(removed.effective[BACKORDERS]).toEqual(system("0"));
  expect(await api.salableQty(SEED, 1)).toBe(25);

  // A JSON number is stored as the page stores it. Backorders on: 25 − (−50) = 75.
  const on = await ok(api.put(DEFAULT_CONFIG, { values: { [BACKORDERS]: 1 } }));
  expect(on.values).toEqual(DEMO_DEFAULT_VALUES);
  expect(await api.salableQty(SEED, 1)).toBe(75);
  expect(await api.salableForQty(SEED, 1, 75)).toEqual(OK);

  // Threshold removed too: 0 with backorders on means unlimited backorders (§1.3, §3):
  // salable 25 − 0 = 25, and any quantity up to Maximum Qty passes.
  await ok(api.put(DEFAULT_CONFIG, { values: { [MIN_QTY]: null } }));
  expect(await api.salableQty(SEED, 1)).toBe(25);
  expect(await api.salableForQty(SEED, 1, 1000)).toEqual(OK);
});

test("inventory-rules §8 through the API: a Default Config threshold puts low items Out of Stock automatically and lifting it restores them", async ({
  api,
}) => {
  // No Backorders with threshold 5: SR-BOTTLE-LOW (3) and SR-PEN (1) are at or below it;
  // SR-SOCKS (8) is above; SR-POSTER-LTD keeps its own threshold 2 (6 > 2).
  await ok(api.put(DEFAULT_CONFIG, { values: { [BACKORDERS]: "0", [MIN_QTY]: "5" } }));
  for (const sku of ["SR-BOTTLE-LOW", "SR-PEN"]) {
    expect(await ok(api.get(`stockItems/${sku}`)), sku).toMatchObject({ is_in_stock: false, stock_status_changed_auto: 1 });
    expect(await api.salableQty(sku, 1), sku).toBe(0);
  }
  for (const sku of ["SR-SOCKS", "SR-POSTER-LTD"]) {
    expect(await ok(api.get(`stockItems/${sku}`)), sku).toMatchObject({ is_in_stock: true, stock_status_changed_auto: 0 });
  }
  // SOCKS 8 − 5 = 3; the poster 6 − 2 = 4.
  expect(await api.salableQty("SR-SOCKS", 1)).toBe(3);
  expect(await api.salableQty("SR-POSTER-LTD", 1)).toBe(4);

  // Back to the demo's threshold −50 (ignored while backorders are off, so 0): 3 > 0 and 1 > 0.
  await ok(api.put(DEFAULT_CONFIG, { values: { [MIN_QTY]: "-50" } }));
  expect(await ok(api.get("stockItems/SR-BOTTLE-LOW"))).toMatchObject({ is_in_stock: true, stock_status_changed_auto: 0 });
  expect(await api.salableQty("SR-BOTTLE-LOW", 1)).toBe(3);
  expect(await api.salableQty("SR-PEN", 1)).toBe(1);
});

test("Only X left Threshold and availability display set through the API show on the storefront; removed, a scope inherits", async ({
  api,
  adminPage: page,
}) => {
  const storefront = new StorefrontPage(page);
  await storefront.goto(SEED);
  // Salable 75 is above the demo's 5: no "Only X left".
  await expect(storefront.label("In stock")).toBeVisible();
  await expect(storefront.availability()).not.toContainText("left");

  // §6: 0 < 75 ≤ 80 and backorders are not unlimited (threshold −50).
  const website = await ok(api.put(WEBSITE, { values: { [ONLY_X]: "80" } }));
  expect(website.effective[ONLY_X]).toEqual(fromWebsite("80"));
  await storefront.goto(SEED);
  await expect(storefront.label("Only 75 left")).toBeVisible();

  // The store view hides availability (§6): no "In stock" for its shoppers, Only X left stays.
  expect(await ok(api.put(STORE_VIEW, { values: { [DISPLAY]: "0" } }))).toEqual({
    values: { [DISPLAY]: "0" },
    effective: { [DISPLAY]: fromStoreView("0") },
  });
  expect((await ok(api.get(WEBSITE))).effective[DISPLAY]).toEqual(system("1"));
  await storefront.goto(SEED, "default");
  await expect(storefront.label("Only 75 left")).toBeVisible();
  await expect(storefront.availability()).not.toContainText("In stock");
  await ok(api.put(STORE_VIEW, { values: { [DISPLAY]: null } }));

  // Default Config 100, the website's own value removed: it inherits 100.
  await ok(api.put(DEFAULT_CONFIG, { values: { [ONLY_X]: "100" } }));
  const inheriting = await ok(api.put(WEBSITE, { values: { [ONLY_X]: null } }));
  expect(inheriting.values).toEqual({});
  expect(inheriting.effective[ONLY_X]).toEqual(fromDefault("100"));
  await storefront.goto(SEED);
  await expect(storefront.label("Only 75 left")).toBeVisible();

  // Nothing stored anywhere: the system 0 turns the message off.
  await ok(api.put(DEFAULT_CONFIG, { values: { [ONLY_X]: null } }));
  await storefront.goto(SEED);
  await expect(storefront.label("In stock")).toBeVisible();
  await expect(storefront.availability()).not.toContainText("left");
});

test('Not Available Message "Only X of Y available" at the website: the requested-qty check and a refused order say how many are left', async ({
  api,
}) => {
  // §4: 25 + 50 = 75 salable, 80 requested.
  expect(await api.salableForQty(SEED, 1, 80)).toEqual(notEnough("Not enough items for sale"));
  await ok(api.put(WEBSITE, { values: { [NOT_AVAILABLE]: "1" } }));
  expect(await api.salableForQty(SEED, 1, 80)).toEqual(notEnough("Only 75 of 80 available"));
  expect(await api.salableForQty(SEED, 1, 75)).toEqual(OK);

  const order = await api.post("stockroom/orders", { store_code: "default", items: [{ sku: SEED, qty: 80 }] });
  expect(order.status).toBe(400);
  expect(rendered(order)).toBe("Only 75 of 80 available");
  expect(await api.salableQty(SEED, 1)).toBe(75);
});

test("a configuration saved on the admin page reads back through the API", async ({ api, adminPage }) => {
  const config = new ConfigPage(adminPage);
  await config.goto({ website: 1 });
  await config.fill("Only X left Threshold", "12");
  await config.setInherit("Not Available Message", false);
  await config.choose("Not Available Message", "Only X of Y available");
  await config.save();
  await expect(config.successMessage()).toBeVisible();
  expect(await ok(api.get(WEBSITE))).toEqual({
    values: { [ONLY_X]: "12", [NOT_AVAILABLE]: "1" },
    effective: { [ONLY_X]: fromWebsite("12"), [NOT_AVAILABLE]: fromWebsite("1"), [DISPLAY]: system("1") },
  });

  await config.goto();
  await config.choose("Backorders", "No Backorders");
  await config.setInherit("Maximum Qty Allowed in Shopping Cart", false);
  await config.fill("Maximum Qty Allowed in Shopping Cart", "40");
  await config.save();
  await expect(config.successMessage()).toBeVisible();
  const defaults = await ok(api.get(DEFAULT_CONFIG));
  expect(defaults.values).toEqual({ ...DEMO_DEFAULT_VALUES, [BACKORDERS]: "0", [MAX_SALE]: "40" });
  expect(defaults.effective[MAX_SALE]).toEqual(fromDefault("40"));
  // No backorders: 25 salable; 41 is over the Maximum Qty, the first §4 quantity rule to fail.
  expect(await api.salableQty(SEED, 1)).toBe(25);
  expect(await api.salableForQty(SEED, 1, 41)).toEqual({
    salable: false,
    errors: [{ code: "is_correct_qty-max_sale_qty", message: "The requested qty exceeds the maximum qty allowed in shopping cart" }],
  });
  expect(await api.salableForQty(SEED, 1, 30)).toEqual(notEnough("Only 25 of 30 available"));
});

test("a configuration saved through the API shows on the admin page at once, its history naming the token's admin", async ({
  api,
  adminPage,
}) => {
  await ok(api.put(DEFAULT_CONFIG, { values: { [MIN_QTY]: "-20", [NOTIFY]: null, [MAX_SALE]: 500 } }));
  await ok(api.put(WEBSITE, { values: { [NOT_AVAILABLE]: "1", [ONLY_X]: null } }));

  const config = new ConfigPage(adminPage);
  await config.goto();
  await expect(config.inheritCheckbox("Out-of-Stock Threshold")).not.toBeChecked();
  await expect(config.control("Out-of-Stock Threshold")).toHaveValue("-20");
  await expect(config.explanation("Out-of-Stock Threshold")).toHaveText("Up to 20 units can be sold below zero.");
  await expect(config.inheritCheckbox("Notify for Quantity Below")).toBeChecked();
  await expect(config.control("Notify for Quantity Below")).toHaveValue("1");
  await expect(config.inheritCheckbox("Maximum Qty Allowed in Shopping Cart")).not.toBeChecked();
  await expect(config.control("Maximum Qty Allowed in Shopping Cart")).toHaveValue("500");
  // Newest first; a PUT writes its values in the order sent.
  const row = (n: number) => config.historyEntries().nth(n).getByRole("cell");
  await expect(config.historyEntries()).toHaveCount(5);
  await expect(row(0)).toHaveText([/UTC$/, "admin", "Website: Main Website", /^Only X left Threshold/, "5", "Use Default"]);
  await expect(row(1)).toHaveText([/UTC$/, "admin", "Website: Main Website", /^Not Available Message/, "Use Default", "Only X of Y available"]);
  await expect(row(2)).toHaveText([/UTC$/, "admin", "Default Config", /^Maximum Qty Allowed in Shopping Cart/, "Use system value", "500"]);
  await expect(row(3)).toHaveText([/UTC$/, "admin", "Default Config", /^Notify for Quantity Below/, "10", "Use system value"]);
  await expect(row(4)).toHaveText([/UTC$/, "admin", "Default Config", /^Out-of-Stock Threshold/, "-50", "-20"]);

  await config.switchScope("Main Website");
  await expect(config.inheritCheckbox("Not Available Message")).not.toBeChecked();
  await expect(config.selectedOption("Not Available Message")).toHaveText("Only X of Y available");
  await expect(config.inheritCheckbox("Only X left Threshold")).toBeChecked();
  await expect(config.control("Only X left Threshold")).toHaveValue("0");
  // 25 − (−20) = 45.
  expect(await api.salableQty(SEED, 1)).toBe(45);
});
