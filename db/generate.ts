import { and, gte, lte, sql } from "drizzle-orm";
import { engineKind, execute, insertRows, type Tx } from "./connection";
import { refreshInventoryIndex } from "./queries/inventory-index";
import { productInventory, products, reservations, sources, sourceItems, stockSourceLinks } from "./schema";

export interface GenerateOptions {
  products: number;
  /** Extra sources linked to Default Stock besides `default`. */
  sources: number;
  /** Reservations per 100 products (order placements, with some cancellations). */
  reservationsPer100: number;
  /** PRNG seed: the same options always give the same catalog. */
  seed: number;
}

/** mulberry32: small, fast, deterministic. */
function prng(seedValue: number) {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Adds a large synthetic catalog for benchmarks: products spread over several sources, a mix of
 * per-product overrides (backorders, thresholds, manage stock off) and many reservations.
 */
export async function generateCatalog(db: Tx, opts: GenerateOptions): Promise<void> {
  const rnd = prng(opts.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const sourceCodes = ["default"];
  for (let s = 1; s <= opts.sources; s++) {
    const code = `bench_wh_${s}`;
    await db.insert(sources).values({ code, name: `Warehouse ${s}`, countryId: "US", postcode: `1000${s}` }).onConflictDoNothing();
    await db.insert(stockSourceLinks).values({ stockId: 1, sourceCode: code, priority: s + 1 }).onConflictDoNothing();
    sourceCodes.push(code);
  }
  const words = ["Classic", "Organic", "Travel", "Premium", "Compact", "Vintage", "Eco", "Pro", "Mini", "Deluxe"];
  const nouns = ["Tee", "Mug", "Lamp", "Bag", "Jacket", "Bottle", "Notebook", "Chair", "Scarf", "Kettle"];
  for (let start = 0; start < opts.products; start += 5000) {
    const n = Math.min(5000, opts.products - start);
    const productRows = Array.from({ length: n }, (_, i) => ({
      sku: `BENCH-${String(start + i + 1).padStart(7, "0")}`,
      name: `${pick(words)} ${pick(nouns)} ${start + i + 1}`,
      price: Math.round(rnd() * 20000) / 100,
      enabled: rnd() > 0.05,
      typeId: rnd() > 0.9 ? ("virtual" as const) : ("simple" as const),
    }));
    await insertRows(db, products, productRows);
    // Ids read back by SKU: bulk inserts return none, and SKUs are unique.
    const idBySku = new Map<string, number>();
    for (const r of await db
      .select({ id: products.id, sku: products.sku })
      .from(products)
      .where(and(gte(products.sku, productRows[0].sku), lte(products.sku, productRows[n - 1].sku)))) {
      idBySku.set(r.sku, r.id);
    }
    const ids = productRows.map((p) => idBySku.get(p.sku)!);
    const invRows = ids.map((productId) => {
      const r = rnd();
      // Every row names the same columns (insertRows writes the first row's).
      return {
        productId,
        manageStock: true,
        useConfigManageStock: true,
        backorders: 0,
        useConfigBackorders: true,
        minQty: 0,
        useConfigMinQty: true,
        notifyStockQty: 1,
        useConfigNotifyStockQty: true,
        ...(r < 0.05 ? { manageStock: false, useConfigManageStock: false } : {}),
        ...(r >= 0.05 && r < 0.2 ? { backorders: pick([0, 1, 2]), useConfigBackorders: false } : {}),
        ...(r >= 0.2 && r < 0.3 ? { minQty: pick([-20, -5, 0, 2, 5]), useConfigMinQty: false } : {}),
        ...(r >= 0.3 && r < 0.35 ? { notifyStockQty: pick([3, 20]), useConfigNotifyStockQty: false } : {}),
      };
    });
    await insertRows(db, productInventory, invRows);
    const itemRows = productRows.flatMap((p) => {
      const count = 1 + Math.floor(rnd() * Math.min(3, sourceCodes.length));
      const codes = [...sourceCodes].sort(() => rnd() - 0.5).slice(0, count);
      return codes.map((sourceCode) => ({
        sku: p.sku,
        sourceCode,
        quantity: Math.floor(rnd() * 200),
        status: rnd() > 0.1 ? 1 : 0,
      }));
    });
    await insertRows(db, sourceItems, itemRows);
    const resRows = Array.from({ length: Math.round((n * opts.reservationsPer100) / 100) }, (_, i) => {
      const p = pick(productRows);
      const qty = 1 + Math.floor(rnd() * 5);
      const canceled = rnd() < 0.2;
      return {
        stockId: 1,
        sku: p.sku,
        quantity: canceled ? qty : -qty,
        metadata: JSON.stringify({
          event_type: canceled ? "order_canceled" : "order_placed",
          object_type: "order",
          object_id: `bench-${start + i}`,
        }),
      };
    });
    await insertRows(db, reservations, resRows);
  }
  await refreshInventoryIndex(db, "all");
  // A bulk load leaves PostgreSQL without statistics until autovacuum gets to it, and its plans
  // for the grid and the catalog pass are table scans until then: gather them now.
  if (engineKind(db) === "pg") await execute(db, sql`ANALYZE`);
}

