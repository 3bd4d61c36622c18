import { and, asc, eq, getTableColumns, gt, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  backorderQty,
  FIGURE_FIELDS,
  figureSettings,
  isSalable,
  salableQty,
  snapshotFromTotals,
  snapshotTotals,
  qtyLeft,
  stockAlert,
  stockLevel,
  USE_CONFIG_FLAGS,
  type FigureInputs,
  type FigureSettings,
  type InventoryConfigKey,
  type OverridableField,
  type StockSnapshot,
} from "@/lib/inventory";
import { engineKind, insertRows, inValues, positionalRows, upsertRows, yieldToOtherRequests, type Conn, type Tx } from "../connection";
import { effectiveInventory, productInventory, products, salableIndex, stockAlerts, stocks } from "../schema";
import {
  getGlobalConfig,
  linkedSourceItemsQuery,
  loadStockSnapshotsForPass,
  loadStockSnapshotsInSkuRange,
  type ResolvedConfig,
} from "./inventory";

/*
 * The index the grids, reports and REST figures read: effective_inventory and salable_index,
 * computed by lib/inventory and rewritten in the transaction of every write that can move them.
 */

const INDEX_CHUNK = 2500;

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
type SalableRow = typeof salableIndex.$inferSelect;

/** Columns to select, and how to read them back from a positional row (as drizzle would). */
function columnsOf<R>(fields: Record<string, SQLiteColumn>) {
  const entries = Object.entries(fields);
  return {
    fields,
    read(row: unknown[], offset = 0): R {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < entries.length; i++) out[entries[i][0]] = entries[i][1].mapFromDriverValue(row[offset + i]);
      return out as R;
    },
  };
}
/** product_inventory's FIGURE_FIELDS and their "Use Config Settings" flags: all a pass over the catalog reads of it. */
const figureColumns = columnsOf<FigureInputs>(
  Object.fromEntries(FIGURE_FIELDS.flatMap((field) => [field, USE_CONFIG_FLAGS[field]]).map((key) => [key, productInventory[key]])),
);
const effectiveColumns = columnsOf<EffectiveRow>(getTableColumns(effectiveInventory));
const salableColumns = columnsOf<SalableRow>(getTableColumns(salableIndex));

function effectiveRowOf(productId: number, eff: FigureSettings): EffectiveRow {
  return { productId, manageStock: eff.manageStock.value, notifyStockQty: eff.notifyStockQty.value };
}

/** One (product, stock) row of the salable index: lib/inventory's figures and the totals they came from. */
function salableRowOf(productId: number, stockId: number, eff: FigureSettings, snap: StockSnapshot): SalableRow {
  return {
    productId,
    stockId,
    salableQty: salableQty(eff, snap),
    isSalable: isSalable(eff, snap),
    // Units reserved beyond physical stock = what §5 would call backordered for them.
    backorderedQty: snap.reserved < 0 ? backorderQty(eff, { ...snap, reserved: 0 }, -snap.reserved) : 0,
    ...snapshotTotals(snap),
  };
}

type AlertRow = Omit<typeof stockAlerts.$inferInsert, "sku">;

const levelOf = (effective: EffectiveRow, salable: SalableRow) => stockLevel(effective.manageStock, effective.notifyStockQty, salable);

/**
 * The stock alert a row's change raises (lib/inventory stockAlert), written in the transaction
 * that moved the figures: it commits or rolls back with them, so it is never lost or doubled.
 */
function alertOf(
  before: { effective: EffectiveRow; salable: SalableRow } | undefined,
  effective: EffectiveRow,
  salable: SalableRow,
): AlertRow | null {
  const kind = stockAlert(before && levelOf(before.effective, before.salable), levelOf(effective, salable));
  if (!kind) return null;
  return {
    kind,
    productId: salable.productId,
    stockId: salable.stockId,
    salableQty: salable.salableQty,
    qtyLeft: qtyLeft(salable),
    notifyQty: effective.notifyStockQty,
  };
}

function sameRow<R extends object>(before: R | undefined, after: R): boolean {
  if (before === undefined) return false;
  for (const key in after) if (before[key] !== after[key]) return false;
  return true;
}

/** Which products a refresh covers: these ids, every product, or those a configuration change can move. */
export type IndexScope = number[] | "all" | { configChanged: InventoryConfigKey[] };

/**
 * Recomputes effective_inventory and salable_index with lib/inventory. Call it inside the
 * transaction of every write that can change a figure (product, source item, reservation, source,
 * stock link, configuration) with the products it can move. Every pass writes only rows whose
 * figures changed, and a pass over the catalog goes INDEX_CHUNK products at a time and yields
 * between chunks: readers keep answering from the last commit while it runs.
 */
