import { test, expect } from "./fixtures";
import { ActionLogPage } from "./pages/action-log-page";
import { CatalogFigures } from "./pages/catalog-figures";
import { ConfigPage } from "./pages/config-page";
import { ProductPage } from "./pages/product-page";

/*
 * The demo catalog: Default Config Backorders "Allow Qty Below 0" with Out-of-Stock Threshold −50,
 * so SR-TEE-SEED (25 on the shelf) sells 25 + 50 = 75 on Default Stock. With No Backorders the
 * negative threshold is ignored: 25 (inventory-rules §1.3, §2).
 */
const TEE = "SR-TEE-SEED";
const CONFIG_ENTITY = "Configuration: Default Config";

test("a configuration change is in the Action Log with old → new; Revert puts it back and the figures follow; a stale entry is refused", async ({
  adminPage: page,
}) => {
  const figures = new CatalogFigures(page);
  await figures.expectSalableQuantity(TEE, 75);
  const config = new ConfigPage(page);
  await config.saveValues("default", { Backorders: "No Backorders" });
  await figures.expectSalableQuantity(TEE, 25);

  const log = new ActionLogPage(page);
  await log.open();
  const changed = await log.newestId();
  expect(await log.rows()).toEqual([
    [String(changed), "admin", "Admin", "Configuration saved", CONFIG_ENTITY, "Backorders: Allow Qty Below 0 → No Backorders"],
  ]);
  await expect(log.entityLink(CONFIG_ENTITY)).toHaveAttribute("href", "/admin/system_config/edit/section/cataloginventory");

  await log.revert(changed);
  await expect(log.message()).toHaveText(/The change was reverted\./);
  await expect(log.dialog(changed)).toHaveCount(0);
  // The revert is an entry of its own, which could be reverted in turn.
  const revert = await log.newestId();
  expect((await log.rows())[0]).toEqual([
    String(revert),
    "admin",
    "Admin",
    `Configuration reverted Reverts entry ${changed}`,
    CONFIG_ENTITY,
    "Backorders: No Backorders → Allow Qty Below 0",
  ]);
  await expect(log.revertButton(revert)).toBeVisible();
  await figures.expectSalableQuantity(TEE, 75);

  // The first entry set No Backorders, which the revert has since replaced: reverting it again is refused, nothing changes.
  await log.open();
  await log.revert(changed);
  await expect(log.dialog(changed).getByRole("alert")).toHaveText(
    'Backorders was changed again after this entry (now "Allow Qty Below 0"). Nothing was reverted.',
  );
  await page.keyboard.press("Escape");
  await expect(log.dialog(changed)).toHaveCount(0);
  await expect(log.revertButton(changed)).toBeFocused();
  expect(await log.rows()).toHaveLength(2);
  await figures.expectSalableQuantity(TEE, 75);
});

test("a product's Advanced Inventory save is in the Action Log; Revert puts Use Config Settings back and the figures follow", async ({
  adminPage: page,
}) => {
  const figures = new CatalogFigures(page);
  const product = new ProductPage(page);
  await product.open(TEE);
  await product.saveAdvancedInventory({ Backorders: "No Backorders" });
  await figures.expectSalableQuantity(TEE, 25);

  const log = new ActionLogPage(page);
  await log.open();
  const changed = await log.newestId();
  expect(await log.rows()).toEqual([
    [String(changed), "admin", "Admin", "Product saved", `Product: ${TEE}`, "Backorders: Use Config Settings → No Backorders"],
  ]);

  await log.revert(changed);
  await expect(log.message()).toHaveText(/The change was reverted\./);
  const revert = await log.newestId();
  expect((await log.rows())[0]).toEqual([
    String(revert),
    "admin",
    "Admin",
    `Product reverted Reverts entry ${changed}`,
    `Product: ${TEE}`,
    "Backorders: No Backorders → Use Config Settings",
  ]);
  await figures.expectSalableQuantity(TEE, 75);

  // The product page follows the configuration again.
  await product.open(TEE);
  await product.advancedInventory.open();
  await expect(product.advancedInventory.useConfig("Backorders")).toBeChecked();
});

test("filters live in the URL: entity, SKU and dates narrow the list; Clear all shows everything again", async ({ adminPage: page }) => {
  await new ConfigPage(page).saveValues("default", { Backorders: "No Backorders" });
  const log = new ActionLogPage(page);
  await log.open();
  await log.filter({ entity: "Configuration" });
  await expect(page).toHaveURL(/[?&]entity=config(&|$)/);
  expect((await log.rows()).map((row) => row[3])).toEqual(["Configuration saved"]);

  // Configuration entries name no SKU.
  await log.filter({ sku: TEE });
  await expect(page).toHaveURL(/[?&]sku=SR-TEE-SEED(&|$)/);
  await expect(log.table()).toContainText("We couldn't find any records.");

  await page.getByRole("link", { name: "Clear all" }).click();
  await expect(page).toHaveURL(/\/admin\/logging$/);
  await log.filter({ to: "2000-01-01" });
  await expect(log.table()).toContainText("We couldn't find any records.");
});
