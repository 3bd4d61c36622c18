import fs from "node:fs/promises";
import { test, expect } from "./fixtures";
import { ExportPage } from "./pages/export-page";
import { ImportPage } from "./pages/import-page";
import { ProductGridPage } from "./pages/product-grid-page";

/*
 * The catalog seed: SR-CAP 40 at the default source; Default Config Backorders "Allow Qty Below 0"
 * with Out-of-Stock Threshold −50, so it sells 40 + 50 = 90 (inventory-rules §1.3, §2).
 */
const CAP = "SR-CAP";

test("the grid's filter exports its products as Magento's stock columns; the unchanged file imports and changes nothing", async ({
  adminPage: page,
}) => {
  const grid = new ProductGridPage(page);
  await grid.goto();
  await grid.search("cap");
  await expect(grid.salableQuantity(CAP)).toHaveText("Default Stock: 90");
  await page.getByRole("main").getByRole("link", { name: "Export", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/export\?.*q=cap/);

  const exporter = new ExportPage(page);
  await expect(exporter.matchingChoice()).toBeChecked();
  await expect(exporter.matchingChoice()).toHaveAccessibleName("Products matching the Catalog > Products filter (1)");
  const download = await exporter.download();
  expect(download.suggestedFilename()).toMatch(/^catalog_product_\d{8}_\d{6}\.csv$/);
  const file = await fs.readFile(await download.path(), "utf8");
  const [header, ...rows] = file.trim().split("\n");
  expect(header.split(",").slice(0, 4)).toEqual(["sku", "qty", "is_in_stock", "manage_stock"]);
  expect(rows.map((r) => r.split(",").slice(0, 3))).toEqual([[CAP, "40", "1"]]);

  const importer = new ImportPage(page);
  await importer.open();
  await importer.choose("Products");
  await importer.selectFile("catalog_product.csv", [header, ...rows]);
  await importer.checkDataButton().click();
  await expect(importer.success("Checked rows: 1, checked entities: 1, invalid rows: 0, total errors: 0")).toBeVisible();
  await importer.importButton().click();
  await expect(importer.success("Import successfully done")).toBeVisible();
  await grid.goto({ q: CAP });
  await expect(grid.salableQuantity(CAP)).toHaveText("Default Stock: 90");
});

test("Stock Sources of all products: one row per source item", async ({ adminPage: page }) => {
  await page.goto("/admin/export");
  const exporter = new ExportPage(page);
  await expect(exporter.matchingChoice()).toHaveCount(0);
  await exporter.choose("Stock Sources", "all");
  const download = await exporter.download();
  expect(download.suggestedFilename()).toMatch(/^stock_sources_\d{8}_\d{6}\.csv$/);
  const lines = (await fs.readFile(await download.path(), "utf8")).trim().split("\n");
  expect(lines[0]).toBe("source_code,sku,status,quantity");
  expect(lines).toContain(`default,${CAP},1,40`);
});
