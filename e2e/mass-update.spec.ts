import { closeDb, transaction } from "@/db/connection";
import { saveProduct } from "@/db/queries/product-save";
import { test, expect, openE2eDb } from "./fixtures";
import { MassUpdatePage } from "./pages/mass-update-page";
import { ProductGridPage } from "./pages/product-grid-page";
import { ProductPage } from "./pages/product-page";
import { StorefrontPage } from "./pages/storefront-page";

// Demo configuration (db/seed.ts): Backorders "Allow Qty Below 0", Out-of-Stock Threshold −50.
// MASS-001 … MASS-300 are saved with their own "No Backorders", so the threshold is ignored
// (inventory-rules §1.3): MASS-001 … MASS-299 hold 10 and sell 10; MASS-300 holds 0 and went Out of
// Stock automatically when saved (§8). With their own Backorders "Allow Qty Below 0" the threshold
// −50 applies: 10 − (−50) = 60; MASS-300 is back In Stock (0 > −50, §8) and sells 0 + 50 = 50.

const sku = (n: number) => `MASS-${String(n).padStart(3, "0")}`;

/** MASS-001 … MASS-300, saved as the product page saves them, in one transaction. */
async function createMassProducts() {
  const db = await openE2eDb();
  try {
    await transaction(db, async (tx) => {
      for (let n = 1; n <= 300; n++) {
        await saveProduct(tx, {
          product: { sku: sku(n), name: `Mass Tee ${n}`, price: 10 },
          stockItem: { qty: n === 300 ? 0 : 10, backorders: 0, useConfigBackorders: false },
          actor: null,
        });
      }
    });
  } finally {
    await closeDb(db);
  }
}

test("Select All on a filtered grid, Actions > Update attributes > Backorders: 300 products, and their figures follow", async ({ adminPage }) => {
  await createMassProducts();
  const grid = new ProductGridPage(adminPage);
  const storefront = new StorefrontPage(adminPage);
  await storefront.goto(sku(300));
  await expect(storefront.label("Out of stock")).toBeVisible();

  await grid.goto({ q: "MASS-" });
  await expect(grid.recordsFound()).toHaveText("300 records found");
  await expect(grid.salableQuantity(sku(1))).toHaveText("Default Stock: 10");
  await grid.massSelect("Select All");
  await expect(grid.recordsFound()).toHaveText("300 records found (300 selected)");
  // "All" is every matching product, on every page: page 2's rows are ticked too.
  await grid.next();
  await expect(grid.rowBox(sku(21))).toBeChecked();
  await grid.rowBox(sku(21)).uncheck();
  await expect(grid.recordsFound()).toHaveText("300 records found (299 selected)");
  await expect(grid.pageBox()).not.toBeChecked();
  await grid.pageBox().check();
  await expect(grid.recordsFound()).toHaveText("300 records found (300 selected)");

  await grid.action("Update attributes");
  // The filter travels in the URL, never a list of 300 ids.
  await expect(adminPage).toHaveURL(/\/admin\/catalog\/product_action_attribute\/edit\?selected=all&q=MASS-$/);
  const update = new MassUpdatePage(adminPage);
  await expect(update.heading()).toBeVisible();
  await expect(update.covers()).toContainText("The update covers 300 products.");
  // Nothing changes until "Change" is checked: the field is disabled, as Magento's.
  await expect(update.input("Backorders")).toBeDisabled();
  await expect(update.useConfig("Backorders")).toBeDisabled();
  await update.change("Backorders", "Allow Qty Below 0");
  await expect(update.input("Backorders")).toBeEnabled();

  // The bar shows while the products are written, with the figures the server streams.
  await adminPage.evaluate(() => {
    const seen = window as unknown as { progress: string[] };
    seen.progress = [];
    new MutationObserver(() => {
      const bar = document.querySelector("progress[aria-label='Updating products']");
      const text = bar?.parentElement?.textContent;
      if (text && !seen.progress.includes(text)) seen.progress.push(text);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await update.save();

  // Back on the grid it came from, with Magento's message.
  await expect(adminPage).toHaveURL(/\/admin\/catalog\/product\?q=MASS-$/);
  await expect(grid.messages()).toContainText([
    "A total of 300 record(s) were updated.",
    "Stock Status of 1 product was set back In Stock: quantity is above the threshold again.",
  ]);
  expect(await adminPage.evaluate(() => (window as unknown as { progress: string[] }).progress)).toContain(
    "Updating products: 300 of 300 products",
  );
  await expect(grid.salableQuantity(sku(1))).toHaveText("Default Stock: 60");

  const product = new ProductPage(adminPage);
  await product.open(sku(299));
  await expect(product.salableQuantity()).toHaveText(["Default Stock: 60"]);
  await product.advancedInventory.open();
  await expect(product.advancedInventory.useConfig("Backorders")).not.toBeChecked();
  await expect(product.advancedInventory.input("Backorders")).toHaveValue("1");
  await product.advancedInventory.cancel();

  await storefront.goto(sku(300));
  await expect(storefront.label("In stock")).toBeVisible();
  await grid.goto({ q: sku(300) });
  await expect(grid.salableQuantity(sku(300))).toHaveText("Default Stock: 50");
});

test("rows ticked one by one; a value one of them cannot take is refused at the field, naming it, and nothing is written", async ({
  adminPage,
}) => {
  const grid = new ProductGridPage(adminPage);
  await grid.goto({ q: "SR-" });
  await grid.rowBox("SR-TEE-SEED").check();
  await grid.rowBox("SR-FABRIC-M").check();
  await expect(grid.recordsFound()).toHaveText("12 records found (2 selected)");
  await grid.action("Update attributes");
  await expect(adminPage).toHaveURL(/\/admin\/catalog\/product_action_attribute\/edit\?selected=\d+%2C\d+$/);
  const update = new MassUpdatePage(adminPage);
  await expect(update.covers()).toContainText("The update covers 2 products.");

  // Checked in the browser first, with the product page's messages.
  await update.change("Minimum Qty Allowed in Shopping Cart", "abc");
  await update.save();
  await expect(update.fieldMessage("Minimum Qty Allowed in Shopping Cart")).toHaveText("Please enter a valid number in this field.");
  await update.changeBox("Minimum Qty Allowed in Shopping Cart").uncheck();

  // The fabric holds 12.5 (inventory-rules §1.2): it must keep Qty Uses Decimals = Yes.
  await update.change("Qty Uses Decimals", "No");
  await update.save();
  const refusal = 'Product "SR-FABRIC-M" holds a quantity of 12.5, so it needs Qty Uses Decimals = Yes.';
  await expect(update.formError()).toContainText(`Nothing was updated. ${refusal}`);
  await expect(update.fieldMessage("Qty Uses Decimals")).toHaveText(refusal);

  // The tee kept its settings: it still follows the configuration (25 + 50 = 75).
  await grid.goto({ q: "SR-TEE-SEED" });
  await expect(grid.salableQuantity("SR-TEE-SEED")).toHaveText("Default Stock: 75");
  await expect(grid.messages()).toHaveCount(0);
});
