import { and, desc, eq, inArray } from "drizzle-orm";
import {
  canRefund,
  creditMemoReservations,
  planCreditMemoLine,
  qtyToRefund,
  refundQtyProblem,
  REFUND_NOTHING,
  round4,
  shipmentSourceDeduction,
  unrefundedShipments,
  type CreditMemoLinePlan,
  type SourceQty,
} from "@/lib/inventory";
import { invalid, notFound, Refusal } from "@/lib/refusal";
import { transaction, type Conn, type Tx } from "../connection";
import { creditmemoItems, creditmemos, shipmentItems, shipments, sourceItems } from "../schema";
import { writeAudit, type AuditEntry } from "./audit";
import { getGlobalConfig, productIdsForSkus } from "./inventory";
import { refreshInventoryIndex } from "./inventory-index";
import { getOrder, lineUsesDecimals, listShippingSources, type OrderItemView, type OrderView } from "./order-views";
import { appendReservations, ORDER_NOT_FOUND, saveProgress } from "./orders";

/** Magento's refusals (Order\Validation\CanRefund, Creditmemo\Validation\QuantityValidator, SalesInventory ReturnValidator). */
export const CANNOT_REFUND_STATUS = "A creditmemo can not be created when an order has a status of %status";
export const NOT_PART_OF_ORDER = "The creditmemo contains order item %orderItemId that is not part of the original order.";
export const RETURN_NOT_PART_OF_ORDER = "The return to stock argument contains product item that is not part of the original order.";
export const RETURN_NOT_PART_OF_CREDITMEMO = 'The "%sku" product is not part of the current creditmemo.';
/** A shipped unit returned to a source that no longer holds the product: put nothing back blindly. */
export const SOURCE_ITEM_GONE =
  'The product "%sku" is no longer assigned to the source "%sourceCode" it shipped from. Assign it again, or refund without Return to Stock.';

interface CreditMemoLineInput {
  orderItemId: number;
  /** 0 leaves the line out of the credit memo. */
  qty: number;
  /** "Return to Stock"; when left out, Automatically Return Credit Memo Item to Stock decides. */
  backToStock?: boolean;
}

export interface CreateCreditMemoInput {
  orderId: number;
  /** Lines and quantities; everything left to refund when omitted (Magento's RefundOrder). */
  items?: CreditMemoLineInput[];
  /** Magento's return_to_stock_items: exactly these order items go back to stock (overrides backToStock). */
  returnToStockItems?: number[];
  actor?: AuditEntry["actor"];
  via: "admin" | "rest";
}

export interface CreateCreditMemoResult {
  creditmemoId: number;
  order: OrderView;
}

interface RefundLine {
  item: OrderItemView;
  /** Where the line came from in the input, for the refusal's field path. */
  index: number;
  qty: number;
  backToStock: boolean;
}

/** The lines to refund, checked against the order (inventory-rules §7), zero lines left out. */
async function refundLines(tx: Tx, order: OrderView, input: CreateCreditMemoInput, autoReturn: boolean): Promise<RefundLine[]> {
  const requested: CreditMemoLineInput[] = input.items ?? order.items.map((item) => ({ orderItemId: item.id, qty: qtyToRefund(item) }));
  const decimals = await lineUsesDecimals(tx, order.items);
  const lines = new Map<number, RefundLine>();
  requested.forEach(({ orderItemId, qty, backToStock }, index) => {
    const item = order.items.find((i) => i.id === orderItemId);
    if (!item) throw invalid(NOT_PART_OF_ORDER, { orderItemId }, `items.${index}.orderItemId`);
    // The same line named twice is one line, as an order's lines of one SKU are.
    const earlier = lines.get(item.id);
    const line = { item, index: earlier?.index ?? index, qty: (earlier?.qty ?? 0) + qty, backToStock: backToStock ?? autoReturn };
    const problem = refundQtyProblem({ ...item, isQtyDecimal: decimals.get(item.id)! }, line.qty);
    if (problem) throw invalid(problem, { sku: item.sku }, `items.${line.index}.qty`);
    lines.set(item.id, line);
  });
  const refunded = [...lines.values()].filter((line) => round4(line.qty) > 0).map((line) => ({ ...line, qty: round4(line.qty) }));
  if (refunded.length === 0) throw new Refusal("not_allowed", REFUND_NOTHING);
  if (input.returnToStockItems) {
    const back = input.returnToStockItems;
    back.forEach((orderItemId, k) => {
      const item = order.items.find((i) => i.id === orderItemId);
      if (!item) throw invalid(RETURN_NOT_PART_OF_ORDER, {}, `returnToStockItems.${k}`);
      if (!refunded.some((line) => line.item.id === orderItemId)) throw invalid(RETURN_NOT_PART_OF_CREDITMEMO, { sku: item.sku }, `returnToStockItems.${k}`);
    });
    return refunded.map((line) => ({ ...line, backToStock: back.includes(line.item.id) }));
  }
  return refunded;
}