export async function refreshInventoryIndex(tx: Tx, scope: IndexScope): Promise<void> {
  const config = await getGlobalConfig(tx);
  if (!Array.isArray(scope) && scope !== "all") return refreshFollowingConfig(tx, config, scope.configChanged);
  const stockIds = (await tx.select({ id: stocks.id }).from(stocks)).map((s) => s.id);
  const select = (where: SQL | undefined, bySku: boolean) => {
    const query = tx
      .select({ id: products.id, sku: products.sku, ...figureColumns.fields })
      .from(products)
      .innerJoin(productInventory, eq(productInventory.productId, products.id))
      .where(where)
      .$dynamic();
    return positionalRows(tx, bySku ? query.orderBy(asc(products.sku)).limit(INDEX_CHUNK) : query).then((rows) =>
      rows.map((row) => ({ product: { id: row[0] as number, sku: row[1] as string }, inv: figureColumns.read(row, 2) })),
    );
  };

  if (Array.isArray(scope)) {
    for (let i = 0; i < scope.length; i += INDEX_CHUNK) {
      const rows = await select(inValues(tx, products.id, scope.slice(i, i + INDEX_CHUNK)), false);
      await rewriteChunk(tx, config, stockIds, rows, await loadStockSnapshotsForPass(tx, rows.map((r) => r.product.sku)));
    }
    return;
  }
  let lastSku = "";
  for (;;) {
    const rows = await select(gt(products.sku, lastSku), true);
    if (rows.length === 0) break;
    const upTo = rows[rows.length - 1].product.sku;
    await rewriteChunk(tx, config, stockIds, rows, await loadStockSnapshotsInSkuRange(tx, lastSku, upTo), { after: lastSku, upTo });
    lastSku = upTo;
    await yieldToOtherRequests();
  }
}

/** Computes one chunk's figures from its stock snapshots and writes those that differ from what the index holds. */
async function rewriteChunk(
  tx: Tx,
  config: ResolvedConfig,
  stockIds: number[],
  rows: { product: { id: number; sku: string }; inv: FigureInputs }[],
  snapshots: Map<string, StockSnapshot>,
  skuRange?: { after: string; upTo: string },
): Promise<void> {
  if (rows.length === 0) return;
  // The chunk's index rows: by SKU range when the chunk is one (no list of a thousand ids to bind).
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
      .map((row) => effectiveColumns.read(row))
      .map((r) => [r.productId, r]),
  );
  const oldSalable = new Map(
    (await positionalRows(tx, tx.select(salableColumns.fields).from(salableIndex).where(ofChunk(salableIndex.productId))))
      .map((row) => salableColumns.read(row))
      .map((r) => [`${r.productId}|${r.stockId}`, r]),
  );
  const effectiveRows: EffectiveRow[] = [];
  const salableRows: SalableRow[] = [];
  const alerts: AlertRow[] = [];
  for (const { product, inv } of rows) {
    const eff = figureSettings(inv, config.values, config.origins);
    const effective = effectiveRowOf(product.id, eff);
    const effectiveBefore = oldEffective.get(product.id);
    if (!sameRow(effectiveBefore, effective)) effectiveRows.push(effective);
    for (const stockId of stockIds) {
      const key = `${product.id}|${stockId}`;
      const snap = snapshots.get(`${product.sku}|${stockId}`);
      if (!snap) continue;
      const salable = salableRowOf(product.id, stockId, eff, snap);
      const salableBefore = oldSalable.get(key);
      if (!sameRow(salableBefore, salable)) salableRows.push(salable);
      const before = effectiveBefore && salableBefore && { effective: effectiveBefore, salable: salableBefore };
      const alert = alertOf(before, effective, salable);
      if (alert) alerts.push(alert);
      oldSalable.delete(key);
    }
  }
  // What is left was indexed for a stock the product is no longer assigned to.
  for (const stale of oldSalable.values()) {
    await tx.delete(salableIndex).where(and(eq(salableIndex.productId, stale.productId), eq(salableIndex.stockId, stale.stockId)));
  }
  await upsertRows(tx, effectiveInventory, ["productId"], effectiveRows);
  await upsertRows(tx, salableIndex, ["productId", "stockId"], salableRows);
  await writeAlerts(tx, alerts);
}

/** Writes the alerts of a pass with each product's SKU as it is now (alerts are few: one query). */
async function writeAlerts(tx: Tx, alerts: AlertRow[]): Promise<void> {
  if (alerts.length === 0) return;
  const ids = [...new Set(alerts.map((a) => a.productId!))];
  const skus = new Map<number, string>();
  for (let i = 0; i < ids.length; i += INDEX_CHUNK) {
    const rows = await tx.select({ id: products.id, sku: products.sku }).from(products).where(inArray(products.id, ids.slice(i, i + INDEX_CHUNK)));
    for (const row of rows) skus.set(row.id, row.sku);
  }
  await insertRows(tx, stockAlerts, alerts.map((alert) => ({ ...alert, sku: skus.get(alert.productId!)! })));
}

