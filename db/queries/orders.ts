import { and, asc, count, desc, eq, inArray, max, sql, type AnyColumn, type SQL } from "drizzle-orm";
import {
  backorderNotice,
  backorderQty,
  effectiveSettings,
  isSalableForRequestedQty,
  orderCanceledReservations,
  orderPlacedReservations,
  orderStatus,
  qtyToCancel,
  qtyToShip,
  round4,
  shipmentReservations,
  shipmentSourceDeduction,
  shopperMessage,
  shopperQtyMessage,
  type OrderStatus,
  type ReservationToAppend,
  type SalabilityError,
} from "@/lib/inventory";
import type { Tx } from "../client";
import {
  orderItems,
  orders,
  productInventory,
  products,
  reservations,
  shipmentItems,
  shipments,
  sourceItems,
  sources,
  stockSourceLinks,
  stores,
} from "../schema";
import { writeAudit, type AuditEntry } from "./audit";
import { loadStockSnapshots, productIdsForSkus, refreshInventoryIndex, toProductSettings } from "./inventory";
import { getStoreContext, UNASSIGNED } from "./storefront";

// Magento's own wording for these refusals.
export const STORE_NOT_FOUND = "The store that was requested wasn't found. Verify the store and try again.";
export const PRODUCT_NOT_FOUND = "The product that was requested doesn't exist. Verify the product and try again.";
export const PRODUCT_NOT_AVAILABLE = "Product that you are trying to add is not available.";
export const ORDER_NOT_FOUND = "This order no longer exists.";
export const CANNOT_CANCEL = "You have not canceled the item.";
export const CANNOT_SHIP = "The order does not allow a shipment to be created.";

export type OrderFailure =
  | { ok: false; reason: "store_not_found" | "order_not_found"; message: string }
  | { ok: false; reason: "product_not_found"; sku: string; message: string }
  /** Spec §4 refused the line: `message` is what the shopper sees (the last error). */
  | { ok: false; reason: "not_salable"; sku: string; message: string; errors: SalabilityError[] }
  | { ok: false; reason: "source_not_found" | "not_allowed" | "not_enough_source_qty"; message: string };

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

export interface OrderView {
  id: number;
  incrementId: string;
  storeId: number;
  storeName: string;
  stockId: number;
  status: OrderStatus | "closed";
  canSubtract: boolean;
  createdAt: string;
  items: OrderItemView[];
}

export interface OrderLineInput {
  sku: string;
  qty: number;
}

export interface PlaceOrderInput {
  storeCode: string;
  items: OrderLineInput[];
}

export type PlaceOrderResult =
  | {
      ok: true;
      order: OrderView;
      /** Spec §5 backorder notices (Notify Customer mode), one per line that needs one. */
      notices: string[];
    }
  | OrderFailure;

/**
 * Lines of the same SKU are one cart line, as in Magento's cart. The sum is not rounded: §4
 * checks decimals on the quantities as requested (2.00004 is not whole), and the order stores
 * them at 4 decimals.
 */
function mergeLines(items: readonly OrderLineInput[]): OrderLineInput[] {
  const bySku = new Map<string, number>();
  for (const item of items) bySku.set(item.sku, (bySku.get(item.sku) ?? 0) + item.qty);
  return [...bySku].map(([sku, qty]) => ({ sku, qty }));
}

function appendReservations(db: Tx, rows: ReservationToAppend[]): void {
  if (rows.length === 0) return;
  db.insert(reservations)
    .values(rows.map((r) => ({ stockId: r.stockId, sku: r.sku, quantity: r.quantity, metadata: JSON.stringify(r.metadata) })))
    .run();
}

/**
 * Places an order in ONE immediate transaction (spec §4, §5, §7): each line is checked with
 * lib/inventory against the stock as it is inside the write lock, and only when every line
 * passes are the order, its lines (with qty_backordered) and its reservations written, so
 * concurrent shoppers can never oversell. A refusal stores nothing.
 */
