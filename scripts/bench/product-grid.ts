/**
 * Catalog > Products sorted by Salable Quantity: the grid query's server time (listProductGrid:
 * count, page rows, quantities per source, salable figures) at 1,000 and 100,000 products.
 * Figures are medians of many runs after a warm-up. Prints, never asserts.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, openDb, transaction, type Db } from "@/db/connection";
import { generateCatalog } from "@/db/generate";
import { listProductGrid } from "@/db/queries/product-grid";
import { seed } from "@/db/seed";
import { parseGridParams } from "@/lib/validation/product-grid";

const SIZES = [1000, 100000];
const WARMUP = 20;
const RUNS = 51;

async function median(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

interface Figures {
  firstPage: number;
  deepNext: number;
  deepTyped: number;
  deepPage: number;
  pages: number;
}

async function measure(db: Db): Promise<Figures> {
  const view = (params: Record<string, string>) => parseGridParams({ sort: "salable_qty", ...params });
  const first = await listProductGrid(db, view({}));
  // "Deep": 90% of the way through the listing. Reached with Next (a keyset cursor), as a user
  // paging does, and typed as a page number (an offset), for comparison.
  const deepPage = Math.max(2, Math.floor(first.pages * 0.9));
  const before = await listProductGrid(db, view({ page: String(deepPage - 1) }));
  const next = view({ page: String(deepPage), after: before.nextCursor! });
  const typed = view({ page: String(deepPage) });
  const a = (await listProductGrid(db, next)).rows.map((r) => r.id);
  const b = (await listProductGrid(db, typed)).rows.map((r) => r.id);
  if (a.join() !== b.join()) throw new Error("keyset and offset disagree on the deep page");
  return {
    firstPage: await median(() => listProductGrid(db, view({}))),
    deepNext: await median(() => listProductGrid(db, next)),
    deepTyped: await median(() => listProductGrid(db, typed)),
    deepPage,
    pages: first.pages,
  };
}

async function main() {
  const results = new Map<number, Figures>();
  for (const size of SIZES) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stockroom-bench-grid-"));
    try {
      const db = await openDb(path.join(dir, "bench.db"));
      const started = performance.now();
      await transaction(db, async (tx) => {
        await seed(tx, "none");
        await generateCatalog(tx, { products: size, sources: 3, reservationsPer100: 150, seed: 42 });
      });
      console.log(`${size.toLocaleString("en")} products generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      results.set(size, await measure(db));
      await closeDb(db);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  const ms = (n: number) => `${n.toFixed(3)} ms`;
  console.log("\nGrid sorted by Salable Quantity, 20 per page, median server time:");
  console.log("products   | first page | deep page via Next | same page typed (offset)");
  for (const [size, f] of results) {
    console.log(
      `${size.toLocaleString("en").padEnd(10)} | ${ms(f.firstPage).padEnd(10)} | ${`${ms(f.deepNext)} (p. ${f.deepPage}/${f.pages})`.padEnd(18)} | ${ms(f.deepTyped)}`,
    );
  }
  const small = results.get(SIZES[0])!;
  const large = results.get(SIZES[1])!;
  console.log(
    `\n100,000 vs 1,000: first page ×${(large.firstPage / small.firstPage).toFixed(2)}, deep page via Next ×${(large.deepNext / small.deepNext).toFixed(2)} (target: within ×2)`,
  );
}

void main();
