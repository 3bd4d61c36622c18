import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { transaction } from "@/db/connection";
import { generateCatalog } from "@/db/generate";
import { createAdminUser } from "@/db/queries/auth";
import { checkImport } from "@/db/queries/import";
import { auditLog, auditLogSkus, productInventory, products, sourceItems, stockAlerts } from "@/db/schema";
import {
  FILE_EMPTY,
  ImportRefusal,
  importedSummary,
  NOT_UTF8,
  PRODUCT_CSV_HEADER,
  PRODUCTS_APPEND_ONLY,
} from "@/lib/catalog-csv";
import { retailStock } from "../rest/rest-client";
import { bytes, catalogWithAdmin, check, figures, itemsOf, run, stored } from "./import-csv";
import { refused } from "./refused";
import { tempDb } from "./temp-db";

/*
 * The Products import on the demo catalog: Default Config Backorders "Allow Qty Below 0" with
 * Out-of-Stock Threshold −50, so a product following it sells its quantity + 50 (inventory-rules §1.3, §2).
 * SR-CAP holds 40 at the default source, SR-TEE-SEED 25; SR-FABRIC-M takes decimals.
 */

const FLAG = "Please enter 1 (Yes) or 0 (No) in this field.";
const BACKORDERS = "Please enter 0 (No Backorders), 1 (Allow Qty Below 0) or 2 (Allow Qty Below 0 and Notify Customer) in this field.";

describe("Check Data on a Products file", () => {
  it("lists every bad row with its line, column and the admin form's message, and writes nothing", async () => {
    const db = await catalogWithAdmin();
    const before = await stored(db);
    const report = await check(
      db,
      "catalog_product",
      "append",
      [
        "sku,qty,is_in_stock,allow_backorders",
        "SR-CAP,12,1,",
        "SR-TEE-SEED,abc,1,",
        "NOPE,5,1,",
        "SR-PEN,5,yes,3",
        "SR-CAP,7,,",
        "SR-FABRIC-M,2.5,,",
        "SR-SOCKS,2.5,,",
      ].join("\n"),
    );
    expect(report.errors).toEqual([
      { line: 3, column: "qty", message: "Please enter a valid number in this field." },
      { line: 4, column: "sku", message: 'Product with SKU "NOPE" does not exist.' },
      { line: 5, column: "is_in_stock", message: FLAG },
      { line: 5, column: "allow_backorders", message: BACKORDERS },
      { line: 6, column: "sku", message: 'SKU "SR-CAP" is already on line 2 of this file: each product may appear once.' },
      // Wool Socks does not use decimals: the product page's own rule (inventory-rules §1.2).
      { line: 8, column: "qty", message: "Please enter a valid integer in this field." },
    ]);
    expect(report).toMatchObject({ rows: 7, entities: 2, invalidRows: 5, totalErrors: 6, fileError: false });
    expect(await stored(db)).toEqual(before);
  });

  it("refuses the header by name: an unknown or repeated column, a missing sku", async () => {
    const db = await catalogWithAdmin();
    const report = await check(db, "catalog_product", "append", "qty,name,qty\n5,Cap,5\n");
    expect(report.fileError).toBe(true);
    expect(report.errors).toEqual([
      { line: 1, column: "name", message: `Column "name" is not one the Products import takes. Its columns are: ${PRODUCT_CSV_HEADER.join(", ")}.` },
      { line: 1, column: "qty", message: 'Column "qty" appears more than once in the header.' },
      { line: 1, column: "sku", message: 'Column "sku" is missing: Add/Update of Products needs sku.' },
    ]);
    await expect(run(db, "catalog_product", "append", "sku,qty,name\nSR-CAP,5,Cap\n")).rejects.toBeInstanceOf(ImportRefusal);
  });

  it.each([
    ["an empty file", "", 1, FILE_EMPTY],
    ["a header alone", "sku,qty\n", 2, FILE_EMPTY],
    ["a quote never closed (at the line it opens)", 'sku,qty\n"SR-CAP,5\n', 2, "A quoted value is not closed: the file ends inside quotes."],
  ])("says what is wrong with %s", async (_name, text, line, message) => {
    const db = await catalogWithAdmin();
    const report = await check(db, "catalog_product", "append", text);
    expect(report).toMatchObject({ fileError: true, errors: [{ line, column: null, message }] });
  });

  it("reads UTF-8 split anywhere between chunks, with or without a BOM, and refuses other bytes", async () => {
    const db = await catalogWithAdmin();
    const accented = await check(db, "catalog_product", "append", "\uFEFFsku,qty\nSR-CAFÉ-ÜBER,1\n");
    expect(accented.errors).toEqual([{ line: 2, column: "sku", message: 'Product with SKU "SR-CAFÉ-ÜBER" does not exist.' }]);
    const latin1 = Buffer.concat([Buffer.from("sku,qty\nSR-CAP,1\nSR-CAF"), Buffer.from([0xc9]), Buffer.from(",1\n")]);
    const report = await checkImport(db, { entity: "catalog_product", behavior: "append", file: bytes(latin1) });
    expect(report).toMatchObject({ fileError: true, errors: [{ column: null, message: NOT_UTF8 }] });
  });

  it("reads a SKU an export escaped against spreadsheet formulas as the SKU itself", async () => {
    const db = await catalogWithAdmin();
    const report = await check(db, "catalog_product", "append", "sku,qty\n'=SUM(A1),1\n");
    expect(report.errors).toEqual([{ line: 2, column: "sku", message: 'Product with SKU "=SUM(A1)" does not exist.' }]);
  });

  it("refuses Replace and Delete: the file holds stock columns, not whole products", async () => {
    const db = await catalogWithAdmin();
    for (const behavior of ["replace", "delete"] as const) {
      const refusal = await refused(check(db, "catalog_product", behavior, "sku,qty\nSR-CAP,1\n"));
      expect([refusal.field, refusal.message]).toEqual(["behavior", PRODUCTS_APPEND_ONLY]);
    }
  });
});

