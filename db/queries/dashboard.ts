import { and, count, eq, sql } from "drizzle-orm";
import type { Conn } from "../connection";
import { effectiveInventory, products, salableIndex, stocks, stockSalesChannels, websites } from "../schema";
import { countLowStock } from "./low-stock";

export interface DashboardFigures {
  stockName: string;
  products: number;
  salable: number;
  outOfStock: number;
  lowStock: number;
  unitsOnBackorder: number;
  noManageStock: number;
}

/** The stock that sells to a website (a website sells from exactly one stock). */
export async function getWebsiteStock(db: Conn, websiteId: number) {
  const [stock] = await db
    .select({ id: stocks.id, name: stocks.name })
    .from(websites)
    .innerJoin(stockSalesChannels, eq(stockSalesChannels.code, websites.code))
    .innerJoin(stocks, eq(stocks.id, stockSalesChannels.stockId))
    .where(eq(websites.id, websiteId))
    .limit(1);
  return stock ?? null;
}

/**
 * Catalog figures for the Main Website's stock, aggregated in SQL over the salable index that
 * lib/inventory wrote: a catalog of any size costs the same few queries.
 */
export async function getDashboardFigures(db: Conn, websiteId = 1): Promise<DashboardFigures> {
  const stock = await getWebsiteStock(db, websiteId) ?? { id: 1, name: "Default Stock" };
  // sum() of an integer column is a bigint on PostgreSQL, which pg hands back as a string.
  const [totals] = await db
    .select({
      salable: sql<number>`coalesce(sum(${salableIndex.isSalable}), 0)`.mapWith(Number),
      backordered: sql<number>`coalesce(sum(${salableIndex.backorderedQty}), 0)`.mapWith(Number),
    })
    .from(salableIndex)
    .where(eq(salableIndex.stockId, stock.id));
  const [{ n: productCount }] = await db.select({ n: count() }).from(products);
  const [{ n: noManageStock }] = await db
    .select({ n: count() })
    .from(effectiveInventory)
    .where(and(eq(effectiveInventory.manageStock, false)));
  const salable = totals?.salable ?? 0;
  return {
    stockName: stock.name,
    products: productCount,
    salable,
    // Not salable includes products not assigned to the stock at all (inventory-rules §2 "not assigned").
    outOfStock: productCount - salable,
    lowStock: await countLowStock(db),
    unitsOnBackorder: totals?.backordered ?? 0,
    noManageStock,
  };
}
