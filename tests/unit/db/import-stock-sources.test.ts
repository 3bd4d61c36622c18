import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, auditLogSkus } from "@/db/schema";
import { ImportRefusal, importedSummary, type ImportStrategy } from "@/lib/catalog-csv";
import { retailStock } from "../rest/rest-client";
import { catalogWithAdmin, check, figures, itemsOf, run, stored } from "./import-csv";
import { refused } from "./refused";

/*
 * The Stock Sources import on the demo catalog with the Retail stock (north and south, stock 2):
 * Default Config Backorders "Allow Qty Below 0" with threshold −50, so every stock a product is
 * assigned to sells its In Stock quantity + 50 (inventory-rules §2). SR-CAP holds 40 at the
 * default source, SR-TEE-SEED 25, SR-PEN 1; SR-FABRIC-M takes decimals, SR-SOCKS does not.
 */

const HEADER = "source_code,sku,status,quantity";
const file = (...rows: string[]) => [HEADER, ...rows].join("\n");
const SKIP: ImportStrategy = { skipErrors: true, allowedErrors: 0 };

async function retail() {
  const db = await catalogWithAdmin();
  await retailStock(db);
  return db;
}

describe("Check Data on a Stock Sources file", () => {
  it("lists every bad row with the messages of POST /V1/inventory/source-items, and writes nothing", async () => {
    const db = await retail();
    const before = await stored(db);
    const report = await check(
      db,
      "stock_sources",
      "append",
      file(
        "north,SR-CAP,1,5",
        "nowhere,SR-CAP,1,5",
        "north,NOPE,1,5",
        "north,SR-SOCKS,2,1",
        "south,SR-SOCKS,1,1.5",
        "north,SR-CAP,0,1",
        "south,SR-FABRIC-M,1,0.5",
        "default,SR-TEE-SEED,1,",
      ),
    );
    expect(report.errors).toEqual([
      { line: 3, column: "source_code", message: 'Source with code "nowhere" does not exist.' },
      { line: 4, column: "sku", message: 'Product with SKU "NOPE" does not exist.' },
      { line: 5, column: "status", message: "Please enter 1 (In Stock) or 0 (Out of Stock) in this field." },
      { line: 6, column: "quantity", message: "Please enter a valid integer in this field." },
      { line: 7, column: "sku", message: 'SKU "SR-CAP" at source "north" is already on line 2 of this file: each source item may appear once.' },
      { line: 9, column: "quantity", message: "This is a required field." },
    ]);
    expect(report).toMatchObject({ rows: 8, entities: 2, invalidRows: 6, totalErrors: 6 });
    expect(await stored(db)).toEqual(before);
  });

  it("needs every column to save source items, and only the key to unassign them", async () => {
    const db = await retail();
    expect((await check(db, "stock_sources", "append", "source_code,sku\nnorth,SR-CAP\n")).errors).toEqual([
      { line: 1, column: "status", message: 'Column "status" is missing: Add/Update of Stock Sources needs source_code, sku, status, quantity.' },
      { line: 1, column: "quantity", message: 'Column "quantity" is missing: Add/Update of Stock Sources needs source_code, sku, status, quantity.' },
    ]);
    expect((await check(db, "stock_sources", "delete", "source_code,sku\nnorth,SR-CAP\n")).errors).toEqual([]);
  });
});

