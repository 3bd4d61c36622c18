import { and, eq, inArray, max } from "drizzle-orm";
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
shopperQtyMessage,type ReservationToAppend,
type SalabilityError
} from "@/lib/inventory";
import { syncIdentity, transaction, type Conn, type Tx } from "../connection";
import {
orderItems,
orders,
productInventory,
products,
reservations,
shipmentItems,
shipments,
sourceItems
} from "../schema";
import { writeAudit, type AuditEntry } from "./audit";
import { loadStockSnapshots, productIdsForSkus, toProductSettings } from "./inventory";
import { refreshInventoryIndex } from "./inventory-index";
import { getStoreContext, UNASSIGNED } from "./storefront";
import { getOrder, listShippingSources, type OrderChannel, type OrderItemView, type OrderView } from "./order-views";
import { invalid, notFound, PRODUCT_NOT_FOUND, Refusal } from "@/lib/refusal";

// Magento's own wording for these refusals.
export const STORE_NOT_FOUND = "The store that was requested wasn't found. Verify the store and try again.";
export const PRODUCT_NOT_AVAILABLE = "Product that you are trying to add is not available.";
/** Magento's answer for an order id that does not exist (OrderRepository::get). */
export const ORDER_NOT_FOUND = "The entity that was requested doesn't exist. Verify the entity and try again.";
/** Magento's OrderService answers `false` here; Stockroom says why instead. */
export const CANNOT_CANCEL = "You cannot cancel this order: every item in it is already shipped or canceled.";
export const CANNOT_SHIP = "The order does not allow a shipment to be created.";

/** An order line Add to Cart refuses (inventory-rules §4): the shopper's message, every failed check in details. */
function notSalable(items: readonly OrderLineInput[], line: OrderLineInput, message: string, errors: SalabilityError[] = []): Refusal {
  return new Refusal("not_salable", message, {
    parameters: { sku: line.sku },
    field: `items.${items.findIndex((item) => item.sku === line.sku)}.qty`,
    details: errors.map((e) => ({ message: e.message, parameters: { code: e.code } })),
  });
}

interface OrderLineInput {
  sku: string;
  qty: number;
}

export interface PlaceOrderInput {
  storeCode: string;
  items: OrderLineInput[];
  /** Who placed it, recorded on the order and in its audit entry: the preview's admin, the REST token's. */
  actor?: AuditEntry["actor"];
  via?: OrderChannel;
}

export interface PlaceOrderResult {
  order: OrderView;
      /** Inventory-rules §5 backorder notices (Notify Customer mode), one per line that needs one. */
  notices: string[];
}

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

