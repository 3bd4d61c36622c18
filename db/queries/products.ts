import { and, asc, count, desc, eq, gte, inArray, isNull, lte, ne, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  ADVANCED_INVENTORY_FIELDS,
  DEFAULT_PRODUCT_SETTINGS,
  STOCK_STATUS_OPTIONS,
  USE_CONFIG_FLAGS,
  effectiveNotifyQty,
  effectiveSettings,
  formatQty,
  optionLabel,
  round4,
  salableFigureLabel,
  salableQtyLabel,
  statusOnProductSave,
  withGlobalValuesShown,
  type OverridableField,
  type EffectiveSettings,
  type ProductInventorySettings,
  type SourceItemStatus,
} from "@/lib/inventory";
import { REQUIRED } from "@/lib/validation/auth";
import type { ProductGridQuery } from "@/lib/validation/product-grid";
import type { SearchCriteria } from "@/lib/validation/search-criteria";
import {
  SKU_TAKEN,
  type ProductFormInput,
  type ProductFormValues,
  type ProductLock,
  type SourceAssignment,
  type SourceAssignmentInput,
  type SourceOption,
  type StockItemValues,
} from "@/lib/validation/product";
import { transaction, type Conn } from "../connection";
import {
  effectiveInventory,
  productInventory,
  products,
  reservationTotals,
  salableIndex,
  sourceItems,
  sources,
  stocks,
} from "../schema";
import { writeAudit, type AuditEntry } from "./audit";
import { invalid, productNotFound, Refusal } from "@/lib/refusal";
import { getGlobalConfig, getProductInventoryState, refreshInventoryIndex, type ResolvedConfig } from "./inventory";
import { sqlSearch, type SearchFields } from "./search";
import { DEFAULT_SOURCE_CODE, isSingleSourceMode, listAllSources, missingSourceCodes, sourceNotFound } from "./sources";

/** "Default Stock" (id 1) and the `default` source always exist (spec, Terms). */
const DEFAULT_STOCK_ID = 1;


// ── GET /rest/V1/products ────────────────────────────────────────────────────────────────────

/** Magento's datetime ("2024-05-01 10:20:30", UTC) of a stored ISO time, for filters on it. */
const magentoTime = (column: AnySQLiteColumn) => sql`replace(substr(${column}, 1, 19), 'T', ' ')`;

/** What GET /V1/products searches and sorts by, as Magento names it (status: 1 enabled, 2 disabled). */
export const PRODUCT_SEARCH_FIELDS: SearchFields = {
  entity_id: { column: products.id, type: "number" },
  sku: { column: products.sku, type: "text" },
  name: { column: products.name, type: "text" },
  price: { column: products.price, type: "number" },
  status: { column: sql`(CASE WHEN ${products.enabled} THEN 1 ELSE 2 END)`, type: "number" },
  type_id: { column: products.typeId, type: "text" },
  created_at: { column: magentoTime(products.createdAt), type: "text" },
  updated_at: { column: magentoTime(products.updatedAt), type: "text" },
};

export type ProductListRow = Pick<
  typeof products.$inferSelect,
  "id" | "sku" | "name" | "price" | "enabled" | "typeId" | "createdAt" | "updatedAt"
>;

/** One page of products and the number of all that match, filtered, sorted and paged in SQL. */
export async function listProducts(db: Conn, criteria: SearchCriteria): Promise<{ items: ProductListRow[]; total: number }> {
  const search = sqlSearch(PRODUCT_SEARCH_FIELDS, criteria, [products.id]);
  const total = db.select({ n: count() }).from(products).where(search.where).get()?.n ?? 0;
  const query = db
    .select({
      id: products.id,
      sku: products.sku,
      name: products.name,
      price: products.price,
      enabled: products.enabled,
      typeId: products.typeId,
      createdAt: products.createdAt,
      updatedAt: products.updatedAt,
    })
    .from(products)
    .where(search.where)
    .orderBy(...search.orderBy)
    .$dynamic();
  const items = search.limit === undefined ? query.all() : query.limit(search.limit).offset(search.offset!).all();
  return { items, total };
}

// ── Catalog > Products grid ──────────────────────────────────────────────────────────────────

interface GridRow {
  id: number;
  name: string;
  typeId: "simple" | "virtual";
  sku: string;
  price: number;
  enabled: boolean;
  /** "Quantity per Source": `source name: qty`. */
  quantities: { source: string; qty: string }[];
  /** "Salable Quantity": `stock name: qty` or "No manage stock", per stock the product is assigned to. */
  salable: { stock: string; qty: string }[];
}