describe("Import of a Stock Sources file", () => {
  it("Add/Update creates and updates source items, leaves the same ones alone, and the figures follow", async () => {
    const db = await retail();
    const report = await run(db, "stock_sources", "append", file("north,SR-CAP,1,5", "default,SR-CAP,0,40", "south,SR-TEE-SEED,1,3", "default,SR-PEN,1,1"));
    expect(importedSummary(report)).toBe("Created: 2, Updated: 1, Deleted: 0, Unchanged: 1");
    expect(await itemsOf(db, "SR-CAP")).toEqual({ default: [40, 0], north: [5, 1] });
    // Default Stock: the default source is Out of Stock now. Retail: north's 5 + 50.
    expect(await figures(db, "SR-CAP", 1)).toEqual([0, false]);
    expect(await figures(db, "SR-CAP", 2)).toEqual([55, true]);
    expect(await figures(db, "SR-TEE-SEED", 2)).toEqual([53, true]);

    const [entry] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({ source: "import", action: "import", entityType: "source_item" });
    const skus = await db.select({ sku: auditLogSkus.sku }).from(auditLogSkus).where(eq(auditLogSkus.auditId, entry.id));
    expect(skus.map((s) => s.sku).sort()).toEqual(["SR-CAP", "SR-TEE-SEED"]);
  });

  it("Replace makes each SKU's source items exactly the file's rows, and leaves SKUs the file does not name alone", async () => {
    const db = await retail();
    await run(db, "stock_sources", "append", file("north,SR-CAP,1,9"));
    const report = await run(db, "stock_sources", "replace", file("south,SR-CAP,1,7", "default,SR-TEE-SEED,1,25"));
    expect(importedSummary(report)).toBe("Created: 1, Updated: 0, Deleted: 2, Unchanged: 1");
    expect(await itemsOf(db, "SR-CAP")).toEqual({ south: [7, 1] });
    expect(await itemsOf(db, "SR-TEE-SEED")).toEqual({ default: [25, 1] });
    expect(await itemsOf(db, "SR-PEN")).toEqual({ default: [1, 1] });
    expect(await figures(db, "SR-CAP", 1)).toBeUndefined();
    expect(await figures(db, "SR-CAP", 2)).toEqual([57, true]);
  });

  it("Delete unassigns the source items named, as source-items-delete; one not assigned is left as it is", async () => {
    const db = await retail();
    const report = await run(db, "stock_sources", "delete", file("default,SR-CAP,1,40", "north,SR-PEN,1,0"));
    expect(importedSummary(report)).toBe("Created: 0, Updated: 0, Deleted: 1, Unchanged: 1");
    expect(await itemsOf(db, "SR-CAP")).toEqual({});
    expect(await figures(db, "SR-CAP", 1)).toBeUndefined();
  });

  it("Stop on Error imports nothing once the errors pass the allowed count; fewer are skipped, as with Skip error entries", async () => {
    const oneBad = file("north,SR-CAP,1,5", "north,NOPE,1,5");
    const twoBad = file("north,SR-CAP,1,5", "north,NOPE,1,5", "north,SR-PEN,1,x");

    const db = await retail();
    const before = await stored(db);
    expect(await refused(run(db, "stock_sources", "append", oneBad))).toBeInstanceOf(ImportRefusal);
    expect(await refused(run(db, "stock_sources", "append", twoBad, { skipErrors: false, allowedErrors: 1 }))).toBeInstanceOf(ImportRefusal);
    expect(await stored(db)).toEqual(before);

    expect(await run(db, "stock_sources", "append", oneBad, { skipErrors: false, allowedErrors: 1 })).toMatchObject({ created: 1, invalidRows: 1 });
    expect(await itemsOf(db, "SR-CAP")).toEqual({ default: [40, 1], north: [5, 1] });
    expect(await run(db, "stock_sources", "append", twoBad, SKIP)).toMatchObject({ created: 0, unchanged: 1, invalidRows: 2 });
  });

  it("Replace skipping errors leaves a SKU with a row in error its other source items", async () => {
    const db = await retail();
    await run(db, "stock_sources", "replace", file("north,SR-CAP,1,5", "south,SR-CAP,1,abc", "north,SR-TEE-SEED,1,2"), SKIP);
    expect(await itemsOf(db, "SR-CAP")).toEqual({ default: [40, 1], north: [5, 1] });
    expect(await itemsOf(db, "SR-TEE-SEED")).toEqual({ north: [2, 1] });
  });
});
