/**
 * `npm run bench -- import [--products 100000]`: System > Data Transfer > Import at scale, on the
 * engine DATABASE_URL selects (unset: SQLite). A catalog of N products seeded as the `scale`
 * bench seeds it (3 extra sources: multi-source mode), then for each entity a file of N rows is
 * written to disk, counted and checked ("Check Data"), then counted and imported ("Import"), through
 * db/queries/import.ts from a file stream as the admin route reads its upload. Prints, never asserts.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDb, openDb, transaction, type Db } from "@/db/connection";
import { generateCatalog } from "@/db/generate";
import { createAdminUser } from "@/db/queries/auth";
import { checkImport, runImport } from "@/db/queries/import";
import { seed } from "@/db/seed";
import { csvRowCounter, PRODUCT_CSV_HEADER, STOCK_SOURCE_CSV_HEADER, STOP_ON_ERROR, type CsvEntity, type ImportReport } from "@/lib/catalog-csv";
import { freshDatabase } from "./support/database";

const BAR_MS = 30_000;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const sku = (i: number) => `BENCH-${String(i).padStart(7, "0")}`;

/** Every stock column, as an export writes them: a new quantity for each product, the rest on Use Config Settings. */
function productLine(i: number): string {
  const qty = (i * 7919) % 500;
  return [sku(i), qty, 1, 1, 1, 0, 1, 0, 1, 1, 1, 10000, 1, 1, 1, 0, 0, 0, 1, 1, 1].join(",");
}

/** One source item per product, spread over the four sources, In Stock. */
function stockSourceLine(i: number): string {
  const source = ["default", "bench_wh_1", "bench_wh_2", "bench_wh_3"][i % 4];
  return [source, sku(i), 1, (i * 104729) % 300].join(",");
}

function writeFile(dir: string, name: string, header: readonly string[], rows: number, line: (i: number) => string): string {
  const file = path.join(dir, name);
  const out = fs.openSync(file, "w");
  fs.writeSync(out, `${header.join(",")}\n`);
  for (let start = 1; start <= rows; start += 10_000) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(start + 10_000, rows + 1); i++) lines.push(line(i));
    fs.writeSync(out, `${lines.join("\n")}\n`);
  }
  fs.closeSync(out);
  return file;
}

/** The rows counted as the route counts its upload, then the pass itself from a file stream. */
async function timed(file: string, pass: (expectedRows: number) => Promise<ImportReport>): Promise<{ ms: number; report: ImportReport }> {
  const started = performance.now();
  const counter = csvRowCounter();
  for await (const chunk of fs.createReadStream(file)) counter.add(chunk as Buffer);
  const report = await pass(counter.rows());
  return { ms: performance.now() - started, report };
}

async function bench(db: Db, engine: string, entity: CsvEntity, file: string, rows: number) {
  const input = { entity, behavior: "append" as const, delimiter: "," };
  const checked = await timed(file, (expectedRows) => checkImport(db, { ...input, file: fs.createReadStream(file), expectedRows }));
  if (checked.report.totalErrors > 0) throw new Error(`the bench file did not check clean: ${JSON.stringify(checked.report.errors.slice(0, 3))}`);
  const actor = { id: 1, username: "bench", via: "import" as const };
  const imported = await timed(file, (expectedRows) =>
    runImport(db, { ...input, file: fs.createReadStream(file), expectedRows, strategy: STOP_ON_ERROR, actor, origin: path.basename(file) }),
  );
  const total = checked.ms + imported.ms;
  const { created, updated, unchanged } = imported.report;
  const n = rows.toLocaleString("en");
  console.log(`[${engine}] ${entity}, ${n} rows (created ${created}, updated ${updated}, unchanged ${unchanged}):`);
  console.log(`  Check Data  ${seconds(checked.ms).padStart(9)}`);
  console.log(`  Import      ${seconds(imported.ms).padStart(9)}`);
  console.log(`  both        ${seconds(total).padStart(9)}   bar ≤ 30 s for ${n} rows checked and imported   ${total <= BAR_MS ? "ok" : "OVER"}`);
}

async function main() {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { products: { type: "string", default: "100000" } } });
  const size = Number(values.products);
  const database = await freshDatabase("import");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stockroom-bench-import-"));
  try {
    const db = await openDb(database.location);
    const started = performance.now();
    await transaction(db, async (tx) => {
      await seed(tx, "none");
      await generateCatalog(tx, { products: size, sources: 3, reservationsPer100: 150, seed: 42 });
    });
    await createAdminUser(db, "bench", "not-a-real-hash");
    console.log(`[${database.engine}] generate ${size.toLocaleString("en")} products: ${seconds(performance.now() - started)}`);
    const products = writeFile(dir, "products.csv", PRODUCT_CSV_HEADER, size, productLine);
    const stockSources = writeFile(dir, "stock_sources.csv", STOCK_SOURCE_CSV_HEADER, size, stockSourceLine);
    await bench(db, database.engine, "catalog_product", products, size);
    await bench(db, database.engine, "stock_sources", stockSources, size);
    await closeDb(db);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