export interface ProductGridPage {
  rows: GridRow[];
  total: number;
  /** The page shown (a page past the end shows the last one). */
  page: number;
  pages: number;
  /** Keyset cursors for the Next / Previous links; null where there is no such page. */
  nextCursor: string | null;
  prevCursor: string | null;
}

type Dir = "asc" | "desc";
type SortKey = string | number;

/** Where a row sits in a sorted listing: its segment, sort value and id (ties broken by id). */
interface Cursor {
  seg: number;
  key: SortKey;
  id: number;
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

/**
 * One ordered stretch of the listing, read with an index wherever the sort allows: rows after a
 * cursor (keyset) or after skipping `offset` rows (a page typed by number), in `dir` order.
 */
interface Segment {
  seg: number;
  rows(dir: Dir, after: Cursor | undefined, limit: number, offset: number): KeyedRow[];
  count(): number;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.seg, cursor.key, cursor.id])).toString("base64url");
}

function decodeCursor(text: string | undefined): Cursor | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString());
    if (!Array.isArray(value) || value.length !== 3) return undefined;
    const [seg, key, id] = value;
    const keyOk = typeof key === "string" || (typeof key === "number" && Number.isFinite(key));
    if ((seg === 0 || seg === 1) && keyOk && Number.isSafeInteger(id)) return { seg, key, id };
  } catch {
    // A hand-edited cursor is ignored: the page is then found by its number.
  }
  return undefined;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The filters as SQL over products, the default stock's salable_index row and effective_inventory. */
function filterConditions(query: Pick<ProductGridQuery, "q" | "filters">): SQL[] {
  const f = query.filters;
  const where: SQL[] = [];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    where.push(sql`(${products.name} LIKE ${pattern} ESCAPE '\\' OR ${products.sku} LIKE ${pattern} ESCAPE '\\')`);
  }
  if (f.type) where.push(eq(products.typeId, f.type));
  if (f.enabled !== undefined) where.push(eq(products.enabled, f.enabled));
  if (f.ids) where.push(sql`${products.id} IN (SELECT value FROM json_each(${JSON.stringify(f.ids)}))`);
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

const order = (dir: Dir, column: SQL | AnySQLiteColumn) => (dir === "asc" ? asc(column) : desc(column));

function keyset(dir: Dir, key: SQL | AnySQLiteColumn | null, id: AnySQLiteColumn, after: Cursor | undefined) {
  if (!after) return undefined;
  const op = dir === "asc" ? sql.raw(">") : sql.raw("<");
  return key ? sql`(${key}, ${id}) ${op} (${after.key}, ${after.id})` : sql`${id} ${op} ${after.id}`;
}

/** Σ quantity over the product's source items: what "Quantity per Source" adds up to. */
const totalQuantity = sql<number>`(SELECT coalesce(sum(${sourceItems.quantity}), 0) FROM ${sourceItems} WHERE ${sourceItems.sku} = ${products.sku})`;

const PRODUCT_SORT_KEYS: Record<Exclude<ProductGridQuery["sort"], "salable_qty">, SQL | AnySQLiteColumn | null> = {
  id: null,
  name: products.name,
  type: products.typeId,
  sku: products.sku,
  price: products.price,
  status: products.enabled,
  qty: totalQuantity,
};

const rowFields = (sortKey: SQL | AnySQLiteColumn) => ({ ...productColumns, sortKey: sql<SortKey>`${sortKey}`.as("sort_key") });

/** How a segment reads: its rows query (filters and cursor as `where`) and its count. */
interface SegmentSource {
  rows(where: SQL | undefined, orderBy: SQL[], limit: number, offset: number): KeyedRow[];
  count(where: SQL | undefined): number;
}

/** A segment ordered by its key (none: by id alone), then id. */
function segment(
  seg: number,
  source: SegmentSource,
  where: (SQL | undefined)[],
  key: SQL | AnySQLiteColumn | null,
  id: AnySQLiteColumn,
): Segment {
  return {
    seg,
    rows: (dir, after, limit, offset) =>
      source.rows(
        and(...where, keyset(dir, key, id, after)),
        [...(key ? [order(dir, key)] : []), order(dir, id)],
        limit,
        offset,
      ),
    count: () => source.count(and(...where)),
  };
}

