import { asc, eq, gt } from "drizzle-orm";
import {
  changeHasImpact,
  configImpact,
  resolveConfig,
  resolveConfigAt,
  withConfigValues,
  type Backorders,
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
  return db
    .select({ websiteId: websites.id, stockId: stockSalesChannels.stockId })
    .from(websites)
    .innerJoin(stockSalesChannels, eq(stockSalesChannels.code, websites.code))
    .orderBy(asc(websites.id))
    .all()
    .map(({ websiteId, stockId }) => ({
      stockId,
      onlyXLeftBefore: resolveConfigAt(before, "websites", websiteId).values.stockThresholdQty,
      onlyXLeftAfter: resolveConfigAt(after, "websites", websiteId).values.stockThresholdQty,
    }));
}

const CHUNK = 2000;

type ImpactRow = [
  id: number,
  sku: string,
  manageStock: number,
  useConfigManageStock: number,
  minQty: number,
  useConfigMinQty: number,
  backorders: number,
  useConfigBackorders: number,
];

/**
 * Every product with the settings the outlook rules read and its snapshot in each of the given
 * stocks, in SKU order, CHUNK products at a time: three index range scans a chunk, never a query
 * per product, and positional rows because object mapping dominates at 100,000 products.
 */
function* streamImpactProducts(db: Conn, stockIds: readonly number[]): Generator<ImpactProduct> {
  let lastSku = "";
  for (;;) {
    const chunk = db
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
      .limit(CHUNK)
      .values() as ImpactRow[];
    if (chunk.length === 0) return;
    const upTo = chunk[chunk.length - 1][1];
    const snapshots = loadStockSnapshotsInSkuRange(db, lastSku, upTo);
    for (const [id, sku, manageStock, useConfigManageStock, minQty, useConfigMinQty, backorders, useConfigBackorders] of chunk) {
      const own = new Map<number, StockSnapshot>();
      for (const stockId of stockIds) {
        const snap = snapshots.get(`${sku}|${stockId}`);
        if (snap) own.set(stockId, snap);
      }
      yield {
        id,
        settings: {
          manageStock: manageStock === 1,
          useConfigManageStock: useConfigManageStock === 1,
          minQty,
          useConfigMinQty: useConfigMinQty === 1,
          backorders: backorders as Backorders,
          useConfigBackorders: useConfigBackorders === 1,
        },
        snapshots: own,
      };
    }
    lastSku = upTo;
  }
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
    return configImpact(streamImpactProducts(tx, stockIds), change, idLimit);
  });
}
