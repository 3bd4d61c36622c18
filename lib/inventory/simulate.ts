import { storefrontLabels } from "./labels";
import { effectiveNotifyQty, isLowStock } from "./low-stock";
import { hasUnlimitedBackorders } from "./product";
import { formatQty, formatUnits, round4 } from "./quantity";
import { orderPlacedReservations } from "./reservations";
import {
  backorderQty,
  isSalable,
  isSalableForRequestedQty,
  physicalQty,
  salableQty,
} from "./salable";
import { statusOnProductSave } from "./status";
import type { EffectiveSettings, StockSnapshot } from "./types";

interface SellDownPoint {
  /** Units sold since now. */
  sold: number;
  /** Salable quantity after them (inventory-rules §2). */
  salable: number;
  /** "In stock", "Only N left" or "Out of stock" (inventory-rules §6), whether or not the store view displays it. */
  label: string;
  /** Whether shoppers actually see `label` (Display Products Availability in Stock on Storefront). */
  labelShown: boolean;
  /** Of the units sold, how many went on backorder (inventory-rules §5). */
  backordered: number;
  /**
   * The Low Stock report would list the stock's one source item once everything ordered so far
   * has shipped from it (inventory-rules §9); always false with several source items (see SellDownNotify).
   */
  notify: boolean;
}

/**
 * Notify for Quantity Below as the Low Stock report applies it (inventory-rules §9): to each source item's
 * physical quantity, which orders lower only when they ship. With the stock's one source item
 * that is a figure the chart can place, "once shipped"; with several, the merchant picks the
 * source of each shipment, so no sold count can be named.
 */
type SellDownNotify =
  | {
      kind: "one source";
      notifyQty: number;
      /** The source item's quantity now, and whether the report lists it already. */
      quantityNow: number;
      listedNow: boolean;
      /** Units ordered and not yet shipped (the reservations' pull), counted before any sold here. */
      unshipped: number;
      /** Units sold from which it is listed once they (and the unshipped ones) ship, or null. */
      at: number | null;
    }
  | { kind: "several sources"; sources: number }
  | { kind: "no source" };

export interface SellDownSeries {
  points: SellDownPoint[];
  /** Units sold when the backordered line leaves 0, or null when it never does. */
  backordersBeginAt: number | null;
  notify: SellDownNotify;
  /** Nothing stops the sale (unlimited backorders, manage stock off): the series is capped. */
  unlimited: boolean;
  /** Units sold when the next sale is refused, or null when unlimited. */
  stoppedAt: number | null;
}

export interface SellDownInput {
  eff: EffectiveSettings;
  snap: StockSnapshot;
  onlyXLeftThreshold: number;
  displayStockStatus: boolean;
  notifyQty: number;
  /** At most this many steps after the starting point (default 200). */
  maxPoints?: number;
}

const UNLIMITED_MIN_RANGE = 20;

/**
 * "What will shoppers see?": sells the product down one order at a time through the engine's own
 * rules (§4 check, §7 reservation, §2 figure, §6 labels, §5 backorders) from now until a sale is
 * refused. Each order is `step` whole units (1 unless the range needs more than maxPoints steps),
 * placed with Decrease Stock When Order is Placed = Yes; the cart-size rules (min, max,
 * increments) are left out because they limit one cart, not the stock.
 */
