import { storefrontLabels } from "./labels";
import { effectiveNotifyQty, isLowStock } from "./low-stock";
import { hasUnlimitedBackorders } from "./product";
import { formatQty, formatUnits, round4 } from "./quantity";
import { orderPlacedReservations } from "./reservations";
import {
  backorderQty,
  hasInStockSourceItem,
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
  /** The stock left once everything reserved ships is below Notify for Quantity Below (inventory-rules §9). */
  notify: boolean;
}

export interface SellDownSeries {
  points: SellDownPoint[];
  /** Units sold when the backordered line leaves 0, or null when it never does. */
  backordersBeginAt: number | null;
  /** First point at which the low-stock notification applies, or null. */
  notifyAt: number | null;
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

  const pointAt = (current: StockSnapshot, sold: number, backordered: number): SellDownPoint => {
    const labels = storefrontLabels({ eff, snap: current, onlyXLeftThreshold, displayStockStatus });
    return {
      sold,
      salable: salableQty(eff, current),
      label: labels.onlyXLeft ?? (labels.salable ? "In stock" : "Out of stock"),
      labelShown: labels.onlyXLeft !== null || labels.stockLabel !== null,
      backordered,
      notify: isLowStock({
        sourceEnabled: true,
        status: hasInStockSourceItem(current) ? 1 : 0,
        quantity: physicalQty(current) + current.reserved,
        notifyQty,
      }),
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
    notifyAt: points.find((point) => point.notify)?.sold ?? null,
    unlimited,
    stoppedAt: unlimited ? null : sold,
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
  sentences.push(
    series.notifyAt === null
      ? "Notify for Quantity Below does not flag it in this range."
      : series.notifyAt === 0
        ? "Notify for Quantity Below already flags it."
        : `Notify for Quantity Below flags it from ${formatUnits(series.notifyAt)} sold.`,
  );
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
