import { and, asc, eq, gt, inArray, lte, type SQL } from "drizzle-orm";
import {
  effectiveSettings,
  resolveConfig,
  type Backorders,
  type ConfigRow,
  type EffectiveSettings,
  type InventoryConfig,
  type InventoryConfigKey,
  type ProductInventorySettings,
  type SourceItemStatus,
  type StockSnapshot,
  type ValueOrigin,
} from "@/lib/inventory";
import { inValues, positionalRows, type Conn } from "../connection";
import { configData, productInventory, products, reservationTotals, sourceItems, sources, stockSourceLinks, stocks } from "../schema";

export type ProductInventoryRow = typeof productInventory.$inferSelect;

export async function listConfigRows(db: Conn): Promise<ConfigRow[]> {
  return db
    .select({ scope: configData.scope, scopeId: configData.scopeId, path: configData.path, value: configData.value })
    .from(configData)
    .orderBy(asc(configData.id));
}

export interface ResolvedConfig {
  values: InventoryConfig;
  origins: Record<InventoryConfigKey, ValueOrigin>;
}

/** The [GLOBAL] configuration that per-product effective values fall back to (inventory-rules §1.3). */
export async function getGlobalConfig(db: Conn): Promise<ResolvedConfig> {
  return resolveConfig(await listConfigRows(db), null);
}

export function toProductSettings(row: ProductInventoryRow): ProductInventorySettings {
  const { productId: _productId, ...settings } = row;
  return { ...settings, backorders: row.backorders as Backorders };
}

/** Source items in every source linked to a stock, with the source's enabled flag. */
export function linkedSourceItemsQuery(db: Conn) {
  return db
    .select({
      sku: sourceItems.sku,
      stockId: stockSourceLinks.stockId,
      sourceCode: sourceItems.sourceCode,
      quantity: sourceItems.quantity,
      status: sourceItems.status,
      sourceEnabled: sources.enabled,
    })
    .from(sourceItems)
    .innerJoin(stockSourceLinks, eq(stockSourceLinks.sourceCode, sourceItems.sourceCode))
    .innerJoin(sources, eq(sources.code, sourceItems.sourceCode))
    .$dynamic();
}

type LinkedItemRow = { sku: string; stockId: number; sourceCode: string; quantity: number; status: number; sourceEnabled: boolean };
type ReservationTotalRow = { sku: string; stockId: number; quantity: number };

function reservationTotalsQuery(db: Conn) {
  return db
    .select({ sku: reservationTotals.sku, stockId: reservationTotals.stockId, quantity: reservationTotals.quantity })
    .from(reservationTotals)
    .$dynamic();
}

/** Stock snapshots keyed `${sku}|${stockId}` from the linked source items and reservation totals. */
function assembleSnapshots(items: LinkedItemRow[], totals: ReservationTotalRow[]): Map<string, StockSnapshot> {
  const snapshots = new Map<string, StockSnapshot>();
  for (const { sku, stockId, sourceCode, quantity, status, sourceEnabled } of items) {
    const key = `${sku}|${stockId}`;
    let snap = snapshots.get(key);
    if (!snap) snapshots.set(key, (snap = { sourceItems: [], reserved: 0 }));
    snap.sourceItems.push({ sourceCode, quantity, status: status as SourceItemStatus, sourceEnabled });
  }
  for (const { sku, stockId, quantity } of totals) {
    const snap = snapshots.get(`${sku}|${stockId}`);
    // Reservations against a stock the SKU is no longer assigned to cannot make it salable.
    if (snap) snap.reserved = quantity;
  }
  return snapshots;
}

/** Stock snapshots keyed `${sku}|${stockId}` for the given SKUs: two queries in all. */
export async function loadStockSnapshots(db: Conn, skus: string[]): Promise<Map<string, StockSnapshot>> {
  if (skus.length === 0) return new Map();
  return assembleSnapshots(
    await linkedSourceItemsQuery(db)
      .where(inValues(db, sourceItems.sku, skus))
      // Screens list a product's sources in the stock's priority order.
      .orderBy(asc(stockSourceLinks.stockId), asc(stockSourceLinks.priority), asc(sourceItems.sourceCode)),
    await reservationTotalsQuery(db).where(inValues(db, reservationTotals.sku, skus)),
  );
}

/**
 * Stock snapshots of every SKU in (after, upTo], two index range scans: how a pass over the
 * whole catalog reads it in SKU order without long IN lists.
 */