function productCells(db: Conn, ids: number[]): ProductCells[] {
  return ids.length === 0 ? [] : db.select(productColumns).from(products).where(inArray(products.id, ids)).all();
}

/** Every sort but Salable Quantity: one segment over products, by the column then id. */
function productSegment(db: Conn, query: ProductGridQuery, sortKey: SQL | AnySQLiteColumn | null): Segment {
  const from = (where: SQL | undefined) => {
    const q = db.select(rowFields(sortKey ?? products.id)).from(products).$dynamic();
    const joined = needsSalableJoin(query)
      ? q.leftJoin(salableIndex, defaultStockRow()).leftJoin(effectiveInventory, eq(effectiveInventory.productId, products.id))
      : q;
    return joined.where(where);
  };
  return segment(
    0,
    {
      rows: (where, by, limit, offset) => from(where).orderBy(...by).limit(limit).offset(offset).all(),
      count: (where) => db.select({ n: count() }).from(from(where).as("segment")).get()?.n ?? 0,
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
function salableSegments(db: Conn, query: ProductGridQuery): Segment[] {
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
        rows: (where, by, limit, offset) => {
          const keys = trackedKeys(where).orderBy(...by).limit(limit).offset(offset).all();
          const cells = new Map(productCells(db, keys.map((k) => k.id)).map((row) => [row.id, row]));
          return keys.map((k) => ({ ...cells.get(k.id)!, sortKey: k.salableQty }));
        },
        count: (where) => db.select({ n: count() }).from(trackedKeys(where).as("segment")).get()?.n ?? 0,
      },
      [eq(salableIndex.stockId, DEFAULT_STOCK_ID), eq(effectiveInventory.manageStock, true), ...filters],
      salableIndex.salableQty,
      salableIndex.productId,
    ),
    segment(
      1,
      {
        rows: (where, by, limit, offset) => untracked(where).orderBy(...by).limit(limit).offset(offset).all(),
        count: (where) => db.select({ n: count() }).from(untracked(where).as("segment")).get()?.n ?? 0,
      },
      [or(eq(effectiveInventory.manageStock, false), isNull(salableIndex.productId)), ...filters],
      null,
      products.id,
    ),
  ];
}

interface Placed {
  row: KeyedRow;
  cursor: Cursor;
}

/**
 * Up to `want` rows from a cursor (exclusive) or an offset, segment after segment. A segment's
 * rows are counted only when a typed page number starts beyond it.
 */
function walk(segments: Segment[], dir: Dir, from: Cursor | undefined, offset: number, want: number): Placed[] {
  const placed: Placed[] = [];
  let skip = offset;
  const start = from ? Math.max(0, segments.findIndex((s) => s.seg === from.seg)) : 0;
  for (let i = start; i < segments.length && placed.length < want; i++) {
    const segment = segments[i];
    const after = from && segment.seg === from.seg ? from : undefined;
    const rows = segment.rows(dir, after, want - placed.length, skip);
    skip = rows.length === 0 && skip > 0 ? Math.max(0, skip - segment.count()) : 0;
    for (const row of rows) placed.push({ row, cursor: { seg: segment.seg, key: row.sortKey, id: row.id } });
  }
  return placed;
}

async function countProducts(db: Conn, query: ProductGridQuery): Promise<number> {
  if (!query.q && Object.values(query.filters).every((v) => v === undefined)) {
    // No WHERE: SQLite counts b-tree pages, not rows, so this stays cheap at any catalog size.
    return db.select({ n: count() }).from(products).get()?.n ?? 0;
  }
  const q = db.select({ n: count() }).from(products).$dynamic();
  const joined = needsSalableJoin(query)
    ? q.leftJoin(salableIndex, defaultStockRow()).leftJoin(effectiveInventory, eq(effectiveInventory.productId, products.id))
    : q;
  return joined.where(and(...filterConditions(query))).get()?.n ?? 0;
}

/**
 * One page of Catalog > Products: search, filters, sorting and paging in SQL. Next / Previous
 * follow keyset cursors, so a page deep in a large catalog costs what the first one does; a page
 * typed by number is found by offset. The page's quantities and salable figures are then read
 * in one query each.
 */
