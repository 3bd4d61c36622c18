import { and, asc, count, eq, sql } from "drizzle-orm";
import {
  effectiveNotifyQty,
  effectiveSettings,
  resolveConfig,
  type EffectiveSettings,
  type SellDownPlace,
  type ResolvedInventoryConfig,
  type StockSnapshot,
} from "@/lib/inventory";
import type { Conn } from "../connection";
import { productInventory, products, salableIndex, sourceItems, stockSourceLinks, stores } from "../schema";
import { getWebsiteStock } from "./dashboard";
import { listConfigRows, loadStockSnapshots, toProductSettings } from "./inventory";

/** What a SKU with no source item in the stock looks like: "not assigned" (inventory-rules §2). */
export const UNASSIGNED: StockSnapshot = { sourceItems: [], reserved: 0 };

export interface StoreView {
  id: number;
  code: string;
  name: string;
  websiteId: number;
  /** Magento's locale code of its storefront (en_US, nl_NL). */
  locale: string;
}

/** An active store view by its code, or null. */
async function getStoreView(db: Conn, code: string): Promise<StoreView | null> {
  const [store] = await db
    .select({ id: stores.id, code: stores.code, name: stores.name, websiteId: stores.websiteId, locale: stores.locale })
    .from(stores)
    .where(and(eq(stores.code, code), eq(stores.isActive, true)))
    .limit(1);
  return store ?? null;
}

export async function listStoreViews(db: Conn): Promise<StoreView[]> {
  return db
    .select({ id: stores.id, code: stores.code, name: stores.name, websiteId: stores.websiteId, locale: stores.locale })
    .from(stores)
    .where(eq(stores.isActive, true))
    .orderBy(asc(stores.id));
}

export interface StoreContext {
  store: StoreView;
  /** The stock the store's website sells from, or null when it has none (every SKU is then unassigned). */
  stockId: number | null;
  /** The configuration as this store view resolves it (inventory-rules §1.1 scopes). */
  config: ResolvedInventoryConfig;
}

/** The store view, its stock and its configuration; null for an unknown or inactive store code. */
export async function getStoreContext(db: Conn, storeCode: string): Promise<StoreContext | null> {
  const store = await getStoreView(db, storeCode);
  if (!store) return null;
  return {
    store,
    stockId: (await getWebsiteStock(db, store.websiteId))?.id ?? null,
    config: resolveConfig(await listConfigRows(db), { websiteId: store.websiteId, storeId: store.id }),
  };
}

interface StorefrontProduct {
  id: number;
  sku: string;
  name: string;
  price: number;
  enabled: boolean;
  eff: EffectiveSettings;
  snap: StockSnapshot;
}

type ProductRow = { products: typeof products.$inferSelect; product_inventory: typeof productInventory.$inferSelect };

/** Effective settings and the stock snapshot of each row: two queries for any number of rows. */
async function toStorefrontProducts(db: Conn, ctx: StoreContext, rows: ProductRow[]): Promise<StorefrontProduct[]> {
  const snapshots = await loadStockSnapshots(db, rows.map((r) => r.products.sku));
  return rows.map(({ products: p, product_inventory: inv }) => ({
    id: p.id,
    sku: p.sku,
    name: p.name,
    price: p.price,
    enabled: p.enabled,
    eff: effectiveSettings(toProductSettings(inv), ctx.config.values, ctx.config.origins),
    snap: (ctx.stockId !== null && snapshots.get(`${p.sku}|${ctx.stockId}`)) || UNASSIGNED,
  }));
}

export interface StorefrontProductPage extends StorefrontProduct {
  /**
   * Notify for Quantity Below for the stock: a lone source item's own value, else the product's
   * effective one (inventory-rules §9 "Use Default").
   */
  notifyQty: number;
}

/** One product as a store view's shopper sees it, in a fixed number of queries; null when unknown. */
export async function getStorefrontProduct(db: Conn, ctx: StoreContext, sku: string): Promise<StorefrontProductPage | null> {
  const [row] = await db
    .select()
    .from(products)
    .innerJoin(productInventory, eq(productInventory.productId, products.id))
    .where(eq(products.sku, sku))
    .limit(1);
  if (!row) return null;
  const [product] = await toStorefrontProducts(db, ctx, [row]);
  return { ...product, notifyQty: effectiveNotifyQty(await ownNotifyQty(db, sku, ctx.stockId), product.eff) };
}

/** A lone source item's own Notify Qty in the stock; null for "Use Default" or several items (inventory-rules §9). */
async function ownNotifyQty(db: Conn, sku: string, stockId: number | null): Promise<number | null> {
  if (stockId === null) return null;
  const values = await db
    .select({ notifyStockQty: sourceItems.notifyStockQty })
    .from(sourceItems)
    .innerJoin(stockSourceLinks, eq(stockSourceLinks.sourceCode, sourceItems.sourceCode))
    .where(and(eq(sourceItems.sku, sku), eq(stockSourceLinks.stockId, stockId)));
  return values.length === 1 ? values[0].notifyStockQty : null;
}

/**
 * A SKU where a store view sells it, for a sell-down chart drawn from the product's settings as
 * they are edited (the product page): everything but those settings. A fixed number of queries;
 * null for an unknown or inactive store view.
 */
export async function getSellDownPlace(db: Conn, sku: string, storeCode: string): Promise<SellDownPlace | null> {
  const ctx = await getStoreContext(db, storeCode);
  if (!ctx) return null;
  const stock = await getWebsiteStock(db, ctx.store.websiteId);
  return {
    storeName: ctx.store.name,
    stockName: stock?.name ?? null,
    snap: (stock && (await loadStockSnapshots(db, [sku])).get(`${sku}|${stock.id}`)) || UNASSIGNED,
    onlyXLeftThreshold: ctx.config.values.stockThresholdQty,
    displayStockStatus: ctx.config.values.displayProductStockStatus,
    ownNotifyQty: await ownNotifyQty(db, sku, stock?.id ?? null),
  };
}

export interface StorefrontListing {
  products: StorefrontProduct[];
  total: number;
}

/**
 * The store's product listing, paged in SQL: enabled products, and only salable ones unless
 * Display Out of Stock Products is Yes (inventory-rules §6). Salability comes from the salable index that
 * lib/inventory keeps, so the filter never loads the catalog.
 */
export async function listStorefrontProducts(
  db: Conn,
  ctx: StoreContext,
  page: { limit: number; offset: number },
): Promise<StorefrontListing> {
  const salable = ctx.stockId === null ? sql`0` : sql`coalesce(${salableIndex.isSalable}, 0)`;
  const where = and(eq(products.enabled, true), ctx.config.values.showOutOfStock ? undefined : sql`${salable} = 1`);
  const joinIndex = and(eq(salableIndex.productId, products.id), eq(salableIndex.stockId, ctx.stockId ?? -1));
  const rows = await db
    .select({ products, product_inventory: productInventory })
    .from(products)
    .innerJoin(productInventory, eq(productInventory.productId, products.id))
    .leftJoin(salableIndex, joinIndex)
    .where(where)
    .orderBy(asc(products.name), asc(products.id))
    .limit(page.limit)
    .offset(page.offset);
  const [{ n: total }] = await db.select({ n: count() }).from(products).leftJoin(salableIndex, joinIndex).where(where);
  return { products: await toStorefrontProducts(db, ctx, rows), total };
}
