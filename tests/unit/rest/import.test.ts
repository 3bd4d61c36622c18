import { desc } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/connection";
import { auditLog } from "@/db/schema";
import { PRODUCTS_APPEND_ONLY } from "@/lib/catalog-csv";
import { tempDb } from "../db/temp-db";
import { indexRow, rendered, renderedErrors, signedIn, sourceItemsOf, storedState, type RestClient } from "./rest-client";

let db: Db;
vi.mock("@/server/db", () => ({ getDb: async () => db }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

/*
 * Magento's ImportCsvApi (POST /V1/import/csv) on the demo catalog in single-source mode: Default
 * Config backorders on with threshold −50, so a salable quantity is the in-stock quantity + 50
 * (inventory-rules §2). SR-CAP holds 40, SR-PEN 1.
 */

let api: RestClient;

beforeEach(async () => {
  db = await tempDb();
  api = await signedIn(db);
});

const base64 = (text: string) => Buffer.from(text).toString("base64");
const importCsv = (source: Record<string, unknown>) =>
  api.post("import/csv", { source: { entity: "catalog_product", behavior: "append", validationStrategy: "validation-stop-on-errors", allowedErrorCount: "0", ...source } });
const TWO_ROWS = "sku,qty\nSR-CAP,12\nSR-PEN,abc\n";
const REFUSED = "Data validation failed. Please fix the following errors and upload the file again. Nothing was imported.";

describe("POST /V1/import/csv", () => {
  it("imports a base64 file and answers Magento's count; the figures and the Action Log follow", async () => {
    const answer = await importCsv({ csvData: base64("sku,qty,is_in_stock\nSR-CAP,12,1\nSR-PEN,7,1\n") });
    expect([answer.status, answer.body]).toEqual([200, ["Entities Processed: 2"]]);
    expect(await sourceItemsOf(db, "SR-CAP")).toEqual({ default: [12, 1] });
    expect((await indexRow(db, "SR-PEN", 1)).salableQty).toBe(57);
    const [entry] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({ source: "import", username: "admin", action: "import", entityType: "product" });
    expect(JSON.parse(entry.details!)).toMatchObject({ origin: "REST API (POST /V1/import/csv)" });
  });

  it("takes Magento's snake_case names too, and its Field Separator", async () => {
    const answer = await api.post("import/csv", {
      source: {
        entity: "stock_sources",
        behavior: "append",
        validation_strategy: "validation-stop-on-errors",
        allowed_error_count: 0,
        import_field_separator: ";",
        csv_data: base64("source_code;sku;status;quantity\ndefault;SR-CAP;0;3\n"),
        locale: "en_US",
      },
    });
    expect([answer.status, answer.body]).toEqual([200, ["Entities Processed: 1"]]);
    expect(await sourceItemsOf(db, "SR-CAP")).toEqual({ default: [3, 0] });
  });

  it("stops on errors: answers them with their lines and imports nothing", async () => {
    const before = await storedState(db);
    const answer = await importCsv({ csvData: base64(TWO_ROWS) });
    expect([answer.status, answer.body]).toEqual([
      200,
      [REFUSED, "Checked rows: 2, checked entities: 1, invalid rows: 1, total errors: 1", "Line 3, column qty: Please enter a valid number in this field."],
    ]);
    expect(await storedState(db)).toEqual(before);
  });

  it("imports the valid rows when the errors stay within Allowed Errors Count, or with Skip error entries", async () => {
    const allowed = await importCsv({ allowedErrorCount: 1, csvData: base64(TWO_ROWS) });
    expect(allowed.body).toEqual(["Entities Processed: 1", "Skipped rows: 1, total errors: 1", "Line 3, column qty: Please enter a valid number in this field."]);
    expect(await sourceItemsOf(db, "SR-CAP")).toEqual({ default: [12, 1] });
    const skipped = await importCsv({ validationStrategy: "validation-skip-errors", csvData: base64("sku,qty\nSR-CAP,13\nNOPE,1\nSR-PEN,x\n") });
    expect(skipped.body[0]).toBe("Entities Processed: 1");
    expect(await sourceItemsOf(db, "SR-CAP")).toEqual({ default: [13, 1] });
  });

  it("answers 400 for a body it cannot read: no file, a file not base64, an unknown entity, Replace of products", async () => {
    const before = await storedState(db);
    const missing = await importCsv({});
    expect([missing.status, rendered(missing)]).toEqual([400, "source.csvData: This is a required field."]);
    const notBase64 = await importCsv({ csvData: "sku,qty\nSR-CAP,1" });
    expect([notBase64.status, rendered(notBase64)]).toEqual([400, "source.csvData: Please send the CSV file base64-encoded in this field."]);
    const entity = await importCsv({ entity: "customer", csvData: base64("x") });
    expect(renderedErrors(entity)).toEqual(["source.entity: Please choose one of catalog_product, stock_sources in this field."]);
    const replace = await importCsv({ behavior: "replace", csvData: base64("sku,qty\nSR-CAP,1\n") });
    expect([replace.status, rendered(replace)]).toEqual([400, `source.behavior: ${PRODUCTS_APPEND_ONLY}`]);
    expect(await storedState(db)).toEqual(before);
  });
});