export function sellDownSeries(input: SellDownInput): SellDownSeries {
  const { eff, snap, onlyXLeftThreshold, displayStockStatus, notifyQty, maxPoints = 200 } = input;
  const anyCart: EffectiveSettings = {
    ...eff,
    minSaleQty: { ...eff.minSaleQty, value: 0 },
    maxSaleQty: { ...eff.maxSaleQty, value: 0 },
    enableQtyIncrements: { ...eff.enableQtyIncrements, value: false },
  };
  const unlimited = isSalable(eff, snap) && (hasUnlimitedBackorders(eff) || !eff.manageStock.value);
  const range = unlimited ? Math.max(physicalQty(snap) * 2, UNLIMITED_MIN_RANGE) : salableQty(eff, snap);
  const step = Math.max(1, Math.ceil(range / Math.max(1, maxPoints)));

  const lone = snap.sourceItems.length === 1 ? snap.sourceItems[0] : null;
  const pointAt = (current: StockSnapshot, sold: number, backordered: number): SellDownPoint => {
    const labels = storefrontLabels({ eff, snap: current, onlyXLeftThreshold, displayStockStatus });
    return {
      sold,
      salable: salableQty(eff, current),
      label: labels.onlyXLeft ?? (labels.salable ? "In stock" : "Out of stock"),
      labelShown: labels.onlyXLeft !== null || labels.stockLabel !== null,
      backordered,
      notify: lone !== null && isLowStock({ ...lone, quantity: lone.quantity + current.reserved, notifyQty }),
    };
  };

  let current = snap;
  let sold = 0;
  let backordered = 0;
  const points = [pointAt(current, sold, backordered)];
  while (!unlimited || sold + step <= range) {
    let qty = step;
    if (isSalableForRequestedQty(anyCart, current, qty, 2).length > 0) {
      // Sell what is left when less than a step remains: a part unit only for decimal products.
      const rest = salableQty(eff, current);
      qty = eff.isQtyDecimal ? rest : Math.floor(rest);
      if (qty <= 0) break;
    }
    backordered = round4(backordered + backorderQty(eff, current, qty));
    const placed = orderPlacedReservations({
      orderId: "sell-down",
      stockId: 0,
      canSubtract: true,
      items: [{ sku: "sell-down", qty, manageStock: eff.manageStock.value }],
    });
    current = { ...current, reserved: round4(placed.reduce((sum, r) => sum + r.quantity, current.reserved)) };
    sold = round4(sold + qty);
    points.push(pointAt(current, sold, backordered));
  }

  const firstBackordered = points.find((point) => point.backordered > 0);
  return {
    points,
    backordersBeginAt: firstBackordered ? round4(firstBackordered.sold - firstBackordered.backordered) : null,
    notify: sellDownNotify(snap, notifyQty, points),
    unlimited,
    stoppedAt: unlimited ? null : sold,
  };
}

function sellDownNotify(snap: StockSnapshot, notifyQty: number, points: readonly SellDownPoint[]): SellDownNotify {
  const [item, ...others] = snap.sourceItems;
  if (!item) return { kind: "no source" };
  if (others.length > 0) return { kind: "several sources", sources: snap.sourceItems.length };
  return {
    kind: "one source",
    notifyQty,
    quantityNow: item.quantity,
    listedNow: isLowStock({ ...item, notifyQty }),
    unshipped: Math.max(0, -snap.reserved),
    at: points.find((point) => point.notify)?.sold ?? null,
  };
}

/** Where a product is sold, for a sell-down drawn from its settings as they are being edited. */
export interface SellDownPlace {
  /** The store view whose shoppers the chart is for, and the stock its website sells from (null: none). */
  storeName: string;
  stockName: string | null;
  /** The product's stock as stored; no source items when it is not assigned (inventory-rules §2). */
  snap: StockSnapshot;
  onlyXLeftThreshold: number;
  displayStockStatus: boolean;
  /** A lone source item's own Notify Qty; null means the product's Notify for Quantity Below (inventory-rules §9). */
  ownNotifyQty: number | null;
}

/** A product form as typed, not yet saved. */
export interface EditedInventory {
  eff: EffectiveSettings;
  /**
   * Single-source mode: the Quantity and Stock Status as typed, for the product's one source
   * item; null in multi-source mode (quantities live in the sources) or while Quantity is not a number.
   */
  item: { qty: number; isInStock: boolean } | null;
}

/**
 * The sell-down of a product as edited: its effective settings, and in single-source mode its one
 * source item with the typed Quantity and the Stock Status that saving would store (inventory-rules §8), so
 * the chart shows what shoppers will see once the form is saved.
 */
export function editedSellDownInput(place: SellDownPlace, edited: EditedInventory): SellDownInput {
  const { eff, item } = edited;
  let snap = place.snap;
  if (item && snap.sourceItems.length === 1) {
    const { status } = statusOnProductSave({
      manageStock: eff.manageStock.value,
      backorders: eff.backorders.value,
      qty: item.qty,
      effectiveThreshold: eff.effectiveMinQty,
      requestedStatus: item.isInStock ? 1 : 0,
      // Decides only whether an Out of Stock is remembered as automatic, never the status itself.
      wasAutomatic: false,
    });
    snap = { ...snap, sourceItems: [{ ...snap.sourceItems[0], quantity: item.qty, status }] };
  }
  return {
    eff,
    snap,
    onlyXLeftThreshold: place.onlyXLeftThreshold,
    displayStockStatus: place.displayStockStatus,
    notifyQty: effectiveNotifyQty(place.ownNotifyQty, eff),
  };
}

export type StretchKind = "In stock" | "Only N left" | "Out of stock";

