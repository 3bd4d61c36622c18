import { qtyToRefund } from "./orders";
import { round4 } from "./quantity";
import { qtyToShip, type OrderLineProgress } from "./reservations";
import { DECIMAL_QTY_MESSAGE } from "./salable";

/** Magento's refusal of a credit memo line asking more than is left (Creditmemo QuantityValidator). */
export const REFUND_MORE_THAN_LEFT = 'The quantity to creditmemo must not be greater than the unrefunded quantity for product SKU "%sku".';
/** Magento's refusal of a credit memo that refunds nothing. */
export const REFUND_NOTHING = "You can't create a creditmemo without products.";
const REFUND_NEGATIVE = "The quantity to refund can't be negative.";

export interface RefundLineRules extends OrderLineProgress {
  /** The product's Qty Uses Decimals. */
  isQtyDecimal: boolean;
}

/**
 * Why `qty` can't be refunded on the line, as a phrase with %sku, or null (inventory-rules §7):
 * at most ordered − refunded − cancelled; whole units unless the product uses decimals. 0 is no
 * refund of the line, which is allowed.
 */
export function refundQtyProblem(line: RefundLineRules, qty: number): string | null {
  if (!(qty >= 0)) return REFUND_NEGATIVE;
  if (round4(qty) > qtyToRefund(line)) return REFUND_MORE_THAN_LEFT;
  // As entered, not rounded: 2.00004 is a decimal quantity (as in inventory-rules §4).
  if (!line.isQtyDecimal && !Number.isInteger(qty)) return DECIMAL_QTY_MESSAGE;
  return null;
}

export interface RefundSplit {
  /** Units never shipped: still reserved by the order. */
  notShipped: number;
  /** Units that shipped: they left a source. */
  shipped: number;
}

/**
 * Inventory-rules §7 worked case: a refund takes the units never shipped first, then shipped ones.
 * Of 4 ordered and 2 shipped, a refund of 3 is 2 never shipped and 1 shipped.
 */
export function refundSplit(line: OrderLineProgress, qty: number): RefundSplit {
  const notShipped = round4(Math.min(round4(qty), qtyToShip(line)));
  return { notShipped, shipped: round4(qty - notShipped) };
}

export interface SourceQty {
  sourceCode: string;
  qty: number;
}

/**
 * What each source a line shipped from may still take back: its shipments (the latest first) less
 * the shipped units earlier credit memos refunded from it. Sources keep the order of `shipped`.
 */
export function unrefundedShipments(shipped: readonly SourceQty[], refunded: readonly SourceQty[]): SourceQty[] {
  const left = new Map<string, number>();
  for (const { sourceCode, qty } of shipped) left.set(sourceCode, round4((left.get(sourceCode) ?? 0) + qty));
  for (const { sourceCode, qty } of refunded) left.set(sourceCode, round4((left.get(sourceCode) ?? 0) - qty));
  return [...left].filter(([, qty]) => qty > 0).map(([sourceCode, qty]) => ({ sourceCode, qty }));
}

/** One part of a refunded line that moves alike: the units never shipped, or shipped units of one source. */
interface CreditMemoPart {
  qty: number;
  shipped: boolean;
  /** Shipped: the source the units left. Never shipped: the source they are written off from, or null. */
  sourceCode: string | null;
}

/** A change of a source item's quantity: + units returned, − units written off. */
interface SourceMove {
  sourceCode: string | null;
  delta: number;
}

export interface CreditMemoLineInput {
  line: OrderLineProgress & { manageStock: boolean };
  qty: number;
  /** "Return to Stock" for the line. */
  backToStock: boolean;
  /** unrefundedShipments of the line. */
  shippedFrom: readonly SourceQty[];
  /** Where units never shipped are written off when not returned; null when the stock has no source for them. */
  writeOffSource: string | null;
}

export interface CreditMemoLinePlan extends RefundSplit {
  parts: CreditMemoPart[];
  sourceMoves: SourceMove[];
}

/**
 * Inventory-rules §7 credit memo rows. Returned to stock: the shipped units go back to the sources
 * they left (the latest shipment's first). Not returned: the units never shipped are written off
 * from the source as if shipped, and the shipped ones stay out. Manage Stock = No at placement:
 * nothing was tracked, so no source moves. The reservation side is creditMemoReservations.
 */
export function planCreditMemoLine(input: CreditMemoLineInput): CreditMemoLinePlan {
  const split = refundSplit(input.line, input.qty);
  const managed = input.line.manageStock;
  const parts: CreditMemoPart[] = [];
  const sourceMoves: SourceMove[] = [];
  if (split.notShipped > 0) {
    const writtenOff = managed && !input.backToStock;
    parts.push({ qty: split.notShipped, shipped: false, sourceCode: writtenOff ? input.writeOffSource : null });
    if (writtenOff) sourceMoves.push({ sourceCode: input.writeOffSource, delta: -split.notShipped });
  }
  let left = split.shipped;
  for (const from of input.shippedFrom) {
    if (left <= 0) break;
    const qty = round4(Math.min(left, from.qty));
    parts.push({ qty, shipped: true, sourceCode: from.sourceCode });
    if (managed && input.backToStock) sourceMoves.push({ sourceCode: from.sourceCode, delta: qty });
    left = round4(left - qty);
  }
  // Shipped units no shipment accounts for: refunded, but no source is known to take them back.
  if (left > 0) parts.push({ qty: left, shipped: true, sourceCode: null });
  return { ...split, parts, sourceMoves };
}