export async function listProductGrid(db: Conn, query: ProductGridQuery): Promise<ProductGridPage> {
  const total = await countProducts(db, query);
  const pages = Math.max(1, Math.ceil(total / query.limit));
  const segments =
    query.sort === "salable_qty" ? salableSegments(db, query) : [productSegment(db, query, PRODUCT_SORT_KEYS[query.sort])];
  const flip: Dir = query.dir === "asc" ? "desc" : "asc";
  const after = decodeCursor(query.after);
  const before = decodeCursor(query.before);

  // Next / Previous carry a cursor: read from it, whatever the page number says.
  let placed: Placed[] | null = null;
  let hasNext = false;
  let page = Math.min(query.page, pages);
  if (query.page > 1 && after) {
    const rows = walk(segments, query.dir, after, 0, query.limit + 1);
    if (rows.length > 0) {
      placed = rows.slice(0, query.limit);
      hasNext = rows.length > query.limit;
      page = query.page;
    }
  } else if (query.page > 1 && before) {
    const back = walk([...segments].reverse(), flip, before, 0, query.limit + 1);
    // More than a page before the cursor: not the first page. Otherwise it is the first.
    if (back.length > query.limit) {
      placed = back.slice(0, query.limit).reverse();
      hasNext = true;
      page = query.page;
    } else {
      page = 1;
    }
  }
  if (!placed) {
    const rows = walk(segments, query.dir, undefined, (page - 1) * query.limit, query.limit + 1);
    placed = rows.slice(0, query.limit);
    hasNext = rows.length > query.limit;
  }

  return {
    rows: withCells(
      db,
      placed.map(({ row: { sortKey: _sortKey, ...cells } }) => cells),
    ),
    total,
    page,
    pages: Math.max(pages, page),
    nextCursor: hasNext ? encodeCursor(placed[placed.length - 1].cursor) : null,
    prevCursor: page > 1 && placed.length > 0 ? encodeCursor(placed[0].cursor) : null,
  };
}

/** Quantity per Source and Salable Quantity for a page of products: one query each. */
function withCells(db: Conn, rows: ProductCells[]): GridRow[] {
  if (rows.length === 0) return [];
  const quantities = db
    .select({ sku: sourceItems.sku, source: sources.name, quantity: sourceItems.quantity })
    .from(sourceItems)
    .innerJoin(sources, eq(sources.code, sourceItems.sourceCode))
    .where(inArray(sourceItems.sku, rows.map((r) => r.sku)))
    .orderBy(asc(sources.name))
    .all();
  const salable = db
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
    .orderBy(asc(salableIndex.stockId))
    .all();
  return rows.map((row) => ({
    ...row,
    quantities: quantities.filter((q) => q.sku === row.sku).map((q) => ({ source: q.source, qty: formatQty(q.quantity) })),
    salable: salable
      .filter((s) => s.productId === row.id)
      .map((s) => ({ stock: s.stock, qty: salableFigureLabel(s.manageStock, s.salableQty) })),
  }));
}

// ── The product page ─────────────────────────────────────────────────────────────────────────

interface ProductSourceItem {
  sourceCode: string;
  sourceName: string;
  sourceEnabled: boolean;
  quantity: number;
  status: SourceItemStatus;
  statusAutomatic: boolean;
  /** null = "Use Default" (inventory-rules §9). */
  notifyStockQty: number | null;
}

export interface ProductFormData {
  /** What the form shows: a field on "Use Config Settings" holds the current global value. */
  values: ProductFormInput;
  singleSourceMode: boolean;
  /** The configuration the panel's disabled inputs and notes read (inventory-rules §1.3). */
  config: ResolvedConfig;
  /**
   * Multi-source mode: the form's assigned-sources rows (a "Use Default" Notify Qty holds the
   * product's effective value, shown disabled) and every source, to assign; empty otherwise.
   */
  assignedSources: SourceAssignmentInput[];
  sources: SourceOption[];
}

export interface ProductEditData extends ProductFormData {
  id: number;
  /** ISO 8601 UTC times of creation and of the last save. */
  createdAt: string;
  updatedAt: string;
  values: StoredFormValues;
  lock: ProductLock;
  sourceItems: ProductSourceItem[];
  /** The default source item was set Out of Stock by inventory-rules §8, not by an admin. */
  statusAutomatic: boolean;
  /** "Product Salable Quantity": per stock the product is assigned to, lib/inventory's label. */
  salable: { stockId: number; stockName: string; qty: string }[];
}