/**
 * A Default Config save: only the products taking a changed value from the configuration can move
 * (inventory-rules §1.3), and only the table that reads it. A configuration change moves no source
 * item or reservation, so each product's new figures come from the totals its index rows keep
 * (snapshotFromTotals): the pass reads product_inventory and the index, by product id, and nothing else.
 */
async function refreshFollowingConfig(tx: Tx, config: ResolvedConfig, keys: InventoryConfigKey[]): Promise<void> {
  const moved = followingConfig(keys);
  const moves = (inputs: InventoryConfigKey[]) => keys.some((key) => inputs.includes(key));
  // effective_inventory keeps Manage Stock and Notify Qty; salable figures follow Manage Stock, Backorders and the threshold.
  const effective = moves(["manageStock", "notifyStockQty"]);
  const salable = moves(["manageStock", "backorders", "minQty"]);
  if (!moved || (!effective && !salable)) return;
  // Most products share a handful of settings (most follow the configuration entirely): resolve
  // each distinct row of product_inventory values once per save.
  const resolved = new Map<string, FigureSettings>();
  const settingsOf = (row: unknown[]): FigureSettings => {
    const key = row.slice(1).join("|");
    let eff = resolved.get(key);
    if (!eff) {
      if (resolved.size >= 10_000) resolved.clear();
      eff = figureSettings(figureColumns.read(row, 1), config.values, config.origins);
      resolved.set(key, eff);
    }
    return eff;
  };
  let lastId = 0;
  for (;;) {
    const rows = await positionalRows<[number, ...unknown[]]>(
      tx,
      tx
        .select({ productId: productInventory.productId, ...figureColumns.fields })
        .from(productInventory)
        .where(and(gt(productInventory.productId, lastId), moved))
        .orderBy(asc(productInventory.productId))
        .limit(INDEX_CHUNK),
    );
    if (rows.length === 0) return;
    const upTo = rows[rows.length - 1][0];
    const oldEffective = new Map<number, EffectiveRow>();
    if (effective) {
      const range = and(gt(effectiveInventory.productId, lastId), lte(effectiveInventory.productId, upTo));
      for (const row of await positionalRows(tx, tx.select(effectiveColumns.fields).from(effectiveInventory).where(range))) {
        const old = effectiveColumns.read(row);
        oldEffective.set(old.productId, old);
      }
    }
    const oldSalable = new Map<number, SalableRow[]>();
    // A Notify Qty change moves no figure, but may put products into Low Stock: read their rows too.
    if (salable || effective) {
      const range = and(gt(salableIndex.productId, lastId), lte(salableIndex.productId, upTo));
      for (const row of await positionalRows(tx, tx.select(salableColumns.fields).from(salableIndex).where(range))) {
        const old = salableColumns.read(row);
        const ofProduct = oldSalable.get(old.productId);
        if (ofProduct) ofProduct.push(old);
        else oldSalable.set(old.productId, [old]);
      }
    }
    const effectiveRows: EffectiveRow[] = [];
    const salableRows: SalableRow[] = [];
    const alerts: AlertRow[] = [];
    for (const row of rows) {
      const productId = row[0];
      const eff = settingsOf(row);
      const next = effectiveRowOf(productId, eff);
      if (effective && !sameRow(oldEffective.get(productId), next)) effectiveRows.push(next);
      // Not read when this save cannot move it: then it is what it was.
      const effectiveBefore = oldEffective.get(productId) ?? next;
      for (const old of oldSalable.get(productId) ?? []) {
        const figures = salableRowOf(productId, old.stockId, eff, snapshotFromTotals(old));
        if (!sameRow(old, figures)) salableRows.push(figures);
        const alert = alertOf({ effective: effectiveBefore, salable: old }, next, figures);
        if (alert) alerts.push(alert);
      }
    }
    await upsertRows(tx, effectiveInventory, ["productId"], effectiveRows);
    await upsertRows(tx, salableIndex, ["productId", "stockId"], salableRows);
    await writeAlerts(tx, alerts);
    lastId = upTo;
    await yieldToOtherRequests();
  }
}

/**
 * True when the index holds nothing although the catalog has products: a migration that changes
 * what the index stores empties it, and start-up rebuilds it whole.
 */
export async function indexIsEmpty(db: Conn): Promise<boolean> {
  const [anyProduct] = await db.select({ id: products.id }).from(products).limit(1);
  if (!anyProduct) return false;
  const [anyEffective] = await db.select({ id: effectiveInventory.productId }).from(effectiveInventory).limit(1);
  if (!anyEffective) return true;
  const [anySalable] = await db.select({ id: salableIndex.productId }).from(salableIndex).limit(1);
  if (anySalable) return false;
  // No salable row is right while no product is assigned to a stock.
  const [anyAssigned] = await linkedSourceItemsQuery(db).limit(1);
  return anyAssigned !== undefined;
}
