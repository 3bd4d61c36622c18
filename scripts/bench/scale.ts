/**
 * `npm run bench -- scale [--products 100000]`: the figures of issue "PostgreSQL … configuration
 * saves that never stall the store", on the engine DATABASE_URL selects (unset: SQLite), each
 * printed beside its bar. Prints, never asserts. Needs the production build (`npm run build`).
 *
 *   1. `generate` at 1,000 and at N products (time);
 *   2. Catalog > Products sorted by Salable Quantity (first page, a deep page via Next) at both;
 *   3. a production server on the N-product database: Default Config saves of Backorders through
 *      REST (No ↔ Allow Qty Below 0, several times), while a reader calls
 *      get-product-salable-quantity in a loop (longest wait during each save) and an order is
 *      placed 50 ms into each save (it must complete).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { parseArgs } from "node:util";
import { closeDb, openDb, transaction, type Db } from "@/db/connection";
import { generateCatalog } from "@/db/generate";
import { listProductGrid } from "@/db/queries/product-grid";
import { seed } from "@/db/seed";
import { parseGridParams } from "@/lib/validation/product-grid";
import { freshDatabase } from "./support/database";

const BACKORDERS = "cataloginventory/item_options/backorders";
const PASSWORD = "bench-Secret-123";
const SAVES = 4;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const millis = (ms: number) => `${ms.toFixed(1)} ms`;
const verdict = (ok: boolean) => (ok ? "ok" : "OVER");

async function median(fn: () => Promise<unknown>, runs = 31): Promise<number> {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

async function gridTimes(db: Db): Promise<{ first: number; deep: number }> {
  const view = (params: Record<string, string>) => parseGridParams({ sort: "salable_qty", ...params });
  const first = await listProductGrid(db, view({}));
  const deepPage = Math.max(2, Math.floor(first.pages * 0.9));
  const before = await listProductGrid(db, view({ page: String(deepPage - 1) }));
  const next = view({ page: String(deepPage), after: before.nextCursor! });
  return { first: await median(() => listProductGrid(db, view({}))), deep: await median(() => listProductGrid(db, next)) };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

interface SaveRun {
  save: number;
  longestRead: number;
  reads: number;
  order: { status: number; ms: number };
}

async function saveWhileReading(base: string, token: string, skus: string[], value: string): Promise<SaveRun> {
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json", Accept: "application/json" };
  let reading = true;
  const waits: number[] = [];
  const reader = (async () => {
    let i = 0;
    while (reading) {
      const sku = skus[i++ % skus.length];
      const start = performance.now();
      const res = await fetch(`${base}/rest/V1/inventory/get-product-salable-quantity/${sku}/1`, { headers });
      await res.text();
      waits.push(performance.now() - start);
    }
  })();
  await new Promise((r) => setTimeout(r, 300));
  const readsBefore = waits.length;
  const started = performance.now();
  const saving = fetch(`${base}/rest/V1/stockroom/config/default/0`, {
    method: "PUT",
    headers,
    body: JSON.stringify({ values: { [BACKORDERS]: value } }),
  }).then(async (res) => {
    const text = await res.text();
    if (!res.ok) throw new Error(`save answered ${res.status}: ${text}`);
    return performance.now() - started;
  });
  const ordering = new Promise<{ status: number; ms: number }>((resolve, reject) =>
    setTimeout(() => {
      const orderStart = performance.now();
      fetch(`${base}/rest/V1/stockroom/orders`, {
        method: "POST",
        headers,
        body: JSON.stringify({ store_code: "default", items: [{ sku: skus[7], qty: 1 }] }),
      })
        .then(async (res) => {
          await res.text();
          resolve({ status: res.status, ms: performance.now() - orderStart });
        })
        .catch(reject);
    }, 50),
  );
  const save = await saving;
  const during = waits.slice(readsBefore);
  reading = false;
  await reader;
  return { save, longestRead: Math.max(...during, 0), reads: during.length, order: await ordering };
}

async function main() {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { products: { type: "string", default: "100000" } } });
  const size = Number(values.products);
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("Run `npm run build` first: the bench measures the production server.");

  const grids = new Map<number, { first: number; deep: number }>();
  let engine = "sqlite";
  for (const n of [1000, size]) {
    const database = await freshDatabase(`scale${n}`);
    engine = database.engine;
    try {
      const db = await openDb(database.location);
      const started = performance.now();
      await transaction(db, async (tx) => {
        await seed(tx, "none");
        await generateCatalog(tx, { products: n, sources: 3, reservationsPer100: 150, seed: 42 });
      });
      console.log(`[${engine}] generate ${n.toLocaleString("en")} products: ${seconds(performance.now() - started)}`);
      grids.set(n, await gridTimes(db));
      await closeDb(db);
      if (n === size) await serverFigures(database.location, engine, size, grids);
    } finally {
      await database.drop();
    }
  }
}

async function serverFigures(location: string, engine: string, size: number, grids: Map<number, { first: number; deep: number }>) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      ...(engine === "pg" ? { DATABASE_URL: location } : { DATABASE_URL: "", DATABASE_PATH: location }),
      SEED: "none",
      ADMIN_USERNAME: "bench",
      ADMIN_PASSWORD: PASSWORD,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    let token = "";
    for (let i = 0; i < 240 && !token; i++) {
      try {
        const res = await fetch(`${base}/rest/V1/integration/admin/token`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ username: "bench", password: PASSWORD }),
        });
        if (res.ok) token = (await res.json()) as string;
      } catch {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    if (!token) throw new Error("the server did not start");
    const skus = Array.from({ length: 50 }, (_, i) => `BENCH-${String(1 + Math.floor(((i * 7919) % size))).padStart(7, "0")}`);
    const runs: SaveRun[] = [];
    for (let i = 0; i < SAVES; i++) runs.push(await saveWhileReading(base, token, skus, i % 2 === 0 ? "1" : "0"));

    const sorted = runs.map((r) => r.save).sort((a, b) => a - b);
    const medianSave = sorted[Math.floor(sorted.length / 2)];
    const longest = Math.max(...runs.map((r) => r.longestRead));
    const saveBar = size >= 1_000_000 ? 15_000 : 1_500;
    const small = grids.get(1000)!;
    const large = grids.get(size)!;
    const n = size.toLocaleString("en");
    console.log(`\n[${engine}] ${n} products, production server, ${SAVES} Default Config saves of Backorders (No ↔ Allow Qty Below 0):`);
    for (const [i, r] of runs.entries()) {
      console.log(`  save ${i + 1}: ${seconds(r.save)}; ${r.reads} reads during it, longest ${millis(r.longestRead)}; order placed 50 ms in: HTTP ${r.order.status} after ${millis(r.order.ms)}`);
    }
    console.log(`  save, median of ${SAVES}        ${seconds(medianSave).padStart(10)}   bar ≤ ${seconds(saveBar)}   ${verdict(medianSave <= saveBar)}`);
    console.log(`  longest read during a save  ${millis(longest).padStart(10)}   bar ≤ 250 ms   ${verdict(longest <= 250)}`);
    console.log(`  orders placed during saves  ${runs.filter((r) => r.order.status === 200).length}/${SAVES} completed   bar: all   ${verdict(runs.every((r) => r.order.status === 200))}`);
    const ratio = (a: number, b: number) => a / b;
    console.log(`  grid by Salable Qty, first page  ${millis(large.first)} (1,000: ${millis(small.first)}) ×${ratio(large.first, small.first).toFixed(2)}   bar ≤ ×2   ${verdict(large.first <= 2 * small.first)}`);
    console.log(`  grid by Salable Qty, deep page   ${millis(large.deep)} (1,000: ${millis(small.deep)}) ×${ratio(large.deep, small.deep).toFixed(2)}   bar ≤ ×2   ${verdict(large.deep <= 2 * small.deep)}`);
  } finally {
    server.kill("SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
