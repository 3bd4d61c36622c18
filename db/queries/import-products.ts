import { and, eq, sql } from "drizzle-orm";
import {
  effectiveSettings,
  round4,
  statusOnProductSave,
  type ProductInventorySettings,
  type SourceItemStatus,
} from "@/lib/inventory";
import type { ProductStockColumn } from "@/lib/catalog-csv";
import { renderPhrase } from "@/lib/refusal";
import { mergeStockItem, parseProductRow, type CellProblem } from "@/lib/validation/import";
import type { StockItemValues } from "@/lib/validation/product";
import { inValues, positionalRows, upsertRows, type Conn, type Tx } from "../connection";
import { productInventory, products, sourceItems } from "../schema";
import type { CsvRow, EntityImport, RowOutcome } from "./import";
import { getGlobalConfig, toProductSettings, type ResolvedConfig } from "./inventory";
import { refreshInventoryIndex } from "./inventory-index";
import { UNKNOWN_PRODUCT } from "./source-items";
import { DEFAULT_SOURCE_CODE, isSingleSourceMode } from "./sources";

/*
 * The Products import (Magento's catalog_product, stock columns only): each row changes the named
 * fields of a product's stock item as PUT /V1/products/{sku} with `stock_item` does, through the
 * product page's schema, inventory-rules §8 and the salable index.
 */

interface DefaultItem {
  quantity: number;
  status: SourceItemStatus;
  statusAutomatic: boolean;
}

interface ProductState {
  id: number;
  settings: ProductInventorySettings;
  /** The default source item: the legacy stock item's qty and is_in_stock. */
  item: DefaultItem | null;
}

interface ProductWrite {
  id: number;
  sku: string;
  settings: ProductInventorySettings | null;
  item: DefaultItem | null;
}

/**
 * The products of these SKUs with their stored settings and default source item: three lookups by
 * key, each one statement for the whole batch.
 */
async function loadStates(db: Conn, skus: readonly string[]): Promise<Map<string, ProductState>> {
  // No SKU holds a NUL, and PostgreSQL refuses to compare text that does.
  const asked = [...new Set(skus)].filter((sku) => !sku.includes("\0"));
  if (asked.length === 0) return new Map();
  const found = await positionalRows<[number, string]>(db, db.select({ id: products.id, sku: products.sku }).from(products).where(inValues(db, products.sku, asked)));
  const ids = found.map(([id]) => id);
  const settings = new Map(
    (await db.select().from(productInventory).where(inValues(db, productInventory.productId, ids))).map((row) => [row.productId, toProductSettings(row)]),
  );
  const items = new Map(
    (
      await positionalRows<[string, number, number, number | boolean]>(
        db,
        db
          .select({ sku: sourceItems.sku, quantity: sourceItems.quantity, status: sourceItems.status, automatic: sourceItems.statusAutomatic })
          .from(sourceItems)
          .where(and(inValues(db, sourceItems.sku, asked), eq(sourceItems.sourceCode, DEFAULT_SOURCE_CODE))),
      )
    ).map(([sku, quantity, status, automatic]) => [sku, { quantity, status: status as SourceItemStatus, statusAutomatic: Boolean(automatic) }]),
  );
  return new Map(found.map(([id, sku]) => [sku, { id, settings: settings.get(id)!, item: items.get(sku) ?? null }]));
}

const storedItem = (state: ProductState): StockItemValues => ({
  qty: state.item?.quantity ?? 0,
  isInStock: (state.item?.status ?? 0) === 1,
  ...state.settings,
});

const sameSettings = (a: ProductInventorySettings, b: ProductInventorySettings) =>
  (Object.keys(a) as (keyof ProductInventorySettings)[]).every((key) => a[key] === b[key]);

const sameItem = (a: DefaultItem | null, b: DefaultItem) =>
  a !== null && a.quantity === b.quantity && a.status === b.status && a.statusAutomatic === b.statusAutomatic;

/**
 * The default source item a row's save leaves. Single-source mode: quantity and stock status
 * after inventory-rules §8, as the product page saves them. Multi-source mode: only when the row
 * names qty or is_in_stock, Magento's legacy stock item sync: the status is the admin's.
 */
function defaultItemOf(
  state: ProductState,
  item: StockItemValues,
  patch: Partial<StockItemValues>,
  context: { config: ResolvedConfig; singleSourceMode: boolean },
): { item: DefaultItem | null; switched: boolean } {
  const { qty, isInStock, ...settings } = item;
  const requested: SourceItemStatus = isInStock ? 1 : 0;
  if (!context.singleSourceMode) {
    if (patch.qty === undefined && patch.isInStock === undefined) return { item: null, switched: false };
    const automatic = !!state.item?.statusAutomatic && state.item.status === requested;
    return { item: { quantity: round4(qty), status: requested, statusAutomatic: automatic }, switched: false };
  }
  const eff = effectiveSettings(settings, context.config.values, context.config.origins);
  const decision = statusOnProductSave({
    manageStock: eff.manageStock.value,
    backorders: eff.backorders.value,
    qty,
    effectiveThreshold: eff.effectiveMinQty,
    requestedStatus: requested,
    wasAutomatic: state.item?.statusAutomatic ?? false,
  });
  return {
    item: { quantity: round4(qty), status: decision.status, statusAutomatic: decision.automatic },
    switched: decision.reason !== null && state.item?.status !== 0,
  };
}

