import { qtyToShip, type OrderLineProgress } from "./reservations";
import { round4 } from "./quantity";

export type OrderStatus = "pending" | "processing" | "complete" | "canceled" | "closed";

/** Magento's status labels. */
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending: "Pending",
  processing: "Processing",
  complete: "Complete",
  canceled: "Canceled",
  closed: "Closed",
};

/** What a credit memo may still refund on a line: ordered − refunded − cancelled (inventory-rules §7). */
export function qtyToRefund(line: OrderLineProgress): number {
  return round4(Math.max(0, line.qtyOrdered - (line.qtyRefunded ?? 0) - line.qtyCanceled));
}

/**
 * An order's status from its lines, as Magento moves it: "pending" until something ships or is
 * refunded, "processing" while part of it is done and part still open; once nothing is open,
 * "closed" when everything was refunded or cancelled and something refunded, "complete" when
 * something shipped stays unrefunded, otherwise "canceled".
 */
export function orderStatus(lines: readonly OrderLineProgress[]): OrderStatus {
  const open = round4(lines.reduce((sum, line) => sum + qtyToShip(line), 0));
  const shipped = lines.some((line) => line.qtyShipped > 0);
  const refunded = lines.some((line) => (line.qtyRefunded ?? 0) > 0);
  if (open > 0) return shipped || refunded ? "processing" : "pending";
  if (refunded && !canRefund(lines)) return "closed";
  return shipped ? "complete" : "canceled";
}

/** Cancel and Ship act on the open quantity only: both are offered while some is left (inventory-rules §7). */
export function hasOpenQty(lines: readonly OrderLineProgress[]): boolean {
  return lines.some((line) => qtyToShip(line) > 0);
}

/** "Credit Memo" is offered while some line has something left to refund (inventory-rules §7). */
export function canRefund(lines: readonly OrderLineProgress[]): boolean {
  return lines.some((line) => qtyToRefund(line) > 0);
}
