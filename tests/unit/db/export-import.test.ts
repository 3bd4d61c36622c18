import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/connection";
import { createAdminUser } from "@/db/queries/auth";
import { runImport } from "@/db/queries/import";
import { STOP_ON_ERROR, type CsvEntity, type ImportBehavior } from "@/lib/catalog-csv";
import { ADMIN, bytes, stored } from "./import-csv";
import { tempDb } from "./temp-db";

// The export route on this test's database, as a signed-in admin; the file it answers goes to the import.
let db: Db;
vi.mock("@/server/db", () => ({ getDb: async () => db }));
vi.mock("@/server/auth/guard", () => ({ requireResource: async () => ({ id: 1, username: "admin" }) }));
const { GET } = await import("@/app/admin/(shell)/export/file/route");

async function exportFile(entity: CsvEntity): Promise<string> {
  return (await GET(new Request(`http://stockroom.test/admin/export/file?entity=${entity}`))).text();
}

/*
 * Issue 11, item 3: export → import of the unchanged file changes nothing — no setting, source
 * item, figure, product version or Action Log entry — on the single-source catalog and on the
 * demo's two sources (Belgium's Antwerp warehouse), for each behaviour that keeps rows.
 */
describe("export, then import of the unchanged file", () => {
  it.each<[string, "catalog" | "demo", CsvEntity, ImportBehavior]>([
    ["Products, single source", "catalog", "catalog_product", "append"],
    ["Products, two sources", "demo", "catalog_product", "append"],
    ["Stock Sources Add/Update, single source", "catalog", "stock_sources", "append"],
    ["Stock Sources Add/Update, two sources", "demo", "stock_sources", "append"],
    ["Stock Sources Replace, two sources", "demo", "stock_sources", "replace"],
  ])("%s: nothing changes", async (_name, seed, entity, behavior) => {
    db = await tempDb(seed);
    await createAdminUser(db, ADMIN.username, "not-a-real-hash");
    const file = await exportFile(entity);
    const before = await stored(db);

    const report = await runImport(db, { entity, behavior, file: bytes(file, 4096), strategy: STOP_ON_ERROR, actor: ADMIN, origin: "export.csv" });

    expect(report.errors).toEqual([]);
    expect(await stored(db)).toEqual(before);
    // The file exported again is the same file.
    expect(await exportFile(entity)).toBe(file);
  });
});