export function placeOrder(db: Tx, input: PlaceOrderInput): PlaceOrderResult {
  const lines = mergeLines(input.items);
  if (lines.length === 0) throw new Error("An order needs at least one line.");
  return db.transaction(
    (tx): PlaceOrderResult => {
      const ctx = getStoreContext(tx, input.storeCode);
      if (!ctx) return { ok: false, reason: "store_not_found", message: STORE_NOT_FOUND };
      const skus = lines.map((l) => l.sku);
      const rows = tx
        .select()
        .from(products)
        .innerJoin(productInventory, eq(productInventory.productId, products.id))
        .where(inArray(products.sku, skus))
        .all();
      const bySku = new Map(rows.map((r) => [r.products.sku, r]));
      const snapshots = loadStockSnapshots(tx, skus);
      const { values: config, origins } = ctx.config;

      const accepted = [];
      for (const line of lines) {
        const row = bySku.get(line.sku);
        if (!row) return { ok: false, reason: "product_not_found", sku: line.sku, message: PRODUCT_NOT_FOUND };
        const eff = effectiveSettings(toProductSettings(row.product_inventory), config, origins);
        const snap = (ctx.stockId !== null && snapshots.get(`${line.sku}|${ctx.stockId}`)) || UNASSIGNED;
        if (!row.products.enabled) {
          return { ok: false, reason: "not_salable", sku: line.sku, message: PRODUCT_NOT_AVAILABLE, errors: [] };
        }
        if (!(round4(line.qty) > 0)) {
          // §4 never sees a quantity of 0 or less (as stored, at 4 decimals): the shopper's own message for it.
          const message = shopperQtyMessage(eff, round4(line.qty))!;
          return { ok: false, reason: "not_salable", sku: line.sku, message, errors: [] };
        }
        const errors = isSalableForRequestedQty(eff, snap, line.qty, config.notAvailableMessage);
        if (errors.length > 0) {
          return { ok: false, reason: "not_salable", sku: line.sku, message: shopperMessage(errors)!, errors };
        }
        accepted.push({ line, product: row.products, eff, backordered: backorderQty(eff, snap, line.qty) });
      }
      // Every line passed §4, so each is assigned to the store's stock.
      const stockId = ctx.stockId!;

      const id = (tx.select({ last: max(orders.id) }).from(orders).get()?.last ?? 0) + 1;
      tx.insert(orders)
        .values({
          id,
          incrementId: String(id).padStart(9, "0"),
          storeId: ctx.store.id,
          stockId,
          status: "pending",
          canSubtract: config.canSubtract,
        })
        .run();
      tx.insert(orderItems)
        .values(
          accepted.map(({ line, product, eff, backordered }) => ({
            orderId: id,
            productId: product.id,
            sku: product.sku,
            name: product.name,
            price: product.price,
            qtyOrdered: round4(line.qty),
            qtyBackordered: backordered,
            manageStock: eff.manageStock.value,
          })),
        )
        .run();
      appendReservations(
        tx,
        orderPlacedReservations({
          orderId: String(id),
          stockId,
          canSubtract: config.canSubtract,
          items: accepted.map(({ line, eff }) => ({ sku: line.sku, qty: line.qty, manageStock: eff.manageStock.value })),
        }),
      );
      refreshInventoryIndex(
        tx,
        accepted.map((a) => a.product.id),
      );
      return {
        ok: true,
        order: getOrder(tx, id)!,
        notices: accepted.flatMap(({ eff, backordered }) => backorderNotice(eff, backordered) ?? []),
      };
    },
    { behavior: "immediate" },
  );
}