/** A run of consecutive points that show the same kind of storefront label (inventory-rules §6). */
export interface SellDownStretch {
  kind: StretchKind;
  /** The label at the stretch's first and last point ("Only 5 left" … "Only 1 left"). */
  firstLabel: string;
  lastLabel: string;
  /** Units sold at the stretch's first and last point. */
  fromSold: number;
  toSold: number;
  /** Whether shoppers see the label (Display Products Availability in Stock on Storefront). */
  shown: boolean;
}

function stretchKind(label: string): StretchKind {
  return label === "In stock" || label === "Out of stock" ? label : "Only N left";
}

/** The series cut where the kind of label changes, for the chart's bands and its text summary. */
export function sellDownStretches(series: SellDownSeries): SellDownStretch[] {
  const stretches: SellDownStretch[] = [];
  for (const point of series.points) {
    const kind = stretchKind(point.label);
    const last = stretches.at(-1);
    if (last && last.kind === kind) {
      last.lastLabel = point.label;
      last.toSold = point.sold;
    } else {
      stretches.push({
        kind,
        firstLabel: point.label,
        lastLabel: point.label,
        fromSold: point.sold,
        toSold: point.sold,
        shown: point.labelShown,
      });
    }
  }
  return stretches;
}

function stretchSentence(stretch: SellDownStretch): string {
  const when =
    stretch.fromSold === stretch.toSold
      ? `At ${formatUnits(stretch.fromSold)} sold`
      : `From ${formatQty(stretch.fromSold)} to ${formatUnits(stretch.toSold)} sold`;
  const labels =
    stretch.firstLabel === stretch.lastLabel
      ? `"${stretch.firstLabel}"`
      : `"${stretch.firstLabel}" down to "${stretch.lastLabel}"`;
  return stretch.shown
    ? `${when}, shoppers see ${labels}.`
    : `${when}, the label would be ${labels}, but this store view does not display stock availability.`;
}

const NOT_FLAGGED = "Notify for Quantity Below does not flag it in this range.";

/** Inventory-rules §9 in words, true of the report as it compares source items: see SellDownNotify. */
function notifySentence(notify: SellDownNotify): string {
  if (notify.kind === "several sources") {
    return (
      `Notify for Quantity Below is not drawn: with ${notify.sources} sources, the Low Stock report compares each ` +
      "source's quantity with its own Notify Qty, and an order lowers only the quantity of the source it ships from."
    );
  }
  if (notify.kind === "no source") return NOT_FLAGGED;
  const { notifyQty, quantityNow, unshipped, at } = notify;
  if (notify.listedNow) {
    return `Notify for Quantity Below already flags it: the source's quantity, ${formatQty(quantityNow)}, is below ${formatQty(notifyQty)}, so the Low Stock report lists it.`;
  }
  if (at === null) return NOT_FLAGGED;
  // Listed once shipped but not now: only the units already ordered can make the difference at 0.
  const when =
    at === 0
      ? `once the ${formatUnits(unshipped)} already ordered ship`
      : `from ${formatUnits(at)} sold, once they${unshipped > 0 ? ` and the ${formatUnits(unshipped)} already ordered` : ""} ship`;
  return (
    `Notify for Quantity Below flags it ${when}: the Low Stock report compares the source's quantity ` +
    `(${formatQty(quantityNow)} now) with ${formatQty(notifyQty)}, and an order lowers it only when it ships.`
  );
}

/**
 * The chart in words (its accessible alternative): the salable quantity now, what shoppers see
 * along the way, where backorders begin, where Notify for Quantity Below flags it, and what ends it.
 */
export function sellDownSummary(series: SellDownSeries): string[] {
  const first = series.points[0];
  const last = series.points[series.points.length - 1];
  const sentences = [`Salable quantity now: ${formatQty(first.salable)}.`];
  sentences.push(...sellDownStretches(series).map(stretchSentence));
  sentences.push(
    series.backordersBeginAt === null
      ? "No unit goes on backorder."
      : series.backordersBeginAt === 0
        ? "Every further unit goes on backorder."
        : `Backorders begin after ${formatUnits(series.backordersBeginAt)} sold.`,
  );
  sentences.push(notifySentence(series.notify));
  if (series.unlimited) {
    sentences.push(
      `Nothing stops the sale (unlimited backorders or Manage Stock = No): the chart stops at ${formatUnits(last.sold)} sold.`,
    );
  } else if (series.stoppedAt === 0) {
    sentences.push("It cannot be sold now.");
  } else {
    sentences.push(`After ${formatUnits(last.sold)} sold, the next sale is refused.`);
  }
  return sentences;
}
