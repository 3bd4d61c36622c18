import { round4 } from "./quantity";
import type { ReservationEventType, ReservationToAppend } from "./types";

/** The order events of inventory-rules §7 as the admin names them beside a reservation. */
export const RESERVATION_EVENT_LABELS: Record<ReservationEventType, string> = {
  order_placed: "Order placed",
  order_canceled: "Order canceled",
  shipment_created: "Shipment created",
  creditmemo_created: "Credit memo created",
};

/**
 * Which order, and whether its placement reserved stock at all. `canSubtract` and each line's
 * `manageStock` are the values in force when the order was PLACED: a compensation for a
 * reservation that was never written would inflate salable (inventory-rules §7).
 */
export interface OrderEvent<Item> {
  orderId: string;
  stockId: number;
  canSubtract: boolean;
  items: readonly Item[];
}

interface ReservingLine {
  sku: string;
  manageStock: boolean;
}

/**
 * One row per line with a non-zero quantity, none when the order placement wrote none
 * ("Decrease Stock When Order is Placed" = No, or manage stock off for the SKU: inventory-rules §7).
 */
function reservations<Item extends ReservingLine>(
  event: ReservationEventType,
  input: OrderEvent<Item>,
  signedQty: (item: Item) => number,
): ReservationToAppend[] {
  if (!input.canSubtract) return [];
  return input.items.flatMap((item) => {
    const quantity = round4(signedQty(item));
    if (!item.manageStock || quantity === 0) return [];
    return [
      {
        sku: item.sku,
        stockId: input.stockId,
        quantity,
        metadata: { event_type: event, object_type: "order", object_id: input.orderId },
      },
    ];
  });
}

export interface PlacedLine extends ReservingLine {
  qty: number;
}

/** Inventory-rules §7 order_placed: −qty per line, appended in the same transaction as the §4 check. */
export function orderPlacedReservations(input: OrderEvent<PlacedLine>): ReservationToAppend[] {
  return reservations("order_placed", input, (item) => -item.qty);
}

export interface OrderLineProgress {
  qtyOrdered: number;
  qtyShipped: number;
  qtyCanceled: number;
  /**
   * Refunded so far. A credit memo takes the units never shipped first (inventory-rules §7 worked
   * case: of 4 ordered and 2 shipped, a refund of 3 is 2 never shipped and 1 shipped).
   */
  qtyRefunded?: number;
}

/**
 * Inventory-rules §7 order_canceled: the part of a line neither shipped, refunded nor already
 * cancelled (ordered − shipped − refunded − cancelled, never below 0). A refund beyond what is
 * unshipped took shipped units, which are no longer open either.
 */
export function qtyToCancel(item: OrderLineProgress): number {
  return round4(Math.max(0, item.qtyOrdered - item.qtyShipped - (item.qtyRefunded ?? 0) - item.qtyCanceled));
}

/** What a shipment may still take from a line: the same open quantity a cancel would release. */
export function qtyToShip(item: OrderLineProgress): number {
  return qtyToCancel(item);
}

export interface CanceledLine extends ReservingLine, OrderLineProgress {}

/** Inventory-rules §7 order_canceled: +(ordered − shipped − already cancelled) per line. */
export function orderCanceledReservations(input: OrderEvent<CanceledLine>): ReservationToAppend[] {
  return reservations("order_canceled", input, qtyToCancel);
}

export interface ShippedLine extends ReservingLine {
  qty: number;
}

/**
 * Inventory-rules §7 shipment_created: +shipped per line, handing the quantity from the reservation over to
 * the source deduction (see shipmentSourceDeduction).
 */
export function shipmentReservations(input: OrderEvent<ShippedLine>): ReservationToAppend[] {
  return reservations("shipment_created", input, (item) => item.qty);
}

export type SourceDeduction =
  | { ok: true; newQty: number }
  | { ok: false; message: "Not all of your products are available in the requested quantity." };

/** Inventory-rules §7: a shipment may not take a source item below 0; when it would, nothing changes. */
export function shipmentSourceDeduction(sourceQty: number, shipQty: number): SourceDeduction {
  const newQty = round4(sourceQty - shipQty);
  if (newQty < 0) return { ok: false, message: "Not all of your products are available in the requested quantity." };
  return { ok: true, newQty };
}

export interface RefundedLine extends ReservingLine {
  /** The refunded units that were never shipped (refundSplit). */
  notShipped: number;
}

/**
 * Inventory-rules §7 creditmemo_created: +the refunded units never shipped, whether or not they
 * are returned to stock; refunded shipped units left with their shipment's reservation already.
 */
export function creditMemoReservations(input: OrderEvent<RefundedLine>): ReservationToAppend[] {
  return reservations("creditmemo_created", input, (item) => item.notShipped);
}
