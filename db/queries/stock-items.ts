import { and, asc, count, eq, lte, sql } from "drizzle-orm";
import { withGlobalValuesShown } from "@/lib/inventory";
import type { StockItemValues } from "@/lib/validation/product";
import type { LowStockItemsQuery } from "@/lib/validation/msi";
import type { Conn } from "../connection";
import { productInventory, products, sourceItems } from "../schema";
import { getGlobalConfig, toProductSettings } from "./inventory";
import { DEFAULT_SOURCE_CODE } from "./sources";

/**
 * Magento's legacy stock items (Magento\CatalogInventory): one per product, whose qty and
 * is_in_stock are the default source item's (0 and Out of Stock without one), as Magento keeps
 * them in step with that item.
 */
export interface LegacyStockItem {
  id: number;
  values: { stockItem: StockItemValues };
  /** The default source item was set Out of Stock by inventory-rules §8, not by an admin. */
  statusAutomatic: boolean;
}

const legacyQty = sql<number>`coalesce(${sourceItems.quantity}, 0)`;

/**
 * Magento's StockRegistry::getLowStockItems: the stock items whose qty is at most `qty`, by
 * product id, one page (`pageSize` 0: all of them) and the number of all that match. Settings on
 * "Use Config Settings" show the configured value, as GET stockItems/{sku} does.
 */
export async function listLowStockItems(db: Conn, query: LowStockItemsQuery): Promise<{ items: LegacyStockItem[]; total: number }> {
  const defaultItem = and(eq(sourceItems.sku, products.sku), eq(sourceItems.sourceCode, DEFAULT_SOURCE_CODE));
  const matching = lte(legacyQty, query.qty);
  const [{ n: total }] = await db
    .select({ n: count() })
    .from(products)
    .leftJoin(sourceItems, defaultItem)
    .where(matching);
  const page = db
    .select({
      id: products.id,
      inventory: productInventory,
      quantity: legacyQty,
      status: sourceItems.status,
      statusAutomatic: sourceItems.statusAutomatic,
    })
    .from(products)
    .innerJoin(productInventory, eq(productInventory.productId, products.id))
    .leftJoin(sourceItems, defaultItem)
    .where(matching)
    .orderBy(asc(products.id))
    .$dynamic();
  const rows = await (query.pageSize === 0 ? page : page.limit(query.pageSize).offset((query.currentPage - 1) * query.pageSize));
  const { values: config } = await getGlobalConfig(db);
  return {
    items: rows.map((row) => ({
      id: row.id,
      values: {
        stockItem: {
          qty: Number(row.quantity),
          isInStock: row.status === 1,
          ...withGlobalValuesShown(toProductSettings(row.inventory), config),
        },
      },
      statusAutomatic: row.statusAutomatic ?? false,
    })),
    total,
  };
}
