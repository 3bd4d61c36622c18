import { test, expect } from "./fixtures";
import { ActionLogPage } from "./pages/action-log-page";
import { ImportPage } from "./pages/import-page";
import { ProductGridPage } from "./pages/product-grid-page";

/*
 * The demo catalog: Default Config Backorders "Allow Qty Below 0" with Out-of-Stock Threshold −50,
 * so a product sells its default source's quantity + 50 (inventory-rules §1.3, §2): SR-CAP 40 → 90,
 * SR-PEN 1 → 51. The file sets SR-CAP to 12 (→ 62) and SR-PEN to 7 (→ 57).
 */
const CAP = "SR-CAP";
const PEN = "SR-PEN";

test("a file with a bad row is listed by Check Data and changes nothing; fixed, it checks clean and imports, and the grid and Action Log follow", async ({
  adminPage: page,
}) => {
  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.choose("Products");
  // Three bad rows: a quantity that is no number, a SKU the catalog does not have, a status that is neither 1 nor 0.
  await importPage.selectFile("stock.csv", ["sku,qty,is_in_stock", `${CAP},12,1`, `${PEN},abc,1`, "SR-NOPE,5,1", "SR-SOCKS,5,7"]);
  await expect(importPage.importButton()).toBeDisabled();
  await importPage.checkDataButton().click();
  await expect(importPage.error("Data validation failed. Please fix the following errors and upload the file again.")).toBeVisible();
  await expect(importPage.error("Checked rows: 4, checked entities: 1, invalid rows: 3, total errors: 3")).toBeVisible();
  expect(await importPage.errors()).toEqual([
    "Line 3, column qty: Please enter a valid number in this field.",
    'Line 4, column sku: Product with SKU "SR-NOPE" does not exist.',
    "Line 5, column is_in_stock: Please enter 1 (Yes) or 0 (No) in this field.",
  ]);
  await expect(importPage.importButton()).toBeDisabled();

  const grid = new ProductGridPage(page);
  await grid.goto({ q: CAP });
  await expect(grid.salableQuantity(CAP)).toHaveText("Default Stock: 90");

  await importPage.open();
  await importPage.choose("Products");
  await importPage.selectFile("stock.csv", ["sku,qty,is_in_stock", `${CAP},12,1`, `${PEN},7,1`]);
  await importPage.checkDataButton().click();
  await expect(importPage.success('File is valid! To start import process press "Import" button')).toBeVisible();
  await expect(importPage.success("Checked rows: 2, checked entities: 2, invalid rows: 0, total errors: 0")).toBeVisible();

  // Hold the import's answer until the progress bar shows: the page tells the admin it is working.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route((url) => url.pathname === "/admin/import/start", async (route) => {
    await held;
    await route.continue();
  });
  await importPage.importButton().click();
  await expect(importPage.progress("Importing")).toBeVisible();
  await expect(importPage.checkDataButton()).toBeDisabled();
  release();
  await expect(importPage.success("Import successfully done")).toBeVisible();
  await expect(importPage.success("Created: 0, Updated: 2, Deleted: 0, Unchanged: 0")).toBeVisible();
  await expect(importPage.importButton()).toBeDisabled();

  await grid.goto({ q: CAP });
  await expect(grid.quantityPerSource(CAP)).toHaveText("Default Source: 12");
  await expect(grid.salableQuantity(CAP)).toHaveText("Default Stock: 62");
  await grid.goto({ q: PEN });
  await expect(grid.salableQuantity(PEN)).toHaveText("Default Stock: 57");

  const log = new ActionLogPage(page);
  await log.open();
  const [newest] = await log.rows();
  expect(newest.slice(1, 4)).toEqual(["admin", "Import", "Products imported"]);
  expect(newest[5]).toBe("From: stock.csv; Import Behavior: Add/Update; Rows: 2; created 0, updated 2, deleted 0, unchanged 0");
});

test("Stock Sources: Delete unassigns a product from a source, and the keyboard reaches every control", async ({ adminPage: page }) => {
  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.choose("Stock Sources", "Delete");
  await importPage.selectFile("unassign.csv", ["source_code,sku", `default,${PEN}`]);
  await page.getByRole("combobox", { name: "Entity Type" }).focus();
  for (const name of ["Import Behavior", "Select File to Import"]) {
    await page.keyboard.press("Tab");
    await expect(page.getByLabel(name)).toBeFocused();
  }
  await page.keyboard.press("Tab");
  await expect(importPage.checkDataButton()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(importPage.success("Checked rows: 1, checked entities: 1, invalid rows: 0, total errors: 0")).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(importPage.importButton()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(importPage.success("Created: 0, Updated: 0, Deleted: 1, Unchanged: 0")).toBeVisible();

  const grid = new ProductGridPage(page);
  await grid.goto({ q: PEN });
  await expect(grid.quantityPerSource(PEN)).toHaveText("");
});