describe("Import of a Products file", () => {
  it("saves as the product page does: the index, inventory-rules §8, the version, a stock alert and one audit entry", async () => {
    const db = await catalogWithAdmin();
    const [cap] = await db.select().from(products).where(eq(products.sku, "SR-CAP"));
    const report = await run(db, "catalog_product", "append", "sku,qty,allow_backorders,use_config_backorders\nSR-CAP,0,0,0\nSR-TEE-SEED,30,,\n");
    // SR-CAP: No Backorders of its own, so the −50 threshold is ignored (0); 0 ≤ 0 switches it Out of Stock (§8).
    expect(await itemsOf(db, "SR-CAP")).toEqual({ default: [0, 0] });
    expect(await figures(db, "SR-CAP")).toEqual([0, false]);
    // SR-TEE-SEED follows Default Config: 30 + 50.
    expect(await figures(db, "SR-TEE-SEED")).toEqual([80, true]);
    expect(importedSummary(report)).toBe(
      "Created: 0, Updated: 2, Deleted: 0, Unchanged: 0. 1 product was set Out of Stock automatically: quantity is at or below the threshold.",
    );
    const [after] = await db.select().from(products).where(eq(products.id, cap.id));
    expect(after.version).toBe(cap.version + 1);
    const [automatic] = await db.select({ a: sourceItems.statusAutomatic }).from(sourceItems).where(eq(sourceItems.sku, "SR-CAP"));
    expect(automatic.a).toBe(true);
    expect((await db.select({ kind: stockAlerts.kind }).from(stockAlerts).where(eq(stockAlerts.sku, "SR-CAP"))).map((a) => a.kind)).toEqual(["out_of_stock"]);

    const [entry] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({ source: "import", username: "admin", action: "import", entityType: "product", entityId: null });
    expect(JSON.parse(entry.details!)).toMatchObject({ behavior: "append", origin: "stock.csv", rows: 2, updated: 2 });
    const skus = await db.select({ sku: auditLogSkus.sku }).from(auditLogSkus).where(eq(auditLogSkus.auditId, entry.id));
    expect(skus.map((s) => s.sku).sort()).toEqual(["SR-CAP", "SR-TEE-SEED"]);
  });

  it("takes a field off Use Config Settings with the global value, as the page shows it", async () => {
    const db = await catalogWithAdmin();
    await run(db, "catalog_product", "append", "sku,use_config_min_qty\nSR-SOCKS,0\n");
    const [row] = await db
      .select({ minQty: productInventory.minQty, useConfig: productInventory.useConfigMinQty })
      .from(productInventory)
      .innerJoin(products, eq(products.id, productInventory.productId))
      .where(eq(products.sku, "SR-SOCKS"));
    expect(row).toEqual({ minQty: -50, useConfig: false });
    expect(await figures(db, "SR-SOCKS")).toEqual([58, true]);
  });

  it("changes nothing, and records nothing, for a file that matches what is stored", async () => {
    const db = await catalogWithAdmin();
    const file = "sku,qty,is_in_stock\nSR-CAP,41,1\nSR-PEN,1,1\n";
    expect(await run(db, "catalog_product", "append", file)).toMatchObject({ updated: 1, unchanged: 1 });
    const before = await stored(db);
    expect(await run(db, "catalog_product", "append", file)).toMatchObject({ updated: 0, unchanged: 2 });
    expect(await stored(db)).toEqual(before);
  });

  it("in multi-source mode sets the default source item as Magento's legacy stock item does, with the admin's status", async () => {
    const db = await catalogWithAdmin();
    await retailStock(db);
    await run(db, "catalog_product", "append", "sku,qty,is_in_stock,out_of_stock_qty,use_config_min_qty\nSR-CAP,0,1,,\nSR-TEE-SEED,,,5,0\n");
    // No §8 switch in multi-source mode: 0 In Stock sells the −50 allowance.
    expect(await itemsOf(db, "SR-CAP")).toEqual({ default: [0, 1] });
    expect(await figures(db, "SR-CAP")).toEqual([50, true]);
    // A row without qty leaves the source item alone; threshold 5 with backorders on is ignored (0).
    expect(await itemsOf(db, "SR-TEE-SEED")).toEqual({ default: [25, 1] });
    expect(await figures(db, "SR-TEE-SEED")).toEqual([25, true]);
  });

  it("is all or nothing: a bad row after two full batches rolls back every row before it", async () => {
    const db = await tempDb("none");
    await transaction(db, (tx) => generateCatalog(tx, { products: 4100, sources: 0, reservationsPer100: 0, seed: 7 }));
    await createAdminUser(db, "admin", "not-a-real-hash");
    const before = await stored(db);
    const rows = Array.from({ length: 4100 }, (_, i) => `BENCH-${String(i + 1).padStart(7, "0")},7`);
    const refusal = await refused(run(db, "catalog_product", "append", ["sku,qty", ...rows, "NOPE,1"].join("\n")));
    expect(refusal).toBeInstanceOf(ImportRefusal);
    expect((refusal as ImportRefusal).report).toMatchObject({
      rows: 4101,
      invalidRows: 1,
      errors: [{ line: 4102, column: "sku", message: 'Product with SKU "NOPE" does not exist.' }],
    });
    expect(refusal.message).toBe(
      "Data validation failed. Please fix the following errors and upload the file again. Nothing was imported. Checked rows: 4101, checked entities: 4100, invalid rows: 1, total errors: 1.",
    );
    expect(await stored(db)).toEqual(before);
  }, 60_000);
});
