import { and, asc, eq, getTableColumns, gt, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import {
  backorderQty,
  effectiveSettings,
  hasUnlimitedBackorders,
  isSalable,
  resolveConfig,
  salableQty,
  USE_CONFIG_FLAGS,
  type Backorders,
  type ConfigRow,
  type EffectiveSettings,
  type InventoryConfig,
  type InventoryConfigKey,
  type OverridableField,
  type ProductInventorySettings,
  type SourceItemStatus,
  type StockSnapshot,
  type ValueOrigin,
} from "@/lib/inventory";
import { engineKind, positionalRows, upsertRows, yieldToOtherRequests, type Conn, type Tx } from "../connection";
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
      .where(inArray(sourceItems.sku, skus))
      // Screens list a product's sources in the stock's priority order.
      .orderBy(asc(stockSourceLinks.stockId), asc(stockSourceLinks.priority), asc(sourceItems.sourceCode)),
    await reservationTotalsQuery(db).where(inArray(reservationTotals.sku, skus)),
  );
}

/**
 * Stock snapshots of every SKU in (after, upTo], two index range scans: how a pass over the
 * whole catalog reads it in SKU order without long IN lists. Source items come in no particular
 * order (no sort per chunk): for the rules a snapshot's items are a set.
 */
export async function loadStockSnapshotsInSkuRange(db: Conn, after: string, upTo: string): Promise<Map<string, StockSnapshot>> {
  // Positional rows of source_items alone, joined to the (few) stock links in memory: a pass over
  // the whole catalog reads every source item once.
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
      .where(and(gt(sourceItems.sku, after), lte(sourceItems.sku, upTo))),
  );
  const totals = await positionalRows<[string, number, number]>(
    db,
    reservationTotalsQuery(db).where(and(gt(reservationTotals.sku, after), lte(reservationTotals.sku, upTo))),
  );
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

const INDEX_CHUNK = 1000;

/** The "Use Config Settings" flag of each configuration key the index depends on (inventory-rules §1.3). */
const INDEX_INPUT_FLAGS: Partial<Record<InventoryConfigKey, (typeof USE_CONFIG_FLAGS)[OverridableField]>> = {
  manageStock: USE_CONFIG_FLAGS.manageStock,
  minQty: USE_CONFIG_FLAGS.minQty,
  backorders: USE_CONFIG_FLAGS.backorders,
  notifyStockQty: USE_CONFIG_FLAGS.notifyStockQty,
};

/**
 * The products whose effective settings these configuration keys can move: those with "Use
 * Config Settings" checked for one of them (a condition on product_inventory), or null when no
 * product's figures depend on them (Display Out of Stock Products, Only X Left Threshold, …).
 */
export function followingConfig(keys: InventoryConfigKey[]): SQL | null {
  const flags = [...new Set(keys.flatMap((key) => INDEX_INPUT_FLAGS[key] ?? []))];
  return flags.length === 0 ? null : or(...flags.map((flag) => eq(productInventory[flag], true)))!;
}

type EffectiveRow = typeof effectiveInventory.$inferSelect;

/** A table's columns to select, and how to read them back from a positional row (as drizzle would). */
function columnsOf<T extends SQLiteTable>(table: T) {
  const fields = getTableColumns(table);
  const entries = Object.entries(fields);
  return {
    fields,
    read(row: unknown[], offset: number): T["$inferSelect"] {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < entries.length; i++) out[entries[i][0]] = entries[i][1].mapFromDriverValue(row[offset + i]);
      return out as T["$inferSelect"];
    },
  };
}
const inventoryColumns = columnsOf(productInventory);
const effectiveColumns = columnsOf(effectiveInventory);
const salableColumns = columnsOf(salableIndex);
type SalableRow = typeof salableIndex.$inferSelect;

/** Which products a refresh covers: these ids, every product, or those a configuration change can move. */
export type IndexScope = number[] | "all" | { configChanged: InventoryConfigKey[] };

/**
 * Recomputes effective_inventory and salable_index with lib/inventory. Call it inside the
 * transaction of every write that can change a figure (product, source item, reservation, source,
 * stock link, configuration) with the products it can move.
 *
 * A configuration save covers only the products that take a changed value from the configuration
 * ("Use Config Settings" checked), and every pass writes only rows whose figures changed. The pass
 * goes through the catalog in SKU order, INDEX_CHUNK products at a time, and yields between chunks:
 * readers keep answering from the last commit while it runs.
 */
