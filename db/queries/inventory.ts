import { and, asc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import {
  backorderQty,
  effectiveSettings,
  hasUnlimitedBackorders,
  isSalable,
  resolveConfig,
  salableQty,
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
import type { Conn, Tx } from "../connection";
import {
  configData,
  effectiveInventory,
  productInventory,
  products,
  reservationTotals,
  salableIndex,
  sourceItems,
  sources,
  stockSourceLinks,
  stocks,
} from "../schema";

export type ProductInventoryRow = typeof productInventory.$inferSelect;

export async function listConfigRows(db: Conn): Promise<ConfigRow[]> {
  return db
    .select({ scope: configData.scope, scopeId: configData.scopeId, path: configData.path, value: configData.value })
    .from(configData)
    .all();
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

/**
 * Source items in every source linked to a stock, as positional rows (`.values()`: no per-row
 * object mapping, which dominates on a large catalog): [sku, stockId, sourceCode, quantity,
 * status, sourceEnabled 0/1].
 */
function linkedSourceItemsQuery(db: Conn) {
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

type LinkedItemRow = [sku: string, stockId: number, sourceCode: string, quantity: number, status: number, sourceEnabled: number];
type ReservationTotalRow = [sku: string, stockId: number, quantity: number];

function reservationTotalsQuery(db: Conn) {
  return db
    .select({ sku: reservationTotals.sku, stockId: reservationTotals.stockId, quantity: reservationTotals.quantity })
    .from(reservationTotals)
    .$dynamic();
}

/** Stock snapshots keyed `${sku}|${stockId}` from the linked source items and reservation totals. */
function assembleSnapshots(items: LinkedItemRow[], totals: ReservationTotalRow[]): Map<string, StockSnapshot> {
  const snapshots = new Map<string, StockSnapshot>();
  for (const [sku, stockId, sourceCode, quantity, status, sourceEnabled] of items) {
    const key = `${sku}|${stockId}`;
    let snap = snapshots.get(key);
    if (!snap) snapshots.set(key, (snap = { sourceItems: [], reserved: 0 }));
    snap.sourceItems.push({ sourceCode, quantity, status: status as SourceItemStatus, sourceEnabled: sourceEnabled === 1 });
  }
  for (const [sku, stockId, quantity] of totals) {
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
    linkedSourceItemsQuery(db)
      .where(inArray(sourceItems.sku, skus))
      // Screens list a product's sources in the stock's priority order.
      .orderBy(asc(stockSourceLinks.stockId), asc(stockSourceLinks.priority), asc(sourceItems.sourceCode))
      .values() as LinkedItemRow[],
    reservationTotalsQuery(db).where(inArray(reservationTotals.sku, skus)).values() as ReservationTotalRow[],
  );
}

/**
 * Stock snapshots of every SKU in (after, upTo], two index range scans: how a pass over the
 * whole catalog reads it in SKU order without long IN lists. Source items come in no particular
 * order (no sort per chunk): for the rules a snapshot's items are a set.
 */
export function loadStockSnapshotsInSkuRange(db: Conn, after: string, upTo: string): Map<string, StockSnapshot> {
  return assembleSnapshots(
    linkedSourceItemsQuery(db)
      .where(and(gt(sourceItems.sku, after), lte(sourceItems.sku, upTo)))
      .values() as LinkedItemRow[],
    reservationTotalsQuery(db)
      .where(and(gt(reservationTotals.sku, after), lte(reservationTotals.sku, upTo)))
      .values() as ReservationTotalRow[],
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
  const row = db
    .select()
    .from(products)
    .innerJoin(productInventory, eq(productInventory.productId, products.id))
    .where("id" in by ? eq(products.id, by.id) : eq(products.sku, by.sku))
    .get();
  if (!row) return null;
  const config = await getGlobalConfig(db);
  const settings = toProductSettings(row.product_inventory);
  const snapshots = await loadStockSnapshots(db, [row.products.sku]);
  const stockRows = db.select().from(stocks).orderBy(asc(stocks.id)).all();
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

const INDEX_CHUNK = 2000;

type IndexSource = { product: typeof products.$inferSelect; inv: ProductInventoryRow };

/**
 * Recomputes effective_inventory and salable_index with lib/inventory for the given products
 * (all when omitted). Call it inside the transaction of every write that can change a figure:
 * product, source item, reservation, source, stock link or configuration.
 * A full pass runs while a configuration save holds the write lock, so it avoids per-statement
 * query building: whole-table deletes, SKU-range reads, and one prepared insert run per row.
 */
export async function refreshInventoryIndex(db: Tx, productIds?: number[]): Promise<void> {
  const config = await getGlobalConfig(db);
  const stockIds = db.select({ id: stocks.id }).from(stocks).all().map((s) => s.id);
  const insertEffective = db
    .insert(effectiveInventory)
    .values({
      productId: sql.placeholder("productId"),
      manageStock: sql.placeholder("manageStock"),
      backorders: sql.placeholder("backorders"),
      minQty: sql.placeholder("minQty"),
      notifyStockQty: sql.placeholder("notifyStockQty"),
      unlimitedBackorders: sql.placeholder("unlimitedBackorders"),
    })
    .prepare();
  const insertSalable = db
    .insert(salableIndex)
    .values({
      productId: sql.placeholder("productId"),
      stockId: sql.placeholder("stockId"),
      salableQty: sql.placeholder("salableQty"),
      isSalable: sql.placeholder("isSalable"),
      backorderedQty: sql.placeholder("backorderedQty"),
    })
    .prepare();

  const write = (rows: IndexSource[], snapshots: Map<string, StockSnapshot>) => {
    for (const { product, inv } of rows) {
      const eff = effectiveSettings(toProductSettings(inv), config.values, config.origins);
      // Placeholders bypass column mapping: booleans go in as SQLite's 0/1.
      insertEffective.run({
        productId: product.id,
        manageStock: eff.manageStock.value ? 1 : 0,
        backorders: eff.backorders.value,
        minQty: eff.effectiveMinQty,
        notifyStockQty: eff.notifyStockQty.value,
        unlimitedBackorders: hasUnlimitedBackorders(eff) ? 1 : 0,
      });
      for (const stockId of stockIds) {
        const snap = snapshots.get(`${product.sku}|${stockId}`);
        if (!snap) continue;
        insertSalable.run({
          productId: product.id,
          stockId,
          salableQty: salableQty(eff, snap),
          isSalable: isSalable(eff, snap) ? 1 : 0,
          // Units reserved beyond physical stock = what §5 would call backordered for them.
          backorderedQty: snap.reserved < 0 ? backorderQty(eff, { ...snap, reserved: 0 }, -snap.reserved) : 0,
        });
      }
    }
  };

  const select = () =>
    db
      .select({ product: products, inv: productInventory })
      .from(products)
      .innerJoin(productInventory, eq(productInventory.productId, products.id));

  if (productIds) {
    for (let i = 0; i < productIds.length; i += INDEX_CHUNK) {
      const ids = productIds.slice(i, i + INDEX_CHUNK);
      db.delete(salableIndex).where(inArray(salableIndex.productId, ids)).run();
      db.delete(effectiveInventory).where(inArray(effectiveInventory.productId, ids)).run();
      const rows = select().where(inArray(products.id, ids)).all();
      write(rows, await loadStockSnapshots(db, rows.map((r) => r.product.sku)));
    }
    return;
  }
  db.delete(salableIndex).run();
  db.delete(effectiveInventory).run();
  let lastSku = "";
  for (;;) {
    const rows = select().where(gt(products.sku, lastSku)).orderBy(asc(products.sku)).limit(INDEX_CHUNK).all();
    if (rows.length === 0) break;
    const upTo = rows[rows.length - 1].product.sku;
    write(rows, loadStockSnapshotsInSkuRange(db, lastSku, upTo));
    lastSku = upTo;
  }
}

/** Product ids holding any of these SKUs: writes keyed by SKU use it to refresh the index. */
export async function productIdsForSkus(db: Conn, skus: string[]): Promise<number[]> {
  if (skus.length === 0) return [];
  return db.select({ id: products.id }).from(products).where(inArray(products.sku, skus)).all().map((r) => r.id);
}
