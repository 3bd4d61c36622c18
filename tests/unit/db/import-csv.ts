import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/connection";
import { createAdminUser } from "@/db/queries/auth";
import { checkImport, runImport } from "@/db/queries/import";
import { auditLog, productInventory, products, salableIndex, sourceItems } from "@/db/schema";
import { STOP_ON_ERROR, type CsvEntity, type ImportBehavior, type ImportStrategy } from "@/lib/catalog-csv";
import { tempDb } from "./temp-db";

/** The import tests' helpers: a file from text, check and import as the page runs them, and what they may change. */

export const ADMIN = { id: 1, username: "admin", via: "import" as const };

/** The demo catalog (single-source mode) plus the admin the audit entries name. */
export async function catalogWithAdmin(): Promise<Db> {
  const db = await tempDb();
  await createAdminUser(db, ADMIN.username, "not-a-real-hash");
  return db;
}

/** A file's bytes in chunks of `size` (a character may be split between two). */
export async function* bytes(text: string | Buffer, size = 7): AsyncGenerator<Uint8Array> {
  const all = typeof text === "string" ? Buffer.from(text) : text;
  for (let at = 0; at < all.length; at += size) yield all.subarray(at, at + size);
}

export const check = (db: Db, entity: CsvEntity, behavior: ImportBehavior, text: string) =>
  checkImport(db, { entity, behavior, file: bytes(text) });

export const run = (db: Db, entity: CsvEntity, behavior: ImportBehavior, text: string, strategy: ImportStrategy = STOP_ON_ERROR) =>
  runImport(db, { entity, behavior, file: bytes(text), strategy, actor: ADMIN, origin: "stock.csv" });

/** Everything an import may write: a refused one must leave it as it was. */
export async function stored(db: Db) {
  return {
    inventory: await db.select().from(productInventory).orderBy(asc(productInventory.productId)),
    items: await db.select().from(sourceItems).orderBy(asc(sourceItems.id)),
    versions: await db.select({ id: products.id, version: products.version }).from(products).orderBy(asc(products.id)),
    index: await db.select().from(salableIndex).orderBy(asc(salableIndex.productId), asc(salableIndex.stockId)),
    audits: (await db.select({ id: auditLog.id }).from(auditLog)).length,
  };
}

/** A SKU's salable index row on a stock: [salable qty, salable]; undefined when not assigned there. */
export async function figures(db: Db, sku: string, stockId = 1): Promise<[number, boolean] | undefined> {
  const [row] = await db
    .select({ qty: salableIndex.salableQty, salable: salableIndex.isSalable })
    .from(salableIndex)
    .innerJoin(products, eq(products.id, salableIndex.productId))
    .where(and(eq(products.sku, sku), eq(salableIndex.stockId, stockId)));
  return row && [row.qty, row.salable];
}

/** A SKU's source items: source code → [quantity, status]. */
export async function itemsOf(db: Db, sku: string): Promise<Record<string, [number, number]>> {
  const rows = await db.select().from(sourceItems).where(eq(sourceItems.sku, sku)).orderBy(asc(sourceItems.sourceCode));
  return Object.fromEntries(rows.map((r) => [r.sourceCode, [r.quantity, r.status]]));
}