export async function refreshInventoryIndex(tx: Tx, scope: IndexScope): Promise<void> {
  let onlyFollowingConfig: SQL | undefined;
  if (typeof scope === "object" && !Array.isArray(scope)) {
    const moved = followingConfig(scope.configChanged);
    if (!moved) return;
    onlyFollowingConfig = moved;
  }
  const config = await getGlobalConfig(tx);
  const stockIds = (await tx.select({ id: stocks.id }).from(stocks)).map((s) => s.id);
  const select = (where: SQL | undefined, bySku: boolean) => {
    const query = tx
      .select({ id: products.id, sku: products.sku, ...inventoryColumns.fields })
      .from(products)
      .innerJoin(productInventory, eq(productInventory.productId, products.id))
      .where(where)
      .$dynamic();
    return positionalRows(tx, bySku ? query.orderBy(asc(products.sku)).limit(INDEX_CHUNK) : query).then((rows) => rows.map((row) => ({ product: { id: row[0] as number, sku: row[1] as string }, inv: inventoryColumns.read(row, 2) })));
  };

  if (Array.isArray(scope)) {
    for (let i = 0; i < scope.length; i += INDEX_CHUNK) {
      const ids = scope.slice(i, i + INDEX_CHUNK);
      const rows = await select(inArray(products.id, ids), false);
      await rewriteChunk(tx, config, stockIds, rows, await loadStockSnapshots(tx, rows.map((r) => r.product.sku)));
    }
    return;
  }
  let lastSku = "";
  for (;;) {
    const rows = await select(and(gt(products.sku, lastSku), onlyFollowingConfig), true);
    if (rows.length === 0) break;
    const upTo = rows[rows.length - 1].product.sku;
    await rewriteChunk(tx, config, stockIds, rows, await loadStockSnapshotsInSkuRange(tx, lastSku, upTo), { after: lastSku, upTo });
    lastSku = upTo;
    await yieldToOtherRequests();
  }
}

/** Computes one chunk's figures and writes those that differ from what the index holds. */
async function rewriteChunk(
  tx: Tx,
  config: ResolvedConfig,
  stockIds: number[],
  rows: { product: { id: number; sku: string }; inv: ProductInventoryRow }[],
  snapshots: Map<string, StockSnapshot>,
  skuRange?: { after: string; upTo: string },
): Promise<void> {
  if (rows.length === 0) return;
  // The chunk's index rows: by SKU range when the chunk is one (no list of a thousand ids to bind);
  // the range may hold products the chunk skips (not following the changed configuration).
  const inChunk = new Set(rows.map((r) => r.product.id));
  // PostgreSQL takes the ids as one array parameter instead (its plan for the range is a scan).
  const ofChunk = (column: typeof effectiveInventory.productId | typeof salableIndex.productId) =>
    engineKind(tx) === "pg"
      ? sql`${column} = ANY(${sql.param([...inChunk])}::int4[])`
      : skuRange
        ? sql`${column} IN (SELECT ${products.id} FROM ${products} WHERE ${products.sku} > ${skuRange.after} AND ${products.sku} <= ${skuRange.upTo})`
        : inArray(column, [...inChunk]);
  const oldEffective = new Map(
    (await positionalRows(tx, tx.select(effectiveColumns.fields).from(effectiveInventory).where(ofChunk(effectiveInventory.productId))))
      .map((row) => effectiveColumns.read(row, 0))
      .filter((r) => inChunk.has(r.productId))
      .map((r) => [r.productId, r]),
  );
  const oldSalable = new Map(
    (await positionalRows(tx, tx.select(salableColumns.fields).from(salableIndex).where(ofChunk(salableIndex.productId))))
      .map((row) => salableColumns.read(row, 0))
      .filter((r) => inChunk.has(r.productId))
      .map((r) => [`${r.productId}|${r.stockId}`, r]),
  );
  const effectiveRows: EffectiveRow[] = [];
  const salableRows: SalableRow[] = [];
  for (const { product, inv } of rows) {
    const eff = effectiveSettings(toProductSettings(inv), config.values, config.origins);
    const effective: EffectiveRow = {
      productId: product.id,
      manageStock: eff.manageStock.value,
      backorders: eff.backorders.value,
      minQty: eff.effectiveMinQty,
      notifyStockQty: eff.notifyStockQty.value,
      unlimitedBackorders: hasUnlimitedBackorders(eff),
    };
    if (!sameRow(oldEffective.get(product.id), effective)) effectiveRows.push(effective);
    for (const stockId of stockIds) {
      const key = `${product.id}|${stockId}`;
      const snap = snapshots.get(`${product.sku}|${stockId}`);
      if (!snap) continue;
      const salable: SalableRow = {
        productId: product.id,
        stockId,
        salableQty: salableQty(eff, snap),
        isSalable: isSalable(eff, snap),
        // Units reserved beyond physical stock = what §5 would call backordered for them.
        backorderedQty: snap.reserved < 0 ? backorderQty(eff, { ...snap, reserved: 0 }, -snap.reserved) : 0,
      };
      if (!sameRow(oldSalable.get(key), salable)) salableRows.push(salable);
      oldSalable.delete(key);
    }
  }
  // What is left was indexed for a stock the product is no longer assigned to.
  for (const stale of oldSalable.values()) {
    await tx.delete(salableIndex).where(and(eq(salableIndex.productId, stale.productId), eq(salableIndex.stockId, stale.stockId)));
  }
  await upsertRows(tx, effectiveInventory, ["productId"], effectiveRows);
  await upsertRows(tx, salableIndex, ["productId", "stockId"], salableRows);
}

function sameRow<R extends object>(before: R | undefined, after: R): boolean {
  return before !== undefined && (Object.keys(after) as (keyof R)[]).every((k) => before[k] === after[k]);
}

/** Product ids holding any of these SKUs: writes keyed by SKU use it to refresh the index. */
export async function productIdsForSkus(db: Conn, skus: string[]): Promise<number[]> {
  if (skus.length === 0) return [];
  return (await db.select({ id: products.id }).from(products).where(inArray(products.sku, skus))).map((r) => r.id);
}