export async function appendReservations(db: Tx, rows: ReservationToAppend[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(reservations)
    .values(rows.map((r) => ({ stockId: r.stockId, sku: r.sku, quantity: r.quantity, metadata: JSON.stringify(r.metadata) })));
}

/**
 * Places an order in ONE immediate transaction (inventory-rules §4, §5, §7): each line is checked with
 * lib/inventory against the stock as it is inside the write lock, and only when every line
 * passes are the order, its lines (with qty_backordered) and its reservations written, so
 * concurrent shoppers can never oversell. A refusal stores nothing.
 */
export async function placeOrder(db: Conn, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const lines = mergeLines(input.items);
  if (lines.length === 0) throw new Error("An order needs at least one line.");
  return transaction(db, async (tx): Promise<PlaceOrderResult> => {
      const ctx = await getStoreContext(tx, input.storeCode);
      if (!ctx) throw invalid(STORE_NOT_FOUND, {}, "storeCode");
      const skus = lines.map((l) => l.sku);
      const rows = await tx
        .select()
        .from(products)
        .innerJoin(productInventory, eq(productInventory.productId, products.id))
        .where(inArray(products.sku, skus));
      const bySku = new Map(rows.map((r) => [r.products.sku, r]));
      const snapshots = await loadStockSnapshots(tx, skus);
      const { values: config, origins } = ctx.config;

      const accepted = [];
      for (const line of lines) {
        const row = bySku.get(line.sku);
        if (!row) throw invalid(PRODUCT_NOT_FOUND, {}, `items.${input.items.findIndex((item) => item.sku === line.sku)}.sku`);
        const eff = effectiveSettings(toProductSettings(row.product_inventory), config, origins);
        const snap = (ctx.stockId !== null && snapshots.get(`${line.sku}|${ctx.stockId}`)) || UNASSIGNED;
        if (!row.products.enabled) {
          throw notSalable(input.items, line, PRODUCT_NOT_AVAILABLE);
        }
        if (!(round4(line.qty) > 0)) {
          // §4 never sees a quantity of 0 or less (as stored, at 4 decimals): the shopper's own message for it.
          throw notSalable(input.items, line, shopperQtyMessage(eff, round4(line.qty))!);
        }
        const errors = isSalableForRequestedQty(eff, snap, line.qty, config.notAvailableMessage);
        if (errors.length > 0) {
          throw notSalable(input.items, line, shopperMessage(errors)!, errors);
        }
        accepted.push({ line, product: row.products, eff, backordered: backorderQty(eff, snap, line.qty) });
      }
      // Every line passed §4, so each is assigned to the store's stock.
      const stockId = ctx.stockId!;

      const [{ last }] = await tx.select({ last: max(orders.id) }).from(orders);
      const id = (last ?? 0) + 1;
      await tx
        .insert(orders)
        .values({
          id,
          incrementId: String(id).padStart(9, "0"),
          storeId: ctx.store.id,
          stockId,
          status: "pending",
          canSubtract: config.canSubtract,
          placedByUserId: input.actor?.id ?? null,
          placedVia: input.via ?? null,
        });
      // The id was chosen here (the increment id is made from it): PostgreSQL's sequence must follow.
      await syncIdentity(tx, "orders", "entity_id");
      await tx
        .insert(orderItems)
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
        );
      await appendReservations(
        tx,
        orderPlacedReservations({
          orderId: String(id),
          stockId,
          canSubtract: config.canSubtract,
          items: accepted.map(({ line, eff }) => ({ sku: line.sku, qty: line.qty, manageStock: eff.manageStock.value })),
        }),
      );
      await writeAudit(tx, {
        actor: input.actor ?? null,
        action: "order.place",
        entityType: "order",
        entityId: id,
        skus: accepted.map(({ line }) => line.sku),
        details: { via: input.via ?? null, lines: accepted.map(({ line }) => ({ sku: line.sku, qty: round4(line.qty) })) },
      });
      await refreshInventoryIndex(
        tx,
        accepted.map((a) => a.product.id),
      );
      return {
        order: (await getOrder(tx, id))!,
        notices: accepted.flatMap(({ eff, backordered }) => backorderNotice(eff, backordered) ?? []),
      };
    },
  );
}

/** Writes the lines' new progress and the order's status that follows from it. */
export async function saveProgress(db: Tx, order: OrderView, items: OrderItemView[]): Promise<void> {
  for (const item of items) {
    await db
      .update(orderItems)
      .set({ qtyCanceled: item.qtyCanceled, qtyShipped: item.qtyShipped, qtyRefunded: item.qtyRefunded })
      .where(eq(orderItems.id, item.id));
  }
  await db.update(orders).set({ status: orderStatus(items) }).where(eq(orders.id, order.id));
}

/**
 * Cancels what is neither shipped, refunded nor cancelled yet and returns it to salable with an
 * order_canceled reservation (inventory-rules §7), only for lines whose placement reserved stock.
 */
export async function cancelOrder(db: Conn, input: { orderId: number; actor?: AuditEntry["actor"] }): Promise<OrderView> {
  return transaction(db, async (tx): Promise<OrderView> => {
      const order = await getOrder(tx, input.orderId);
      if (!order) throw notFound(ORDER_NOT_FOUND);
      const released = order.items.map((item) => ({ item, qty: qtyToCancel(item) }));
      if (released.every((r) => r.qty === 0)) {
        throw new Refusal("not_allowed", CANNOT_CANCEL);
      }
      await appendReservations(
        tx,
        orderCanceledReservations({
          orderId: String(order.id),
          stockId: order.stockId,
          canSubtract: order.canSubtract,
          items: order.items,
        }),
      );
      await saveProgress(
        tx,
        order,
        released.map(({ item, qty }) => ({ ...item, qtyCanceled: round4(item.qtyCanceled + qty) })),
      );
      await writeAudit(tx, {
        actor: input.actor ?? null,
        action: "order.cancel",
        entityType: "order",
        entityId: order.id,
        skus: released.filter((r) => r.qty > 0).map((r) => r.item.sku),
        details: { released: released.filter((r) => r.qty > 0).map((r) => ({ sku: r.item.sku, qty: r.qty })) },
      });
      await refreshInventoryIndex(tx, await productIdsForSkus(tx, order.items.map((i) => i.sku)));
      return (await getOrder(tx, order.id))!;
    },
  );
}

