import { qtyToShip, type OrderLineProgress } from "./reservations";
import { round4 } from "./quantity";

export type OrderStatus = "pending" | "processing" | "complete" | "canceled";

/** Magento's status labels (a credit memo, out of scope here, would make an order "closed"). */
export const ORDER_STATUS_LABELS: Record<OrderStatus | "closed", string> = {
  pending: "Pending",
  processing: "Processing",
  complete: "Complete",
  canceled: "Canceled",
  closed: "Closed",
};

/**
 * An order's status from its lines, as Magento moves it: "pending" until something ships,
 * "processing" while part is shipped and part still open, "complete" once nothing is open and
 * something shipped, "canceled" once nothing is open and nothing shipped.
 */
export function orderStatus(lines: readonly OrderLineProgress[]): OrderStatus {
  const open = round4(lines.reduce((sum, line) => sum + qtyToShip(line), 0));
  const shipped = lines.some((line) => line.qtyShipped > 0);
  if (open > 0) return shipped ? "processing" : "pending";
  return shipped ? "complete" : "canceled";
}

/** Cancel and Ship act on the open quantity only: both are offered while some is left (inventory-rules §7). */
export function hasOpenQty(lines: readonly OrderLineProgress[]): boolean {
  return lines.some((line) => qtyToShip(line) > 0);
}