export function loadStockSnapshotsInSkuRange(db: Conn, after: string, upTo: string): Promise<Map<string, StockSnapshot>> {
  return loadPassSnapshots(
    db,
    and(gt(sourceItems.sku, after), lte(sourceItems.sku, upTo))!,
    and(gt(reservationTotals.sku, after), lte(reservationTotals.sku, upTo))!,
  );
}

/** Stock snapshots of these SKUs for a pass over a batch of products (an import, a mass update). */
export function loadStockSnapshotsForPass(db: Conn, skus: readonly string[]): Promise<Map<string, StockSnapshot>> {
  return loadPassSnapshots(db, inValues(db, sourceItems.sku, skus), inValues(db, reservationTotals.sku, skus));
}

/**
 * What a pass reads: positional rows of source_items alone, joined to the (few) stock links in
 * memory, so a pass reads every source item once with no join and no sort per chunk. Source items
 * come in no particular order: for the rules a snapshot's items are a set (screens, which list them
 * in the stock's priority order, use loadStockSnapshots).
 */
async function loadPassSnapshots(db: Conn, itemsWhere: SQL, totalsWhere: SQL): Promise<Map<string, StockSnapshot>> {
  const links = await db
    .select({ sourceCode: stockSourceLinks.sourceCode, stockId: stockSourceLinks.stockId, enabled: sources.enabled })
    .from(stockSourceLinks)
    .innerJoin(sources, eq(sources.code, stockSourceLinks.sourceCode));
  const stocksOf = new Map<string, { stockId: number; enabled: boolean }[]>();
  for (const link of links) stocksOf.set(link.sourceCode, [...(stocksOf.get(link.sourceCode) ?? []), link]);
  const items = await positionalRows<[string, string, number, number]>(
    db,
    db
      .select({ sku: sourceItems.sku, sourceCode: sourceItems.sourceCode, quantity: sourceItems.quantity, status: sourceItems.status })
      .from(sourceItems)
      .where(itemsWhere),
  );
  const totals = await positionalRows<[string, number, number]>(db, reservationTotalsQuery(db).where(totalsWhere));
  return assembleSnapshots(
    items.flatMap(([sku, sourceCode, quantity, status]) =>
      (stocksOf.get(sourceCode) ?? []).map(({ stockId, enabled }) => ({ sku, stockId, sourceCode, quantity, status, sourceEnabled: enabled })),
    ),
    totals.map(([sku, stockId, quantity]) => ({ sku, stockId, quantity })),
  );
}

interface StockState {
  stockId: number;
  stockName: string;
  snapshot: StockSnapshot;
}

export interface ProductInventoryState {
  product: typeof products.$inferSelect;
  settings: ProductInventorySettings;
  config: ResolvedConfig;
  effective: EffectiveSettings;
  /** Only stocks the product is assigned to (has a source item in a linked source). */
  stocks: StockState[];
}

/** One product's full inventory state in a fixed number of queries (never per source or stock). */
export async function getProductInventoryState(db: Conn, by: { id: number } | { sku: string }): Promise<ProductInventoryState | null> {
  const [row] = await db
    .select()
    .from(products)
    .innerJoin(productInventory, eq(productInventory.productId, products.id))
    .where("id" in by ? eq(products.id, by.id) : eq(products.sku, by.sku))
    .limit(1);
  if (!row) return null;
  const config = await getGlobalConfig(db);
  const settings = toProductSettings(row.product_inventory);
  const snapshots = await loadStockSnapshots(db, [row.products.sku]);
  const stockRows = await db.select().from(stocks).orderBy(asc(stocks.id));
  return {
    product: row.products,
    settings,
    config,
    effective: effectiveSettings(settings, config.values, config.origins),
    stocks: stockRows.flatMap((stock) => {
      const snapshot = snapshots.get(`${row.products.sku}|${stock.id}`);
      return snapshot ? [{ stockId: stock.id, stockName: stock.name, snapshot }] : [];
    }),
  };
}

/** Product ids holding any of these SKUs: writes keyed by SKU use it to refresh the index. */
export async function productIdsForSkus(db: Conn, skus: string[]): Promise<number[]> {
  if (skus.length === 0) return [];
  return (await db.select({ id: products.id }).from(products).where(inArray(products.sku, skus))).map((r) => r.id);
}