/** An order with its lines, or null. */
export function getOrder(db: Tx, id: number): OrderView | null {
  const order = db
    .select({
      id: orders.id,
      incrementId: orders.incrementId,
      storeId: orders.storeId,
      storeName: stores.name,
      stockId: orders.stockId,
      status: orders.status,
      canSubtract: orders.canSubtract,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .innerJoin(stores, eq(stores.id, orders.storeId))
    .where(eq(orders.id, id))
    .get();
  if (!order) return null;
  const items = db
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
    .orderBy(asc(orderItems.id))
    .all();
  return { ...order, status: order.status as OrderView["status"], items };
}

export type OrderChangeResult = { ok: true; order: OrderView } | OrderFailure;

/** Writes the lines' new progress and the order's status that follows from it. */
function saveProgress(db: Tx, order: OrderView, items: OrderItemView[]): void {
  for (const item of items) {
    db.update(orderItems)
      .set({ qtyCanceled: item.qtyCanceled, qtyShipped: item.qtyShipped })
      .where(eq(orderItems.id, item.id))
      .run();
  }
  db.update(orders).set({ status: orderStatus(items) }).where(eq(orders.id, order.id)).run();
}

/**
 * Cancels what is neither shipped nor cancelled yet and returns it to salable with an
 * order_canceled reservation (spec §7), only for lines whose placement reserved stock.
 */
export function cancelOrder(db: Tx, input: { orderId: number; actor?: AuditEntry["actor"] }): OrderChangeResult {
  return db.transaction(
    (tx): OrderChangeResult => {
      const order = getOrder(tx, input.orderId);
      if (!order) return { ok: false, reason: "order_not_found", message: ORDER_NOT_FOUND };
      const released = order.items.map((item) => ({ item, qty: qtyToCancel(item) }));
      if (released.every((r) => r.qty === 0)) {
        return { ok: false, reason: "not_allowed", message: CANNOT_CANCEL };
      }
      appendReservations(
        tx,
        orderCanceledReservations({
          orderId: String(order.id),
          stockId: order.stockId,
          canSubtract: order.canSubtract,
          items: order.items,
        }),
      );
      saveProgress(
        tx,
        order,
        released.map(({ item, qty }) => ({ ...item, qtyCanceled: round4(item.qtyCanceled + qty) })),
      );
      writeAudit(tx, {
        actor: input.actor ?? null,
        action: "order.cancel",
        entityType: "order",
        entityId: order.id,
        details: { released: released.filter((r) => r.qty > 0).map((r) => ({ sku: r.item.sku, qty: r.qty })) },
      });
      refreshInventoryIndex(tx, productIdsForSkus(tx, order.items.map((i) => i.sku)));
      return { ok: true, order: getOrder(tx, order.id)! };
    },
    { behavior: "immediate" },
  );
}

export interface ShipOrderInput {
  orderId: number;
  sourceCode: string;
  /** Lines and quantities to ship; everything still open when omitted. */
  items?: { orderItemId: number; qty: number }[];
  actor?: AuditEntry["actor"];
}

export type ShipOrderResult = { ok: true; shipmentId: number; order: OrderView } | OrderFailure;

/** Enabled sources linked to the stock, in priority order: where an order of that stock can ship from. */
export function listShippingSources(db: Tx, stockId: number) {
  return db
    .select({ code: sources.code, name: sources.name })
    .from(stockSourceLinks)
    .innerJoin(sources, eq(sources.code, stockSourceLinks.sourceCode))
    .where(and(eq(stockSourceLinks.stockId, stockId), eq(sources.enabled, true)))
    .orderBy(asc(stockSourceLinks.priority), asc(sources.code))
    .all();
}

/**
 * Ships from one source (spec §7 shipment_created): deducts each managed line's quantity from
 * the source item and appends +qty reservations that hand the units over from the reservation to
 * the deduction. Refused, with nothing changed, when the source holds too little of any line.
 */
export function shipOrder(db: Tx, input: ShipOrderInput): ShipOrderResult {
  return db.transaction(
    (tx): ShipOrderResult => {
      const order = getOrder(tx, input.orderId);
      if (!order) return { ok: false, reason: "order_not_found", message: ORDER_NOT_FOUND };
      const source = listShippingSources(tx, order.stockId).find((s) => s.code === input.sourceCode);
      if (!source) {
        return {
          ok: false,
          reason: "source_not_found",
          message: `The source "${input.sourceCode}" is not an enabled source of this order's stock.`,
        };
      }
      const requested = input.items ?? order.items.map((item) => ({ orderItemId: item.id, qty: qtyToShip(item) }));
      const lines = [];
      for (const { orderItemId, qty } of requested) {
        const item = order.items.find((i) => i.id === orderItemId);
        if (!item || !(qty >= 0) || round4(qty) > qtyToShip(item)) {
          return { ok: false, reason: "not_allowed", message: CANNOT_SHIP };
        }
        if (round4(qty) > 0) lines.push({ item, qty: round4(qty) });
      }
      if (lines.length === 0) return { ok: false, reason: "not_allowed", message: CANNOT_SHIP };

      // Manage Stock = No at placement: the quantity is not tracked, nothing to deduct (Magento).
      const managed = lines.filter((l) => l.item.manageStock);
      const shipBySku = new Map<string, number>();
      for (const { item, qty } of managed) shipBySku.set(item.sku, round4((shipBySku.get(item.sku) ?? 0) + qty));
      const held = new Map(
        (shipBySku.size === 0
          ? []
          : tx
              .select({ id: sourceItems.id, sku: sourceItems.sku, quantity: sourceItems.quantity })
              .from(sourceItems)
              .where(and(eq(sourceItems.sourceCode, source.code), inArray(sourceItems.sku, [...shipBySku.keys()])))
              .all()
        ).map((row) => [row.sku, row]),
      );
      const deductions = [];
      for (const [sku, qty] of shipBySku) {
        const item = held.get(sku);
        const deduction = shipmentSourceDeduction(item?.quantity ?? 0, qty);
        if (!deduction.ok) return { ok: false, reason: "not_enough_source_qty", message: deduction.message };
        deductions.push({ sourceItemId: item!.id, newQty: deduction.newQty });
      }

      const shipment = tx
        .insert(shipments)
        .values({ orderId: order.id, sourceCode: source.code })
        .returning({ id: shipments.id })
        .get();
      tx.insert(shipmentItems)
        .values(lines.map(({ item, qty }) => ({ shipmentId: shipment.id, orderItemId: item.id, qty })))
        .run();
      for (const { sourceItemId, newQty } of deductions) {
        tx.update(sourceItems).set({ quantity: newQty }).where(eq(sourceItems.id, sourceItemId)).run();
      }
      appendReservations(
        tx,
        shipmentReservations({
          orderId: String(order.id),
          stockId: order.stockId,
          canSubtract: order.canSubtract,
          items: lines.map(({ item, qty }) => ({ sku: item.sku, manageStock: item.manageStock, qty })),
        }),
      );
      const shippedNow = new Map(lines.map(({ item, qty }) => [item.id, qty]));
      saveProgress(
        tx,
        order,
        order.items.map((item) => ({ ...item, qtyShipped: round4(item.qtyShipped + (shippedNow.get(item.id) ?? 0)) })),
      );
      writeAudit(tx, {
        actor: input.actor ?? null,
        action: "order.ship",
        entityType: "order",
        entityId: order.id,
        details: { shipmentId: shipment.id, sourceCode: source.code, lines: lines.map((l) => ({ sku: l.item.sku, qty: l.qty })) },
      });
      refreshInventoryIndex(tx, productIdsForSkus(tx, lines.map((l) => l.item.sku)));
      return { ok: true, shipmentId: shipment.id, order: getOrder(tx, order.id)! };
    },
    { behavior: "immediate" },
  );
}

export interface OrderShipment {
  id: number;
  sourceCode: string;
  sourceName: string;
  createdAt: string;
  totalQty: number;
}

export function listOrderShipments(db: Tx, orderId: number): OrderShipment[] {
  return db
    .select({
      id: shipments.id,
      sourceCode: shipments.sourceCode,
      sourceName: sources.name,
      createdAt: shipments.createdAt,
      totalQty: sql<number>`coalesce(sum(${shipmentItems.qty}), 0)`,
    })
    .from(shipments)
    .innerJoin(sources, eq(sources.code, shipments.sourceCode))
    .leftJoin(shipmentItems, eq(shipmentItems.shipmentId, shipments.id))
    .where(eq(shipments.orderId, orderId))
    .groupBy(shipments.id)
    .orderBy(asc(shipments.id))
    .all();
}

// ── Sales > Orders grid ──

export const ORDER_SORTS = ["increment_id", "created_at", "skus", "ordered", "backordered", "status"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

const itemsOf = (column: SQL) => sql`(SELECT ${column} FROM ${orderItems} WHERE ${orderItems.orderId} = ${orders.id})`;
const skusColumn = sql<string>`${itemsOf(sql`group_concat(${orderItems.sku}, ', ')`)}`;
const orderedColumn = sql<number>`${itemsOf(sql`coalesce(sum(${orderItems.qtyOrdered}), 0)`)}`;
const backorderedColumn = sql<number>`${itemsOf(sql`coalesce(sum(${orderItems.qtyBackordered}), 0)`)}`;

const SORT_COLUMNS: Record<OrderSort, SQL | AnyColumn> = {
  increment_id: orders.incrementId,
  created_at: orders.createdAt,
  skus: skusColumn,
  ordered: orderedColumn,
  backordered: backorderedColumn,
  status: orders.status,
};

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
export function listOrders(
  db: Tx,
  opts: { sort: OrderSort; dir: "asc" | "desc"; limit: number; offset: number },
): { rows: OrderGridRow[]; total: number } {
  const order = opts.dir === "asc" ? asc : desc;
  const rows = db
    .select({
      id: orders.id,
      incrementId: orders.incrementId,
      createdAt: orders.createdAt,
      skus: skusColumn,
      ordered: orderedColumn,
      backordered: backorderedColumn,
      status: orders.status,
    })
    .from(orders)
    .orderBy(order(SORT_COLUMNS[opts.sort]), order(orders.id))
    .limit(opts.limit)
    .offset(opts.offset)
    .all();
  const total = db.select({ n: count() }).from(orders).get()?.n ?? 0;
  return { rows: rows.map((r) => ({ ...r, skus: r.skus ?? "" })), total };
}
