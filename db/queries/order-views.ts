// Orders as the admin reads them: one order with its lines, the orders grid, shipments, credit memos.
import { and, asc, count, desc, eq, inArray, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { qtyToRefund, type OrderStatus } from "@/lib/inventory";
import { joinedText, type Conn } from "../connection";
import {
adminUsers,
creditmemoItems,
creditmemos,
orderItems,
orders,productInventory,
shipmentItems,
shipments,sources,
stockSourceLinks,
stores
} from "../schema";
import { getGlobalConfig } from "./inventory";


export interface OrderItemView {
  id: number;
  productId: number | null;
  sku: string;
  name: string;
  price: number;
  qtyOrdered: number;
  qtyBackordered: number;
  qtyCanceled: number;
  qtyShipped: number;
  qtyRefunded: number;
  manageStock: boolean;
}

/** Where an order was placed: the storefront preview (a signed-in admin) or the REST API (a token). */
export type OrderChannel = NonNullable<typeof orders.$inferSelect.placedVia>;

export interface OrderView {
  id: number;
  incrementId: string;
  storeId: number;
  storeName: string;
  stockId: number;
  status: OrderStatus;
  canSubtract: boolean;
  /** The username of the admin who placed it, and where; null on orders from before this was recorded. */
  placedBy: string | null;
  placedVia: OrderChannel | null;
  createdAt: string;
  items: OrderItemView[];
}


/** An order with its lines, or null. */
export async function getOrder(db: Conn, id: number): Promise<OrderView | null> {
  const [order] = await db
    .select({
      id: orders.id,
      incrementId: orders.incrementId,
      storeId: orders.storeId,
      storeName: stores.name,
      stockId: orders.stockId,
      status: orders.status,
      canSubtract: orders.canSubtract,
      placedBy: adminUsers.username,
      placedVia: orders.placedVia,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .innerJoin(stores, eq(stores.id, orders.storeId))
    .leftJoin(adminUsers, eq(adminUsers.id, orders.placedByUserId))
    .where(eq(orders.id, id))
    .limit(1);
  if (!order) return null;
  const items = await db
    .select({
      id: orderItems.id,
      productId: orderItems.productId,
      sku: orderItems.sku,
      name: orderItems.name,
      price: orderItems.price,
      qtyOrdered: orderItems.qtyOrdered,
      qtyBackordered: orderItems.qtyBackordered,
      qtyCanceled: orderItems.qtyCanceled,
      qtyShipped: orderItems.qtyShipped,
      qtyRefunded: orderItems.qtyRefunded,
      manageStock: orderItems.manageStock,
    })
    .from(orderItems)
    .where(eq(orderItems.orderId, id))
    .orderBy(asc(orderItems.id));
  return { ...order, status: order.status as OrderStatus, items };
}


/** Enabled sources linked to the stock, in priority order: where an order of that stock can ship from. */
export async function listShippingSources(db: Conn, stockId: number) {
  return db
    .select({ code: sources.code, name: sources.name })
    .from(stockSourceLinks)
    .innerJoin(sources, eq(sources.code, stockSourceLinks.sourceCode))
    .where(and(eq(stockSourceLinks.stockId, stockId), eq(sources.enabled, true)))
    .orderBy(asc(stockSourceLinks.priority), asc(sources.code));
}

export interface OrderShipment {
  id: number;
  sourceCode: string;
  sourceName: string;
  createdAt: string;
  totalQty: number;
}

export async function listOrderShipments(db: Conn, orderId: number): Promise<OrderShipment[]> {
  return db
    .select({
      id: shipments.id,
      sourceCode: shipments.sourceCode,
      sourceName: sources.name,
      createdAt: shipments.createdAt,
      totalQty: sql<number>`coalesce(sum(${shipmentItems.qty}), 0)`.mapWith(Number),
    })
    .from(shipments)
    .innerJoin(sources, eq(sources.code, shipments.sourceCode))
    .leftJoin(shipmentItems, eq(shipmentItems.shipmentId, shipments.id))
    .where(eq(shipments.orderId, orderId))
    .groupBy(shipments.id, shipments.sourceCode, sources.name, shipments.createdAt)
    .orderBy(asc(shipments.id));
}

/** A part of a refunded line (creditmemo_items): the units never shipped, or shipped units of one source. */
export interface CreditMemoPartView {
  sku: string;
  name: string;
  qty: number;
  shipped: boolean;
  backToStock: boolean;
  sourceCode: string | null;
  sourceName: string | null;
}

export interface CreditMemoView {
  id: number;
  createdAt: string;
  /** The admin who created it; null if that admin's row is gone. */
  createdBy: string | null;
  createdVia: (typeof creditmemos.$inferSelect)["createdVia"];
  parts: CreditMemoPartView[];
}

/** The order's credit memos, oldest first, each with its parts in the order they were written. */
export async function listOrderCreditMemos(db: Conn, orderId: number): Promise<CreditMemoView[]> {
  const memos = await db
    .select({ id: creditmemos.id, createdAt: creditmemos.createdAt, createdBy: adminUsers.username, createdVia: creditmemos.createdVia })
    .from(creditmemos)
    .leftJoin(adminUsers, eq(adminUsers.id, creditmemos.createdByUserId))
    .where(eq(creditmemos.orderId, orderId))
    .orderBy(asc(creditmemos.id));
  if (memos.length === 0) return [];
  const parts = await db
    .select({
      creditmemoId: creditmemoItems.creditmemoId,
      sku: orderItems.sku,
      name: orderItems.name,
      qty: creditmemoItems.qty,
      shipped: creditmemoItems.shipped,
      backToStock: creditmemoItems.backToStock,
      sourceCode: creditmemoItems.sourceCode,
      sourceName: sources.name,
    })
    .from(creditmemoItems)
    .innerJoin(orderItems, eq(orderItems.id, creditmemoItems.orderItemId))
    .leftJoin(sources, eq(sources.code, creditmemoItems.sourceCode))
    .where(inArray(creditmemoItems.creditmemoId, memos.map((m) => m.id)))
    .orderBy(asc(creditmemoItems.id));
  return memos.map((memo) => ({
    ...memo,
    parts: parts.filter((p) => p.creditmemoId === memo.id).map(({ creditmemoId: _id, ...part }) => part),
  }));
}

/**
 * Whether each line takes decimal quantities: its product's Qty Uses Decimals, or, when the
 * product is gone, whether the line was ordered in decimals.
 */
export async function lineUsesDecimals(db: Conn, items: readonly OrderItemView[]): Promise<Map<number, boolean>> {
  const productIds = items.flatMap((item) => (item.productId === null ? [] : [item.productId]));
  const rows =
    productIds.length === 0
      ? []
      : await db
          .select({ productId: productInventory.productId, isQtyDecimal: productInventory.isQtyDecimal })
          .from(productInventory)
          .where(inArray(productInventory.productId, productIds));
  const byProduct = new Map(rows.map((r) => [r.productId, r.isQtyDecimal]));
  return new Map(
    items.map((item) => [item.id, (item.productId === null ? undefined : byProduct.get(item.productId)) ?? !Number.isInteger(item.qtyOrdered)]),
  );
}

interface CreditMemoFormLine extends OrderItemView {
  qtyToRefund: number;
  isQtyDecimal: boolean;
}

export interface CreditMemoFormData {
  order: OrderView;
  /** The lines with something left to refund. */
  lines: CreditMemoFormLine[];
  /** Automatically Return Credit Memo Item to Stock: "Return to Stock" starts ticked (inventory-rules §1.1). */
  autoReturn: boolean;
}

/** What the New Credit Memo page shows; null for an unknown order. */
export async function getCreditMemoFormData(db: Conn, orderId: number): Promise<CreditMemoFormData | null> {
  const order = await getOrder(db, orderId);
  if (!order) return null;
  const decimals = await lineUsesDecimals(db, order.items);
  const lines = order.items
    .map((item) => ({ ...item, qtyToRefund: qtyToRefund(item), isQtyDecimal: decimals.get(item.id)! }))
    .filter((line) => line.qtyToRefund > 0);
  return { order, lines, autoReturn: (await getGlobalConfig(db)).values.autoReturn };
}

// ── Sales > Orders grid ──

export const ORDER_SORTS = ["increment_id", "created_at", "skus", "ordered", "backordered", "status"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

const itemsOf = (column: SQL) => sql`(SELECT ${column} FROM ${orderItems} WHERE ${orderItems.orderId} = ${orders.id})`;
/**
 * The order's SKUs in line order. joinedText takes no ORDER BY, and without one PostgreSQL joins
 * the lines in whatever order it reads them (an updated line moves): both engines accept this form.
 */
const skusColumn = (db: Conn) =>
  sql<string | null>`${itemsOf(
    joinedText(db, sql`${orderItems.sku}`, ", ", sql`${orderItems.id}`),
  )}`;
const orderedColumn = sql<number>`${itemsOf(sql`coalesce(sum(${orderItems.qtyOrdered}), 0)`)}`.mapWith(Number);
const backorderedColumn = sql<number>`${itemsOf(sql`coalesce(sum(${orderItems.qtyBackordered}), 0)`)}`.mapWith(Number);

const sortColumns = (db: Conn): Record<OrderSort, SQL | AnyColumn> => ({
  increment_id: orders.incrementId,
  created_at: orders.createdAt,
  skus: skusColumn(db),
  ordered: orderedColumn,
  backordered: backorderedColumn,
  status: orders.status,
});

export interface OrderGridRow {
  id: number;
  incrementId: string;
  createdAt: string;
  skus: string;
  ordered: number;
  backordered: number;
  status: OrderView["status"];
}

/**
 * One page of orders, sorted and paged in SQL. The line figures are per-order subqueries, so
 * sorting by date or number walks an index and only the page's orders are summed.
 */
export async function listOrders(
  db: Conn,
  opts: { sort: OrderSort; dir: "asc" | "desc"; limit: number; offset: number },
): Promise<{ rows: OrderGridRow[]; total: number }> {
  const order = opts.dir === "asc" ? asc : desc;
  const rows = await db
    .select({
      id: orders.id,
      incrementId: orders.incrementId,
      createdAt: orders.createdAt,
      skus: skusColumn(db),
      ordered: orderedColumn,
      backordered: backorderedColumn,
      status: orders.status,
    })
    .from(orders)
    .orderBy(order(sortColumns(db)[opts.sort]), order(orders.id))
    .limit(opts.limit)
    .offset(opts.offset);
  const [{ n: total }] = await db.select({ n: count() }).from(orders);
  return { rows: rows.map((r) => ({ ...r, skus: r.skus ?? "" })), total };
}
