import { and, asc, count, eq, gt, lt, sql } from "drizzle-orm";
import type { Conn } from "../connection";
import { effectiveInventory, products, sourceItems, sources } from "../schema";

/**
 * Inventory-rules §9 as a SQL filter, so the report pages and counts in SQL: enabled source, In Stock,
 * quantity > 0 and quantity < notify qty, where notify qty is the source item's own value or the
 * product's effective Notify for Quantity Below (effective_inventory, computed by lib/inventory).
 * Items of products with Manage Stock = No are left out: their quantity is not tracked.
 * A unit test checks this filter against lib/inventory's isLowStock on the same data.
 */
const lowStockNotifyQty = sql<number>`coalesce(${sourceItems.notifyStockQty}, ${effectiveInventory.notifyStockQty})`;

export function lowStockQuery(db: Conn) {
  return db
    .select({
      productId: products.id,
      productName: products.name,
      sku: sourceItems.sku,
      quantity: sourceItems.quantity,
      sourceCode: sourceItems.sourceCode,
      notifyQty: lowStockNotifyQty,
    })
    .from(sourceItems)
    .innerJoin(sources, eq(sources.code, sourceItems.sourceCode))
    .innerJoin(products, eq(products.sku, sourceItems.sku))
    .innerJoin(effectiveInventory, eq(effectiveInventory.productId, products.id))
    .where(lowStockCondition())
    .$dynamic();
}

function lowStockCondition() {
  return and(
    eq(sources.enabled, true),
    eq(sourceItems.status, 1),
    eq(effectiveInventory.manageStock, true),
    gt(sourceItems.quantity, 0),
    lt(sourceItems.quantity, lowStockNotifyQty),
  );
}

export async function countLowStock(db: Conn): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(sourceItems)
    .innerJoin(sources, eq(sources.code, sourceItems.sourceCode))
    .innerJoin(products, eq(products.sku, sourceItems.sku))
    .innerJoin(effectiveInventory, eq(effectiveInventory.productId, products.id))
    .where(lowStockCondition());
  return n;
}

export interface LowStockCursor {
  quantity: number;
  sku: string;
  sourceCode: string;
}

/**
 * One page of the report in inventory-rules §9's order: quantity ascending, then SKU and source for a stable
 * order. `after` pages by keyset (the export walks the whole report without OFFSET scans).
 */
export async function listLowStock(db: Conn, page: { limit: number; offset?: number; after?: LowStockCursor }) {
  const query = lowStockQuery(db);
  if (page.after) {
    const { quantity, sku, sourceCode } = page.after;
    query.where(
      and(
        lowStockCondition(),
        sql`(${sourceItems.quantity}, ${sourceItems.sku}, ${sourceItems.sourceCode}) > (${quantity}, ${sku}, ${sourceCode})`,
      ),
    );
  }
  return await query
    .orderBy(asc(sourceItems.quantity), asc(sourceItems.sku), asc(sourceItems.sourceCode))
    .limit(page.limit)
    .offset(page.offset ?? 0);
}
