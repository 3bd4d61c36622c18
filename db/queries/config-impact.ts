import { asc, eq, gt } from "drizzle-orm";
import {
  changeHasImpact,
  configImpact,
  resolveConfig,
  resolveConfigAt,
  withConfigValues,
  IMPACT_CATEGORIES,
  type Backorders,
  type ConfigChange,
  type ConfigImpact,
  type ConfigRow,
  type ImpactChannel,
  type ImpactProduct,
  type StockSnapshot,
} from "@/lib/inventory";
import type { ConfigSave } from "@/lib/validation/config";
import { readSnapshot, type Conn } from "../connection";
import { productInventory, products, stockSalesChannels, websites } from "../schema";
import { getScopeTarget } from "./config";
import { listConfigRows, loadStockSnapshotsInSkuRange } from "./inventory";

/** Each website's stock and Only X left Threshold before and after the change (inventory-rules §6). */
async function listImpactChannels(db: Conn, before: ConfigRow[], after: ConfigRow[]): Promise<ImpactChannel[]> {
  const rows = await db
    .select({ websiteId: websites.id, stockId: stockSalesChannels.stockId })
    .from(websites)
    .innerJoin(stockSalesChannels, eq(stockSalesChannels.code, websites.code))
    .orderBy(asc(websites.id));
  return rows.map(({ websiteId, stockId }) => ({
    stockId,
    onlyXLeftBefore: resolveConfigAt(before, "websites", websiteId).values.stockThresholdQty,
    onlyXLeftAfter: resolveConfigAt(after, "websites", websiteId).values.stockThresholdQty,
  }));
}

const CHUNK = 2000;

/**
 * Every product with the settings the outlook rules read and its snapshot in each of the given
 * stocks, in SKU order, CHUNK products at a time: three index range scans a chunk, never a query
 * per product.
 */
async function* impactProductChunks(db: Conn, stockIds: readonly number[]): AsyncGenerator<ImpactProduct[]> {
  let lastSku = "";
  for (;;) {
    const chunk = await db
      .select({
        id: products.id,
        sku: products.sku,
        manageStock: productInventory.manageStock,
        useConfigManageStock: productInventory.useConfigManageStock,
        minQty: productInventory.minQty,
        useConfigMinQty: productInventory.useConfigMinQty,
        backorders: productInventory.backorders,
        useConfigBackorders: productInventory.useConfigBackorders,
      })
      .from(products)
      .innerJoin(productInventory, eq(productInventory.productId, products.id))
      .where(gt(products.sku, lastSku))
      .orderBy(asc(products.sku))
      .limit(CHUNK);
    if (chunk.length === 0) return;
    const upTo = chunk[chunk.length - 1].sku;
    const snapshots = await loadStockSnapshotsInSkuRange(db, lastSku, upTo);
    yield chunk.map(({ id, sku, backorders, ...settings }) => {
      const own = new Map<number, StockSnapshot>();
      for (const stockId of stockIds) {
        const snap = snapshots.get(`${sku}|${stockId}`);
        if (snap) own.set(stockId, snap);
      }
      return { id, settings: { ...settings, backorders: backorders as Backorders }, snapshots: own };
    });
    lastSku = upTo;
  }
}

/**
 * lib/inventory's configImpact over the catalog a chunk at a time (it folds a synchronous stream;
 * the reads are not): counts add up, and the ids kept are still the first `idLimit` met in SKU order.
 */
async function catalogImpact(chunks: AsyncIterable<ImpactProduct[]>, change: ConfigChange, idLimit: number): Promise<ConfigImpact> {
  const total = configImpact([], change, idLimit);
  for await (const chunk of chunks) {
    const part = configImpact(chunk, change);
    const position = new Map(chunk.map((product, i) => [product.id, i]));
    total.checked += part.checked;
    for (const category of IMPACT_CATEGORIES) {
      total.counts[category] += part.counts[category];
      const room = idLimit - total.ids[category].length;
      // configImpact sorts a chunk's ids; back in SKU order, the first ones met fill the room left.
      if (room > 0) {
        total.ids[category].push(...part.ids[category].sort((a, b) => position.get(a)! - position.get(b)!).slice(0, room));
      }
    }
  }
  for (const category of IMPACT_CATEGORIES) total.ids[category].sort((a, b) => a - b);
  return total;
}

/** At most this many product ids per category travel to the page (they make the grid link). */
const IMPACT_ID_LIMIT = 200;

/**
 * What saving `values` at the scope would do to the real catalog, computed with lib/inventory
 * over every product from one consistent read; null when the change cannot affect any product.
 */
export async function getConfigImpact(db: Conn, save: Omit<ConfigSave, "expected">, idLimit = IMPACT_ID_LIMIT): Promise<ConfigImpact | null> {
  return readSnapshot(db, async (tx) => {
    if (!(await getScopeTarget(tx, save.scope, save.scopeId))) return null;
    const rows = await listConfigRows(tx);
    const after = withConfigValues(rows, save.scope, save.scopeId, save.values);
    const channels = await listImpactChannels(tx, rows, after);
    const change = { before: resolveConfig(rows, null), after: resolveConfig(after, null), channels };
    if (!changeHasImpact(change)) return null;
    const stockIds = [...new Set(channels.map((channel) => channel.stockId))];
    return catalogImpact(impactProductChunks(tx, stockIds), change, idLimit);
  });
}