export interface ShipOrderInput {
  orderId: number;
  sourceCode: string;
  /** Lines and quantities to ship; everything still open when omitted. */
  items?: { orderItemId: number; qty: number }[];
  actor?: AuditEntry["actor"];
}

export interface ShipOrderResult {
  shipmentId: number;
  order: OrderView;
}


/**
 * Ships from one source (inventory-rules §7 shipment_created): deducts each managed line's quantity from
 * the source item and appends +qty reservations that hand the units over from the reservation to
 * the deduction. Refused, with nothing changed, when the source holds too little of any line.
 */
export async function shipOrder(db: Conn, input: ShipOrderInput): Promise<ShipOrderResult> {
  return transaction(db, async (tx): Promise<ShipOrderResult> => {
      const order = await getOrder(tx, input.orderId);
      if (!order) throw notFound(ORDER_NOT_FOUND);
      const source = (await listShippingSources(tx, order.stockId)).find((s) => s.code === input.sourceCode);
      if (!source) {
        throw invalid('The source "%sourceCode" is not an enabled source of this order\'s stock.', { sourceCode: input.sourceCode }, "sourceCode");
      }
      const requested = input.items ?? order.items.map((item) => ({ orderItemId: item.id, qty: qtyToShip(item) }));
      const lines = [];
      for (const { orderItemId, qty } of requested) {
        const item = order.items.find((i) => i.id === orderItemId);
        if (!item || !(qty >= 0) || round4(qty) > qtyToShip(item)) {
          throw new Refusal("not_allowed", CANNOT_SHIP);
        }
        if (round4(qty) > 0) lines.push({ item, qty: round4(qty) });
      }
      if (lines.length === 0) throw new Refusal("not_allowed", CANNOT_SHIP);

      // Manage Stock = No at placement: the quantity is not tracked, nothing to deduct (Magento).
      const managed = lines.filter((l) => l.item.manageStock);
      const shipBySku = new Map<string, number>();
      for (const { item, qty } of managed) shipBySku.set(item.sku, round4((shipBySku.get(item.sku) ?? 0) + qty));
      const held = new Map(
        (shipBySku.size === 0
          ? []
          : await tx
              .select({ id: sourceItems.id, sku: sourceItems.sku, quantity: sourceItems.quantity })
              .from(sourceItems)
              .where(and(eq(sourceItems.sourceCode, source.code), inArray(sourceItems.sku, [...shipBySku.keys()])))
        ).map((row) => [row.sku, row]),
      );
      const deductions = [];
      for (const [sku, qty] of shipBySku) {
        const item = held.get(sku);
        const deduction = shipmentSourceDeduction(item?.quantity ?? 0, qty);
        if (!deduction.ok) throw new Refusal("not_allowed", deduction.message);
        deductions.push({ sourceItemId: item!.id, newQty: deduction.newQty });
      }

      const [shipment] = await tx
        .insert(shipments)
        .values({ orderId: order.id, sourceCode: source.code })
        .returning({ id: shipments.id });
      await tx
        .insert(shipmentItems)
        .values(lines.map(({ item, qty }) => ({ shipmentId: shipment.id, orderItemId: item.id, qty })));
      for (const { sourceItemId, newQty } of deductions) {
        await tx.update(sourceItems).set({ quantity: newQty }).where(eq(sourceItems.id, sourceItemId));
      }
      await appendReservations(
        tx,
        shipmentReservations({
          orderId: String(order.id),
          stockId: order.stockId,
          canSubtract: order.canSubtract,
          items: lines.map(({ item, qty }) => ({ sku: item.sku, manageStock: item.manageStock, qty })),
        }),
      );
      const shippedNow = new Map(lines.map(({ item, qty }) => [item.id, qty]));
      await saveProgress(
        tx,
        order,
        order.items.map((item) => ({ ...item, qtyShipped: round4(item.qtyShipped + (shippedNow.get(item.id) ?? 0)) })),
      );
      await writeAudit(tx, {
        actor: input.actor ?? null,
        action: "order.ship",
        entityType: "order",
        entityId: order.id,
        skus: lines.map((l) => l.item.sku),
        details: { shipmentId: shipment.id, sourceCode: source.code, lines: lines.map((l) => ({ sku: l.item.sku, qty: l.qty })) },
      });
      await refreshInventoryIndex(tx, await productIdsForSkus(tx, lines.map((l) => l.item.sku)));
      return { shipmentId: shipment.id, order: (await getOrder(tx, order.id))! };
    },
  );
}