/** Per order line, the shipped units not yet refunded by the source they left, the latest shipment's first. */
async function shippedFrom(tx: Tx, itemIds: number[]): Promise<Map<number, SourceQty[]>> {
  const shipped = await tx
    .select({ orderItemId: shipmentItems.orderItemId, sourceCode: shipments.sourceCode, qty: shipmentItems.qty })
    .from(shipmentItems)
    .innerJoin(shipments, eq(shipments.id, shipmentItems.shipmentId))
    .where(inArray(shipmentItems.orderItemId, itemIds))
    .orderBy(desc(shipments.id));
  const refunded = await tx
    .select({ orderItemId: creditmemoItems.orderItemId, sourceCode: creditmemoItems.sourceCode, qty: creditmemoItems.qty })
    .from(creditmemoItems)
    .where(and(inArray(creditmemoItems.orderItemId, itemIds), eq(creditmemoItems.shipped, true)));
  const of = <R extends { orderItemId: number; sourceCode: string | null; qty: number }>(rows: R[], id: number) =>
    rows.flatMap((r) => (r.orderItemId === id && r.sourceCode !== null ? [{ sourceCode: r.sourceCode, qty: r.qty }] : []));
  return new Map(itemIds.map((id) => [id, unrefundedShipments(of(shipped, id), of(refunded, id))]));
}

/**
 * Where units never shipped are written off when not returned to stock, per SKU: the first enabled
 * source of the order's stock (by priority, as Ship offers them) that holds the product, or the
 * first of them when none does (the write-off is then refused, as a shipment would be).
 */
async function writeOffSources(tx: Tx, stockId: number, skus: string[]): Promise<Map<string, string | null>> {
  const candidates = await listShippingSources(tx, stockId);
  const held =
    candidates.length === 0
      ? []
      : await tx
          .select({ sku: sourceItems.sku, sourceCode: sourceItems.sourceCode })
          .from(sourceItems)
          .where(and(inArray(sourceItems.sku, skus), inArray(sourceItems.sourceCode, candidates.map((c) => c.code))));
  return new Map(
    skus.map((sku) => [
      sku,
      candidates.find((c) => held.some((h) => h.sku === sku && h.sourceCode === c.code))?.code ?? candidates[0]?.code ?? null,
    ]),
  );
}

/**
 * Applies the plans' source moves: returns add, write-offs deduct as a shipment does (never below
 * 0, and a write-off with no source to take it from finds nothing there).
 */
async function moveSources(tx: Tx, planned: { line: RefundLine; plan: CreditMemoLinePlan }[]): Promise<void> {
  for (const { line, plan } of planned) {
    const sku = line.item.sku;
    for (const { sourceCode, delta } of plan.sourceMoves) {
      const [item] =
        sourceCode === null
          ? []
          : await tx
              .select({ id: sourceItems.id, quantity: sourceItems.quantity })
              .from(sourceItems)
              .where(and(eq(sourceItems.sku, sku), eq(sourceItems.sourceCode, sourceCode)))
              .limit(1);
      let quantity: number;
      if (delta > 0) {
        if (!item) throw new Refusal("not_allowed", SOURCE_ITEM_GONE, { parameters: { sku, sourceCode: String(sourceCode) } });
        quantity = round4(item.quantity + delta);
      } else {
        const deduction = shipmentSourceDeduction(item?.quantity ?? 0, -delta);
        if (!deduction.ok) throw new Refusal("not_allowed", deduction.message);
        quantity = deduction.newQty;
      }
      await tx.update(sourceItems).set({ quantity }).where(eq(sourceItems.id, item!.id));
    }
  }
}

