import { and, asc, count, eq, gt, gte, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import {
formatQty,salableFigureLabel
} from "@/lib/inventory";
import type { ProductGridQuery } from "@/lib/validation/product-grid";
import { type Conn } from "../connection";
import { effectiveInventory, products, salableIndex, sourceItems, sources, stocks, tableCounts } from "../schema";

import { readPage, segment, type Page, type Segment, type SortKey, type SortKeyColumn } from "../pager";
import { DEFAULT_STOCK_ID } from "./stocks";

// Catalog > Products: search, filters, sorting and keyset paging in SQL.

interface GridRow extends ProductCells {
  /** "Quantity per Source": `source name: qty`. */
  quantities: { source: string; qty: string }[];
  /** "Salable Quantity": `stock name: qty` or "No manage stock", per stock the product is assigned to. */
  salable: { stock: string; qty: string }[];
}

export interface ProductGridPage extends Page<GridRow> {
  total: number;
}

const productColumns = {
  id: products.id,
  name: products.name,
  typeId: products.typeId,
  sku: products.sku,
  price: products.price,
  enabled: products.enabled,
};

interface ProductCells {
  id: number;
  name: string;
  typeId: "simple" | "virtual";
  sku: string;
  price: number;
  enabled: boolean;
}

interface KeyedRow extends ProductCells {
  sortKey: SortKey;
}

/** Ids are 32-bit integers (PostgreSQL's `integer` identity columns). */
const MAX_ID = 2147483647;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The filters as SQL over products, the default stock's salable_index row and effective_inventory. */
function filterConditions(query: Pick<ProductGridQuery, "q" | "filters">): SQL[] {
  const f = query.filters;
  const where: SQL[] = [];
  if (query.q) {
    // lower() on both sides: SQLite's LIKE ignores (ASCII) case, PostgreSQL's does not.
    const pattern = sql`lower(${`%${escapeLike(query.q)}%`})`;
    where.push(
      sql`(lower(${products.name}) LIKE ${pattern} ESCAPE '\\' OR lower(${products.sku}) LIKE ${pattern} ESCAPE '\\')`,
    );
  }
  if (f.type) where.push(eq(products.typeId, f.type));
  if (f.enabled !== undefined) where.push(eq(products.enabled, f.enabled));
  // An id beyond the integer column's range (a hand-edited URL) is no product's: PostgreSQL would refuse to bind it.
  if (f.ids) where.push(inArray(products.id, f.ids.filter((id) => id <= MAX_ID)));
  // Not assigned to the stock = not salable there (inventory-rules §2, §3).
  if (f.salable === true) where.push(eq(salableIndex.isSalable, true));
  if (f.salable === false) where.push(sql`coalesce(${salableIndex.isSalable}, 0) = 0`);
  // A range needs a figure: "No manage stock" and unassigned products have none to compare.
  if (f.salableFrom !== undefined || f.salableTo !== undefined) where.push(eq(effectiveInventory.manageStock, true));
  if (f.salableFrom !== undefined) where.push(gte(salableIndex.salableQty, f.salableFrom));
  if (f.salableTo !== undefined) where.push(lte(salableIndex.salableQty, f.salableTo));
  return where;
}

function needsSalableJoin(query: Pick<ProductGridQuery, "filters">): boolean {
  const f = query.filters;
  return f.salable !== undefined || f.salableFrom !== undefined || f.salableTo !== undefined;
}

const defaultStockRow = () => and(eq(salableIndex.productId, products.id), eq(salableIndex.stockId, DEFAULT_STOCK_ID));

/** Σ quantity over the product's source items: what "Quantity per Source" adds up to. */
const totalQuantity = sql<number>`(SELECT coalesce(sum(${sourceItems.quantity}), 0) FROM ${sourceItems} WHERE ${sourceItems.sku} = ${products.sku})`;

const PRODUCT_SORT_KEYS: Record<Exclude<ProductGridQuery["sort"], "salable_qty">, SortKeyColumn | null> = {
  id: null,
  name: { sql: products.name, kind: "text" },
  type: { sql: products.typeId, kind: "text" },
  sku: { sql: products.sku, kind: "text" },
  price: { sql: products.price, kind: "real" },
  // Booleans are stored as 0/1 on both engines.
  status: { sql: products.enabled, kind: "integer" },
  qty: { sql: totalQuantity, kind: "real" },
};

const rowFields = (sortKey: SQL | AnySQLiteColumn) => ({ ...productColumns, sortKey: sql<SortKey>`${sortKey}`.as("sort_key") });

async function productCells(db: Conn, ids: number[]): Promise<ProductCells[]> {
  return ids.length === 0 ? [] : db.select(productColumns).from(products).where(inArray(products.id, ids));
}

/** Every sort but Salable Quantity: one segment over products, by the column then id. */
function productSegment(db: Conn, query: ProductGridQuery, sortKey: SortKeyColumn | null): Segment<KeyedRow> {
  const from = (where: SQL | undefined) => {
    const q = db.select(rowFields(sortKey?.sql ?? products.id)).from(products).$dynamic();
    const joined = needsSalableJoin(query)
      ? q.leftJoin(salableIndex, defaultStockRow()).leftJoin(effectiveInventory, eq(effectiveInventory.productId, products.id))
      : q;
    return joined.where(where);
  };
  return segment(
    0,
    {
      rows: async (where, by, limit, offset) => from(where).orderBy(...by).limit(limit).offset(offset),
      count: async (where) => (await db.select({ n: count() }).from(from(where).as("segment")))[0]?.n ?? 0,
    },
    filterConditions(query),
    sortKey,
    products.id,
  );
}

/**
 * Salable Quantity sorts on the default stock's figure in salable_index (written by lib/inventory),
 * read in index order. Products without a figure there ("No manage stock", or not assigned to the
 * default stock) follow in a second segment by id, in either direction, like NULLs last.
 */
function salableSegments(db: Conn, query: ProductGridQuery): Segment<KeyedRow>[] {
  const filters = filterConditions(query);
  const joins = and(
    eq(effectiveInventory.productId, salableIndex.productId),
    eq(products.id, salableIndex.productId),
  );
  const f = query.filters;
  const productFilters = query.q !== undefined || f.type !== undefined || f.enabled !== undefined || f.ids !== undefined;
  const trackedKeys = (where: SQL | undefined) => {
    const q = db.select({ id: salableIndex.productId, salableQty: salableIndex.salableQty }).from(salableIndex).$dynamic();
    // CROSS JOIN keeps salable_index the outer loop (SQLite's documented join-order hint), so the
    // figures are read in index order and the scan stops after a page; left to itself the planner
    // may sort the whole catalog instead. An explicit id list is better driven by the ids.
    // Products are joined only to filter: a typed page number skips rows without reading them.
    if (f.ids) return q.innerJoin(effectiveInventory, sql`true`).innerJoin(products, sql`true`).where(and(joins, where));
    const withFigures = q.crossJoin(effectiveInventory);
    return productFilters
      ? withFigures.crossJoin(products).where(and(joins, where))
      : withFigures.where(and(eq(effectiveInventory.productId, salableIndex.productId), where));
  };
  const untracked = (where: SQL | undefined) =>
    db
      .select(rowFields(products.id))
      .from(products)
      .innerJoin(effectiveInventory, eq(effectiveInventory.productId, products.id))
      .leftJoin(salableIndex, defaultStockRow())
      .where(where)
      .$dynamic();
  return [
    segment(
      0,
      {
        rows: async (where, by, limit, offset) => {
          const keys = await trackedKeys(where).orderBy(...by).limit(limit).offset(offset);
          const cells = new Map((await productCells(db, keys.map((k) => k.id))).map((row) => [row.id, row]));
          return keys.map((k) => ({ ...cells.get(k.id)!, sortKey: k.salableQty }));
        },
        count: async (where) => (await db.select({ n: count() }).from(trackedKeys(where).as("segment")))[0]?.n ?? 0,
      },
      [eq(salableIndex.stockId, DEFAULT_STOCK_ID), eq(effectiveInventory.manageStock, true), ...filters],
      { sql: salableIndex.salableQty, kind: "real" },
      salableIndex.productId,
    ),
    segment(
      1,
      {
        rows: async (where, by, limit, offset) => untracked(where).orderBy(...by).limit(limit).offset(offset),
        count: async (where) => (await db.select({ n: count() }).from(untracked(where).as("segment")))[0]?.n ?? 0,
      },
      [or(eq(effectiveInventory.manageStock, false), isNull(salableIndex.productId)), ...filters],
      null,
      products.id,
    ),
  ];
}

/** How many products the search and filters match. */
export async function countProducts(db: Conn, query: Pick<ProductGridQuery, "q" | "filters">): Promise<number> {
  if (!query.q && Object.values(query.filters).every((v) => v === undefined)) {
    // No filter: the count the triggers keep (count(*) would walk every row of a large catalog).
    const [kept] = await db.select({ n: tableCounts.rowCount }).from(tableCounts).where(eq(tableCounts.name, "products")).limit(1);
    return kept?.n ?? 0;
  }
  const q = db.select({ n: count() }).from(products).$dynamic();
  const joined = needsSalableJoin(query)
    ? q.leftJoin(salableIndex, defaultStockRow()).leftJoin(effectiveInventory, eq(effectiveInventory.productId, products.id))
    : q;
  return (await joined.where(and(...filterConditions(query))))[0]?.n ?? 0;
}

/**
 * One page of Catalog > Products: search, filters, sorting and paging in SQL. Next / Previous
 * follow keyset cursors, so a page deep in a large catalog costs what the first one does; a page
 * typed by number is found by offset. The page's quantities and salable figures are then read
 * in one query each.
 */
export async function listProductGrid(db: Conn, query: ProductGridQuery): Promise<ProductGridPage> {
  const total = await countProducts(db, query);
  const segments =
    query.sort === "salable_qty" ? salableSegments(db, query) : [productSegment(db, query, PRODUCT_SORT_KEYS[query.sort])];
  const { rows, ...page } = await readPage(segments, query, total);
  return { ...page, total, rows: await withCells(db, rows.map(({ sortKey: _sortKey, ...cells }) => cells)) };
}

/** Quantity per Source and Salable Quantity for a page of products: one query each. */
async function withCells(db: Conn, rows: ProductCells[]): Promise<GridRow[]> {
  if (rows.length === 0) return [];
  const quantities = await db
    .select({ sku: sourceItems.sku, source: sources.name, quantity: sourceItems.quantity })
    .from(sourceItems)
    .innerJoin(sources, eq(sources.code, sourceItems.sourceCode))
    .where(inArray(sourceItems.sku, rows.map((r) => r.sku)))
    .orderBy(asc(sources.name));
  const salable = await db
    .select({
      productId: salableIndex.productId,
      stock: stocks.name,
      salableQty: salableIndex.salableQty,
      manageStock: effectiveInventory.manageStock,
    })
    .from(salableIndex)
    .innerJoin(stocks, eq(stocks.id, salableIndex.stockId))
    .innerJoin(effectiveInventory, eq(effectiveInventory.productId, salableIndex.productId))
    .where(inArray(salableIndex.productId, rows.map((r) => r.id)))
    .orderBy(asc(salableIndex.stockId));
  return rows.map((row) => ({
    ...row,
    quantities: quantities.filter((q) => q.sku === row.sku).map((q) => ({ source: q.source, qty: formatQty(q.quantity) })),
    salable: salable
      .filter((s) => s.productId === row.id)
      .map((s) => ({ stock: s.stock, qty: salableFigureLabel(s.manageStock, s.salableQty) })),
  }));
}

/**
 * Ids of the products the grid's search and filters match, by id after `afterId`: for work over
 * "all N matching" (export, mass update) in keyset chunks, whatever the grid's sort.
 */
export async function listMatchingProductIds(
  db: Conn,
  query: Pick<ProductGridQuery, "q" | "filters">,
  afterId: number,
  limit: number,
): Promise<number[]> {
  const q = db.select({ id: products.id }).from(products).$dynamic();
  const joined = needsSalableJoin(query)
    ? q.leftJoin(salableIndex, defaultStockRow()).leftJoin(effectiveInventory, eq(effectiveInventory.productId, products.id))
    : q;
  const rows = await joined
    .where(and(gt(products.id, afterId), ...filterConditions(query)))
    .orderBy(asc(products.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