/** Writes a batch's changed products in bulk: settings, default source items, versions (the page's lock), the index. */
async function applyWrites(tx: Tx, writes: readonly ProductWrite[]): Promise<void> {
  if (writes.length === 0) return;
  await upsertRows(
    tx,
    productInventory,
    ["productId"],
    writes.flatMap((w) => (w.settings ? [{ productId: w.id, ...w.settings }] : [])),
  );
  await upsertRows(
    tx,
    sourceItems,
    ["sku", "sourceCode"],
    writes.flatMap((w) => (w.item ? [{ sku: w.sku, sourceCode: DEFAULT_SOURCE_CODE, ...w.item }] : [])),
  );
  const ids = writes.map((w) => w.id);
  await tx
    .update(products)
    .set({ version: sql`${products.version} + 1`, updatedAt: new Date().toISOString() })
    .where(inValues(tx, products.id, ids));
  await refreshInventoryIndex(tx, ids);
}

/**
 * The Products import over one file whose header names `header`, reading the store through `db`.
 * When that is not the import's own transaction (PostgreSQL: the pool), a batch's writes run on
 * the transaction while the next batch is checked through the pool, so the checking (CSV, schemas,
 * lookups) and the writing overlap instead of taking turns. The reads see the store as committed,
 * which is what the transaction started from: it holds the write lock, so nothing else commits
 * meanwhile, and a SKU appears once per file, so no batch reads what an earlier one writes.
 */
export async function productImport(db: Conn, header: readonly string[]): Promise<EntityImport> {
  const columns = header as readonly (ProductStockColumn | "sku")[];
  const context = { config: await getGlobalConfig(db), singleSourceMode: await isSingleSourceMode(db) };
  const lineOfSku = new Map<string, number>();
  const figures = { entities: 0, created: 0, updated: 0, deleted: 0, unchanged: 0, statusSwitched: 0 };
  const changedSkus = new Set<string>();
  /** The writes handed to the transaction and not yet awaited (only when reading through the pool). */
  let writing: Promise<void> = Promise.resolve();

  async function batch(rows: readonly CsvRow[], tx: Tx | null): Promise<RowOutcome[]> {
    const parsed = rows.map((row) => {
      const { sku, patch, problems } = parseProductRow(columns, row.cells);
      const all: CellProblem[] = [...row.problems, ...problems];
      const earlier = lineOfSku.get(sku);
      if (earlier !== undefined) all.push({ column: "sku", message: `SKU "${sku}" is already on line ${earlier} of this file: each product may appear once.` });
      else if (!problems.some((p) => p.column === "sku")) lineOfSku.set(sku, row.line);
      return { line: row.line, sku, patch, problems: all };
    });
    const states = await loadStates(db, parsed.filter((p) => p.problems.length === 0).map((p) => p.sku));
    const writes: ProductWrite[] = [];
    let unchanged = 0;
    let switched = 0;
    for (const row of parsed) {
      if (row.problems.length > 0) continue;
      const state = states.get(row.sku);
      if (!state) {
        row.problems.push({ column: "sku", message: renderPhrase(UNKNOWN_PRODUCT, { sku: row.sku }) });
        continue;
      }
      const merged = mergeStockItem(storedItem(state), row.patch, context.config.values);
      if (!merged.item) {
        row.problems.push(...merged.problems);
        continue;
      }
      figures.entities++;
      const { qty: _qty, isInStock: _isInStock, ...settings } = merged.item;
      const next = defaultItemOf(state, merged.item, row.patch, context);
      const write: ProductWrite = {
        id: state.id,
        sku: row.sku,
        settings: sameSettings(settings, state.settings) ? null : settings,
        item: next.item && !sameItem(state.item, next.item) ? next.item : null,
      };
      if (write.settings || write.item) writes.push(write);
      else unchanged++;
      if (next.switched) switched++;
    }
    if (tx) {
      if (db === tx) await applyWrites(tx, writes);
      else {
        writing = writing.then(() => applyWrites(tx, writes));
        // Awaited by drain() before the pass ends; a failure must not count as unhandled meanwhile.
        writing.catch(() => undefined);
      }
      figures.updated += writes.length;
      figures.unchanged += unchanged;
      figures.statusSwitched += switched;
      for (const write of writes) changedSkus.add(write.sku);
    }
    return parsed.map(({ line, problems }) => ({ line, problems }));
  }

  return { batch, finish: async () => undefined, drain: () => writing, figures, changedSkus };
}