async function listProductSourceItems(db: Conn, sku: string): Promise<ProductSourceItem[]> {
  return db
    .select({
      sourceCode: sourceItems.sourceCode,
      sourceName: sources.name,
      sourceEnabled: sources.enabled,
      quantity: sourceItems.quantity,
      status: sql<SourceItemStatus>`${sourceItems.status}`,
      statusAutomatic: sourceItems.statusAutomatic,
      notifyStockQty: sourceItems.notifyStockQty,
    })
    .from(sourceItems)
    .innerJoin(sources, eq(sources.code, sourceItems.sourceCode))
    .where(eq(sourceItems.sku, sku))
    .orderBy(asc(sources.name))
    .all();
}

/** The product's source items as the form's rows; "Use Default" shows the effective Notify Qty (inventory-rules §9). */
function assignmentRows(items: readonly Omit<ProductSourceItem, "sourceName" | "sourceEnabled" | "statusAutomatic">[], eff: EffectiveSettings) {
  return items.map(
    (item): SourceAssignmentInput => ({
      sourceCode: item.sourceCode,
      isInStock: item.status === 1,
      qty: item.quantity,
      notifyUseDefault: item.notifyStockQty === null,
      notifyStockQty: effectiveNotifyQty(item.notifyStockQty, eff),
    }),
  );
}

const sourceOptions = async (db: Conn): Promise<SourceOption[]> =>
  (await listAllSources(db)).map((s) => ({ code: s.code, name: s.name, enabled: s.enabled }));

/**
 * A new product's form: every "Use Config Settings" checked, showing the global values (spec
 * §1.2). In multi-source mode the default source is assigned (Qty 0, In Stock), as in Magento.
 */
export async function getNewProductForm(db: Conn): Promise<ProductFormData> {
  const config = await getGlobalConfig(db);
  const singleSourceMode = await isSingleSourceMode(db);
  const eff = effectiveSettings(DEFAULT_PRODUCT_SETTINGS, config.values, config.origins);
  return {
    values: {
      enabled: true,
      name: "",
      sku: "",
      price: "",
      typeId: "simple",
      stockItem: { qty: 0, isInStock: true, ...withGlobalValuesShown(DEFAULT_PRODUCT_SETTINGS, config.values) },
    },
    singleSourceMode,
    config,
    assignedSources: singleSourceMode ? [] : assignmentRows([newAssignment(DEFAULT_SOURCE_CODE)], eff),
    sources: singleSourceMode ? [] : (await sourceOptions(db)),
  };
}

/** A newly assigned source: Qty 0, In Stock, Notify Qty "Use Default" (Magento's defaults). */
function newAssignment(sourceCode: string) {
  return { sourceCode, quantity: 0, status: 1 as const, notifyStockQty: null };
}

/**
 * The product page of an existing product, in a fixed number of queries; null when unknown. The
 * REST API answers a product and its stock item from the same data, found by SKU.
 */
export async function getProductForEdit(db: Conn, by: { id: number } | { sku: string }): Promise<ProductEditData | null> {
  const state = await getProductInventoryState(db, by);
  if (!state) return null;
  const { product, settings, config, effective } = state;
  const id = product.id;
  const items = await listProductSourceItems(db, product.sku);
  const singleSourceMode = await isSingleSourceMode(db);
  const stored = storedValues(product, settings, items);
  return {
    id,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
    values: { ...stored, stockItem: { ...stored.stockItem, ...withGlobalValuesShown(settings, config.values) } },
    lock: { version: product.version, snapshot: lockSnapshot(stored, singleSourceMode, items) },
    singleSourceMode,
    config,
    assignedSources: singleSourceMode ? [] : assignmentRows(items, effective),
    sources: singleSourceMode ? [] : (await sourceOptions(db)),
    sourceItems: items,
    statusAutomatic: items.find((i) => i.sourceCode === DEFAULT_SOURCE_CODE)?.statusAutomatic ?? false,
    salable: state.stocks.map((s) => ({
      stockId: s.stockId,
      stockName: s.stockName,
      qty: salableQtyLabel(effective, s.snapshot),
    })),
  };
}

/** The form's values as stored; in multi-source mode the sources are `assignedSources`. */
type StoredFormValues = Omit<ProductFormValues, "sources">;

type StoredProduct = Pick<typeof products.$inferSelect, "enabled" | "name" | "sku" | "price" | "typeId">;