/**
 * Refunds order lines in ONE transaction (inventory-rules §7 credit memo rows), under the same write
 * lock as placing, shipping and cancelling, so the figures it checks cannot change before it writes:
 * at most ordered − refunded − cancelled per line; +the units never shipped to the reservations;
 * returned to stock, the shipped units back to the sources they left; not returned, the units never
 * shipped written off from the source. Then the order's status, the audit entry and the salable
 * index. A refusal changes nothing.
 */
export async function createCreditMemo(db: Conn, input: CreateCreditMemoInput): Promise<CreateCreditMemoResult> {
  return transaction(db, async (tx): Promise<CreateCreditMemoResult> => {
    const order = await getOrder(tx, input.orderId);
    if (!order) throw notFound(ORDER_NOT_FOUND);
    if (!canRefund(order.items)) throw new Refusal("not_allowed", CANNOT_REFUND_STATUS, { parameters: { status: order.status } });
    const autoReturn = (await getGlobalConfig(tx)).values.autoReturn;
    // Nothing of an untracked line (Manage Stock = No at placement) goes back anywhere.
    const lines = (await refundLines(tx, order, input, autoReturn)).map((l) => ({ ...l, backToStock: l.backToStock && l.item.manageStock }));
    const skus = [...new Set(lines.map((l) => l.item.sku))];
    const shipped = await shippedFrom(tx, lines.map((l) => l.item.id));
    const writeOff = await writeOffSources(tx, order.stockId, skus);
    const planned = lines.map((line) => ({
      line,
      plan: planCreditMemoLine({
        line: line.item,
        qty: line.qty,
        backToStock: line.backToStock,
        shippedFrom: shipped.get(line.item.id)!,
        writeOffSource: writeOff.get(line.item.sku)!,
      }),
    }));
    await moveSources(tx, planned);

    const [memo] = await tx
      .insert(creditmemos)
      .values({ orderId: order.id, createdByUserId: input.actor?.id ?? null, createdVia: input.via })
      .returning({ id: creditmemos.id });
    await tx.insert(creditmemoItems).values(
      planned.flatMap(({ line, plan }) =>
        plan.parts.map((part) => ({
          creditmemoId: memo.id,
          orderItemId: line.item.id,
          qty: part.qty,
          shipped: part.shipped,
          backToStock: line.backToStock,
          sourceCode: part.sourceCode,
        })),
      ),
    );
    await appendReservations(
      tx,
      creditMemoReservations({
        orderId: String(order.id),
        stockId: order.stockId,
        canSubtract: order.canSubtract,
        items: planned.map(({ line, plan }) => ({ sku: line.item.sku, manageStock: line.item.manageStock, notShipped: plan.notShipped })),
      }),
    );
    const refundedNow = new Map(lines.map((l) => [l.item.id, l.qty]));
    const progress = order.items.map((item) => ({ ...item, qtyRefunded: round4(item.qtyRefunded + (refundedNow.get(item.id) ?? 0)) }));
    await saveProgress(tx, order, progress);
    await writeAudit(tx, {
      actor: input.actor ?? null,
      action: "order.creditmemo",
      entityType: "order",
      entityId: order.id,
      skus,
      details: {
        creditmemoId: memo.id,
        via: input.via,
        lines: planned.map(({ line, plan }) => ({
          sku: line.item.sku,
          qty: line.qty,
          backToStock: line.backToStock,
          notShipped: plan.notShipped,
          shipped: plan.shipped,
        })),
      },
    });
    await refreshInventoryIndex(tx, await productIdsForSkus(tx, skus));
    return { creditmemoId: memo.id, order: (await getOrder(tx, order.id))! };
  });
}