/** The form's values as stored; quantity and status are the default source item's (single-source mode). */
function storedValues(product: StoredProduct, settings: ProductInventorySettings, items: ProductSourceItem[]): StoredFormValues {
  const own = items.find((i) => i.sourceCode === DEFAULT_SOURCE_CODE);
  return {
    enabled: product.enabled,
    name: product.name,
    sku: product.sku,
    price: product.price,
    typeId: product.typeId,
    stockItem: { qty: own?.quantity ?? 0, isInStock: (own?.status ?? 0) === 1, ...settings },
  };
}

const yesNo = (v: boolean) => (v ? "Yes" : "No");
const statusLabel = (status: SourceItemStatus) => STOCK_STATUS_OPTIONS.find((o) => o.value === status)!.label;
/** Snapshot keys of assigned sources ("Source north"); a missing one reads "Not assigned". */
const SOURCE_KEY = "Source ";
const NOT_ASSIGNED = "Not assigned";
const labelOf = (field: string) => ADVANCED_INVENTORY_FIELDS.find((f) => f.field === field)!.label;

/**
 * What the product page shows, field by field, as the admin reads it: the lock a save is checked
 * against and the wording of what changed. A field on "Use Config Settings" reads as such, so a
 * configuration change is not mistaken for a change to the product.
 */
function lockSnapshot(
  values: StoredFormValues,
  singleSourceMode: boolean,
  items: readonly ProductSourceItem[],
): Record<string, string> {
  const item = values.stockItem;
  const snapshot: Record<string, string> = {
    "Enable Product": yesNo(values.enabled),
    "Product Name": values.name,
    SKU: values.sku,
    Price: formatQty(values.price),
  };
  if (singleSourceMode) {
    snapshot.Quantity = formatQty(item.qty);
    snapshot[labelOf("stockStatus")] = statusLabel(item.isInStock ? 1 : 0);
  } else {
    // Keyed by code: renaming a source elsewhere is not a change to this product.
    for (const source of items) {
      const notify = source.notifyStockQty === null ? "Use Default" : formatQty(source.notifyStockQty);
      snapshot[`${SOURCE_KEY}${source.sourceCode}`] =
        `Qty ${formatQty(source.quantity)}, ${statusLabel(source.status)}, Notify Qty ${notify}`;
    }
  }
  for (const field of Object.keys(USE_CONFIG_FLAGS) as OverridableField[]) {
    snapshot[labelOf(field)] = item[USE_CONFIG_FLAGS[field]] ? "Use Config Settings" : optionLabel(field, item[field]);
  }
  snapshot[labelOf("isQtyDecimal")] = yesNo(item.isQtyDecimal);
  snapshot[labelOf("isDecimalDivided")] = yesNo(item.isDecimalDivided);
  return snapshot;
}

export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

function diffSnapshots(before: Record<string, string>, after: Record<string, string>): FieldChange[] {
  const value = (snapshot: Record<string, string>, field: string) =>
    snapshot[field] ?? (field.startsWith(SOURCE_KEY) ? NOT_ASSIGNED : "");
  return [...new Set([...Object.keys(after), ...Object.keys(before)])]
    .filter((field) => value(before, field) !== value(after, field))
    .map((field) => ({ field, from: value(before, field), to: value(after, field) }));
}

export interface ProductPatch {
  sku?: string;
  name?: string;
  price?: number;
  enabled?: boolean;
  typeId?: "simple" | "virtual";
}

export interface SaveProductInput {
  /** The product to change; absent to create one. */
  id?: number;
  product: ProductPatch;
  /** Only the fields named change (a REST PUT of a stock item names a few). */
  stockItem?: Partial<StockItemValues>;
  /**
   * Multi-source mode, the product page: every source the product is assigned to, as the admin
   * left the grid (sources left out are unassigned). Absent: source items stay as they are.
   */
  sources?: SourceAssignment[];
  /** The product page's lock: refuse the save when the product changed since it was loaded. */
  lock?: ProductLock;
  actor: AuditEntry["actor"];
}

export interface SaveProductResult {
    id: number;
    version: number;
    created: boolean;
    /** lib/inventory's reason when inventory-rules §8 switched the stock status on this save. */
    statusReason: string | null;
    changes: FieldChange[];
}

export const SKU_RESERVED = "The SKU can't be changed while orders still reserve this product.";
export const MODE_CHANGED =
  "Sources were added or removed after you opened this page, so its quantity fields no longer apply. Nothing was saved. Reload the page, then make your changes again.";

/** The refusal of a stale save, naming what changed since the page was loaded. */
export function staleMessage(changes: FieldChange[]): string {
  const what =
    changes.length > 0
      ? `Someone else changed this product after you opened it: ${changes.map((c) => `${c.field} (${c.from} → ${c.to})`).join(", ")}.`
      : "Someone else saved this product after you opened it.";
  return `${what} Nothing was saved. Reload the page to see the current values, then make your changes again.`;
}

/**
 * Saves a product with its Advanced Inventory settings and, in single-source mode, its default
 * source item (quantity, and the stock status after inventory-rules §8), in one immediate transaction with
 * its audit entry and the salable index. With a lock, a product changed since it was loaded is
 * refused and nothing is written. The REST API saves through here too (partial stock items).
 */
export async function saveProduct(db: Conn, input: SaveProductInput): Promise<SaveProductResult> {
  return transaction(db, async (tx): Promise<SaveProductResult> => {
      const current = input.id === undefined ? null : await getProductInventoryState(tx, { id: input.id });
      if (input.id !== undefined && !current) throw productNotFound();
      const items = current ? await listProductSourceItems(tx, current.product.sku) : [];
      const singleSourceMode = await isSingleSourceMode(tx);
      const before = current ? storedValues(current.product, current.settings, items) : null;
      const beforeSnapshot = before ? lockSnapshot(before, singleSourceMode, items) : {};

      if (current && before && input.lock) {
        const changes = diffSnapshots(input.lock.snapshot, beforeSnapshot);
        if (changes.length > 0 || current.product.version !== input.lock.version) {
          throw new Refusal("stale", staleMessage(changes));
        }
      }

      const product: ProductPatch = { ...(before && productPart(before)), ...definedOnly(input.product) };
      const missing = (["sku", "name", "price"] as const).filter((field) => product[field] === undefined);
      if (missing.length > 0) {
        throw new Refusal("invalid", REQUIRED, { fieldErrors: Object.fromEntries(missing.map((f) => [f, REQUIRED])) });
      }
      const sku = product.sku!;
      const taken = tx
        .select({ id: products.id })
        .from(products)
        .where(and(eq(products.sku, sku), input.id === undefined ? undefined : ne(products.id, input.id)))
        .get();
      if (taken) throw invalid(SKU_TAKEN, {}, "sku");
      if (current && sku !== current.product.sku && await hasOpenReservations(tx, current.product.sku)) {
        // Reservations are keyed by SKU and append-only: renaming would free what orders hold.
        throw invalid(SKU_RESERVED, {}, "sku");
      }
      if (input.sources) {
        // The page was rendered in multi-source mode; in single-source mode Quantity applies.
        if (singleSourceMode) throw new Refusal("stale", MODE_CHANGED);
        const unknown = new Set(await missingSourceCodes(tx, input.sources.map((s) => s.sourceCode)));
        const fieldErrors = Object.fromEntries(
          input.sources.flatMap((s, i) => (unknown.has(s.sourceCode) ? [[`sources.${i}.sourceCode`, sourceNotFound(s.sourceCode).message]] : [])),
        );
        if (unknown.size > 0) throw new Refusal("invalid", Object.values(fieldErrors)[0], { fieldErrors });
      }

      // A new product starts on "Use Config Settings" everywhere (inventory-rules §1.2), In Stock with 0.
      const stockItem = {
        ...(before?.stockItem ?? { qty: 0, isInStock: true, ...DEFAULT_PRODUCT_SETTINGS }),
        ...definedOnly(input.stockItem ?? {}),
      };
      const { qty, isInStock, ...settings } = stockItem;
      const row = {
        sku,
        name: product.name!,
        price: product.price!,
        enabled: product.enabled ?? true,
        typeId: product.typeId ?? ("simple" as const),
      };
      const version = (current?.product.version ?? 0) + 1;
      let id: number;
      if (current) {
        id = current.product.id;
        tx.update(products)
          .set({ ...row, version, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` })
          .where(eq(products.id, id))
          .run();
      } else {
        id = tx.insert(products).values({ ...row, version }).returning({ id: products.id }).get().id;
      }
      tx.insert(productInventory)
        .values({ productId: id, ...settings })
        .onConflictDoUpdate({ target: productInventory.productId, set: settings })
        .run();

      let statusReason: string | null = null;
      if (singleSourceMode) {
        const config = await getGlobalConfig(tx);
        const eff = effectiveSettings(settings, config.values, config.origins);
        const own = items.find((i) => i.sourceCode === DEFAULT_SOURCE_CODE);
        const decision = statusOnProductSave({
          manageStock: eff.manageStock.value,
          backorders: eff.backorders.value,
          qty,
          effectiveThreshold: eff.effectiveMinQty,
          requestedStatus: isInStock ? 1 : 0,
          wasAutomatic: own?.statusAutomatic ?? false,
        });
        statusReason = decision.reason;
        const item = { quantity: qty, status: decision.status, statusAutomatic: decision.automatic };
        tx.insert(sourceItems)
          .values({ sku, sourceCode: DEFAULT_SOURCE_CODE, ...item })
          .onConflictDoUpdate({ target: [sourceItems.sku, sourceItems.sourceCode], set: item })
          .run();
      } else if (input.sources) {
        await writeAssignedSources(tx, sku, items, input.sources);
      }

      const saved = (await getProductInventoryState(tx, { id }))!;
      const savedItems = await listProductSourceItems(tx, sku);
      const after = storedValues(saved.product, saved.settings, savedItems);
      const changes = diffSnapshots(beforeSnapshot, lockSnapshot(after, singleSourceMode, savedItems));
      await writeAudit(tx, {
        actor: input.actor,
        action: current ? "product_saved" : "product_created",
        entityType: "product",
        entityId: id,
        details: { sku, version, changes, ...(statusReason ? { stockStatus: statusReason } : {}) },
      });
      await refreshInventoryIndex(tx, [id]);
      return { id, version, created: !current, statusReason, changes };
    },
  );
}

/**
 * Multi-source mode: the product's source items become exactly `assigned` (new ones created,
 * the rest updated, those left out unassigned). Inventory-rules §8 switches statuses only in single-source
 * mode, so the status is the admin's; an automatic Out of Stock the admin left alone stays
 * automatic. Reservations are per stock, so unassigning never touches them.
 */
async function writeAssignedSources(tx: Conn, sku: string, before: readonly ProductSourceItem[], assigned: readonly SourceAssignment[]) {
  const stored = new Map(before.map((item) => [item.sourceCode, item]));
  for (const source of assigned) {
    const status: SourceItemStatus = source.isInStock ? 1 : 0;
    const old = stored.get(source.sourceCode);
    const item = {
      quantity: round4(source.qty),
      status,
      statusAutomatic: !!old && old.statusAutomatic && old.status === status,
      notifyStockQty: source.notifyStockQty === null ? null : round4(source.notifyStockQty),
    };
    tx.insert(sourceItems)
      .values({ sku, sourceCode: source.sourceCode, ...item })
      .onConflictDoUpdate({ target: [sourceItems.sku, sourceItems.sourceCode], set: item })
      .run();
  }
  tx.delete(sourceItems)
    .where(and(eq(sourceItems.sku, sku), notInArray(sourceItems.sourceCode, assigned.map((s) => s.sourceCode))))
    .run();
}

export const PRODUCT_RESERVED = "The product can't be deleted while orders still reserve it. Ship or cancel them first.";

/**
 * Deletes a product with its Advanced Inventory settings, source items and index rows (the
 * foreign keys cascade), with its audit entry, in one immediate transaction. Orders keep their
 * lines. Refused while orders still reserve the SKU: reservations are keyed by SKU, so a product
 * created later under the same SKU would inherit them.
 */
export async function deleteProduct(db: Conn, sku: string, actor: AuditEntry["actor"]): Promise<void> {
  await transaction(db, async (tx) => {
      const product = tx.select({ id: products.id }).from(products).where(eq(products.sku, sku)).get();
      if (!product) throw productNotFound();
      if (await hasOpenReservations(tx, sku)) throw invalid(PRODUCT_RESERVED);
      tx.delete(products).where(eq(products.id, product.id)).run();
      await writeAudit(tx, { actor, action: "product_deleted", entityType: "product", entityId: product.id, details: { sku } });
    },
  );
}

function productPart({ stockItem: _stockItem, ...product }: StoredFormValues): ProductPatch {
  return product;
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

async function hasOpenReservations(db: Conn, sku: string): Promise<boolean> {
  return !!db
    .select({ sku: reservationTotals.sku })
    .from(reservationTotals)
    .where(and(eq(reservationTotals.sku, sku), ne(reservationTotals.quantity, 0)))
    .get();
}
