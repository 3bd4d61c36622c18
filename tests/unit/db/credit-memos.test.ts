import { and, asc, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { saveConfigValues } from "@/db/queries/config";
import { resetDatabase } from "@/db/reset";
import {
  CANNOT_REFUND_STATUS,
  createCreditMemo,
  NOT_PART_OF_ORDER,
  RETURN_NOT_PART_OF_CREDITMEMO,
  RETURN_NOT_PART_OF_ORDER,
  SOURCE_ITEM_GONE,
  type CreateCreditMemoInput,
} from "@/db/queries/credit-memos";
import { getCreditMemoFormData, getOrder, listOrderCreditMemos } from "@/db/queries/order-views";
import { cancelOrder, CANNOT_SHIP, ORDER_NOT_FOUND, placeOrder, shipOrder } from "@/db/queries/orders";
import { deleteSourceItems, saveSourceItems } from "@/db/queries/source-items";
import { auditLog, creditmemoItems, creditmemos, orderItems, orders, products, reservations, salableIndex, sourceItems } from "@/db/schema";
import { REFUND_MORE_THAN_LEFT, REFUND_NOTHING } from "@/lib/inventory";
import { retailStock } from "../rest/rest-client";
import { refused } from "./refused";
import { tempDb } from "./temp-db";

/*
 * Inventory-rules §7, the credit memo rows, on the catalog seed: SR-CAP 40 at the default source,
 * Default Config Backorders "Allow Qty Below 0" with Out-of-Stock Threshold −50 (salable 90).
 */

const C = "cataloginventory";

async function setConfig(db: Db, path: string, value: string) {
  await saveConfigValues(db, { scope: "default", scopeId: 0, values: { [`${C}/${path}`]: value }, actor: null });
}

async function salable(db: Db, sku: string, stockId = 1) {
  const [row] = await db
    .select({ qty: salableIndex.salableQty })
    .from(salableIndex)
    .innerJoin(products, eq(products.id, salableIndex.productId))
    .where(and(eq(products.sku, sku), eq(salableIndex.stockId, stockId)));
  return row.qty;
}

async function sourceQty(db: Db, sku: string, sourceCode = "default") {
  const [row] = await db
    .select({ q: sourceItems.quantity })
    .from(sourceItems)
    .where(and(eq(sourceItems.sku, sku), eq(sourceItems.sourceCode, sourceCode)));
  return row.q;
}

/** The reservation ledger: quantity and event, in the order written. */
async function ledger(db: Db) {
  const rows = await db.select().from(reservations).orderBy(asc(reservations.id));
  return rows.map((r) => [r.quantity, (JSON.parse(r.metadata) as { event_type: string }).event_type]);
}

/** An order of one line, placed in the default store; answers its id and the line's id. */
async function order(db: Db, sku: string, qty: number) {
  const placed = await placeOrder(db, { storeCode: "default", items: [{ sku, qty }] });
  return { id: placed.order.id, itemId: placed.order.items[0].id };
}

const ship = (db: Db, placed: { id: number; itemId: number }, qty: number, sourceCode = "default") =>
  shipOrder(db, { orderId: placed.id, sourceCode, items: [{ orderItemId: placed.itemId, qty }] });

const refund = (db: Db, placed: { id: number; itemId: number }, qty: number, backToStock?: boolean, more: Partial<CreateCreditMemoInput> = {}) =>
  createCreditMemo(db, { orderId: placed.id, items: [{ orderItemId: placed.itemId, qty, backToStock }], via: "admin", ...more });

/** Everything a refused credit memo must leave as it was. */
async function state(db: Db) {
  const n = async (table: typeof creditmemos | typeof creditmemoItems | typeof reservations | typeof auditLog) =>
    (await db.select({ n: count() }).from(table))[0].n;
  return {
    memos: await n(creditmemos),
    memoItems: await n(creditmemoItems),
    reservations: await n(reservations),
    audits: await n(auditLog),
    sources: await db.select().from(sourceItems).orderBy(asc(sourceItems.id)),
    lines: await db.select().from(orderItems).orderBy(asc(orderItems.id)),
    orders: await db.select({ id: orders.id, status: orders.status }).from(orders).orderBy(asc(orders.id)),
    index: await db.select().from(salableIndex).orderBy(asc(salableIndex.productId), asc(salableIndex.stockId)),
  };
}

describe("createCreditMemo: the §7 worked case", () => {
  /** Backorders off (threshold 0), 10 on the shelf, an order of 4, 2 of it shipped. */
  async function workedCase() {
    const db = await tempDb();
    await setConfig(db, "item_options/backorders", "0");
    await saveSourceItems(db, [{ sku: "SR-CAP", source_code: "default", quantity: 10, status: 1 }], null);
    const placed = await order(db, "SR-CAP", 4);
    expect(await salable(db, "SR-CAP")).toBe(6);
    await ship(db, placed, 2);
    expect([await sourceQty(db, "SR-CAP"), await salable(db, "SR-CAP")]).toEqual([8, 6]);
    return { db, placed };
  }

  it("§7 refund 3 of which 2 not yet shipped, with Return to Stock → source 9, salable 9", async () => {
    const { db, placed } = await workedCase();
    const result = await refund(db, placed, 3, true);
    expect([await sourceQty(db, "SR-CAP"), await salable(db, "SR-CAP")]).toEqual([9, 9]);
    expect(await ledger(db)).toEqual([
      [-4, "order_placed"],
      [2, "shipment_created"],
      [2, "creditmemo_created"],
    ]);
    // 1 shipped unit stays with the customer, unrefunded: nothing open, something to refund.
    expect(result.order).toMatchObject({ status: "complete", items: [{ qtyOrdered: 4, qtyShipped: 2, qtyRefunded: 3 }] });
    expect(await listOrderCreditMemos(db, placed.id)).toMatchObject([
      {
        id: result.creditmemoId,
        createdVia: "admin",
        parts: [
          { sku: "SR-CAP", qty: 2, shipped: false, backToStock: true, sourceCode: null },
          { sku: "SR-CAP", qty: 1, shipped: true, backToStock: true, sourceCode: "default", sourceName: "Default Source" },
        ],
      },
    ]);
  });

  it("§7 refund 3 of which 2 not yet shipped, without Return to Stock → source 6, salable 6", async () => {
    const { db, placed } = await workedCase();
    await refund(db, placed, 3, false);
    expect([await sourceQty(db, "SR-CAP"), await salable(db, "SR-CAP")]).toEqual([6, 6]);
    expect((await ledger(db)).at(-1)).toEqual([2, "creditmemo_created"]);
    expect((await listOrderCreditMemos(db, placed.id))[0].parts).toMatchObject([
      { qty: 2, shipped: false, backToStock: false, sourceCode: "default" },
      { qty: 1, shipped: true, backToStock: false, sourceCode: "default" },
    ]);
  });
});

describe("createCreditMemo (inventory-rules §7 credit memo rows)", () => {
  it("§7 return to stock: the shipped part goes back to the source it shipped from, not to another", async () => {
    const db = await tempDb();
    const stockId = await retailStock(db);
    await saveSourceItems(
      db,
      [
        { sku: "SR-CAP", source_code: "north", quantity: 10, status: 1 },
        { sku: "SR-CAP", source_code: "south", quantity: 10, status: 1 },
      ],
      null,
    );
    const placed = await order(db, "SR-CAP", 5);
    await ship(db, placed, 2, "north");
    await ship(db, placed, 1, "south");
    expect([await sourceQty(db, "SR-CAP", "north"), await sourceQty(db, "SR-CAP", "south")]).toEqual([8, 9]);
    // Refund 4: 2 never shipped, then the latest shipment's 1 (south), then 1 of north's 2.
    await refund(db, placed, 4, true);
    expect([await sourceQty(db, "SR-CAP", "north"), await sourceQty(db, "SR-CAP", "south")]).toEqual([9, 10]);
    expect(await sourceQty(db, "SR-CAP")).toBe(40);
    // The last unit comes back from north, the only source that still has one out.
    await refund(db, placed, 1, true);
    expect(await sourceQty(db, "SR-CAP", "north")).toBe(10);
    // Retail: 20 on the shelves, nothing reserved, threshold −50.
    expect(await salable(db, "SR-CAP", stockId)).toBe(70);
    expect((await getOrder(db, placed.id))!.status).toBe("closed");
  });

  it("§7 not returned to stock: units never shipped are written off from the order stock's first source holding the product", async () => {
    const db = await tempDb();
    const placed = await order(db, "SR-CAP", 5);
    // 40 − 5 + 50.
    expect(await salable(db, "SR-CAP")).toBe(85);
    await refund(db, placed, 5, false);
    expect(await sourceQty(db, "SR-CAP")).toBe(35);
    // The reservation went and so did the units: salable does not move.
    expect(await salable(db, "SR-CAP")).toBe(85);
    expect((await getOrder(db, placed.id))!.status).toBe("closed");
  });

  it("§7 writing off more than the source holds is refused as a shipment is, and nothing changes", async () => {
    const db = await tempDb();
    // 30 of the seed tee: 25 on the shelf.
    const placed = await order(db, "SR-TEE-SEED", 30);
    const before = await state(db);
    expect(await refused(refund(db, placed, 30, false))).toMatchObject({
      kind: "not_allowed",
      message: "Not all of your products are available in the requested quantity.",
    });
    expect(await state(db)).toEqual(before);
    // Returned to stock, the 30 only leave the reservation: 25 + 50.
    await refund(db, placed, 30, true);
    expect(await salable(db, "SR-TEE-SEED")).toBe(75);
  });

  it("§7 at most ordered − refunded − cancelled: more is refused with Magento's message and nothing written", async () => {
    const db = await tempDb();
    const placed = await order(db, "SR-CAP", 5);
    await ship(db, placed, 2);
    await refund(db, placed, 2, true);
    const before = await state(db);
    const refusal = await refused(refund(db, placed, 4, true));
    expect(refusal).toMatchObject({ kind: "invalid", phrase: REFUND_MORE_THAN_LEFT, parameters: { sku: "SR-CAP" }, field: "items.0.qty" });
    expect(refusal.message).toBe('The quantity to creditmemo must not be greater than the unrefunded quantity for product SKU "SR-CAP".');
    expect(await state(db)).toEqual(before);
    // The same line named twice is one line: 2 + 2 is too much as well.
    const twice = { items: [{ orderItemId: placed.itemId, qty: 2 }, { orderItemId: placed.itemId, qty: 2 }] };
    expect(await refused(refund(db, placed, 0, undefined, twice))).toMatchObject({ phrase: REFUND_MORE_THAN_LEFT, field: "items.0.qty" });
    expect(await state(db)).toEqual(before);
  });

  it("refuses a credit memo of nothing, a line of another order and an unknown order, writing nothing", async () => {
    const db = await tempDb();
    const placed = await order(db, "SR-CAP", 2);
    const other = await order(db, "SR-TOTE", 1);
    const before = await state(db);
    expect(await refused(refund(db, placed, 0))).toMatchObject({ kind: "not_allowed", message: REFUND_NOTHING });
    expect(await refused(refund(db, { id: placed.id, itemId: other.itemId }, 1))).toMatchObject({
      kind: "invalid",
      phrase: NOT_PART_OF_ORDER,
      field: "items.0.orderItemId",
    });
    expect(await refused(refund(db, { id: 999, itemId: placed.itemId }, 1))).toMatchObject({ kind: "not_found", message: ORDER_NOT_FOUND });
    expect(await state(db)).toEqual(before);
  });

  it("a decimal product refunds decimals; a whole-number product refuses them", async () => {
    const db = await tempDb();
    const fabric = await order(db, "SR-FABRIC-M", 2.5);
    await ship(db, fabric, 1);
    // 1.5 never shipped first, then 0.25 of the shipped metre back to the shelf: 11.5 + 0.25.
    const result = await refund(db, fabric, 1.75, true);
    expect(result.order.items[0]).toMatchObject({ qtyRefunded: 1.75 });
    expect(await sourceQty(db, "SR-FABRIC-M")).toBe(11.75);
    expect((await ledger(db)).at(-1)).toEqual([1.5, "creditmemo_created"]);
    expect((await getCreditMemoFormData(db, fabric.id))!.lines).toMatchObject([{ qtyToRefund: 0.75, isQtyDecimal: true }]);

    const cap = await order(db, "SR-CAP", 3);
    const before = await state(db);
    expect(await refused(refund(db, cap, 1.5, true))).toMatchObject({ message: "You cannot use decimal quantity for this product.", field: "items.0.qty" });
    expect(await state(db)).toEqual(before);
  });

  it("closes the order once everything is refunded or cancelled; then no further credit memo", async () => {
    const db = await tempDb();
    const placed = await order(db, "SR-CAP", 5);
    await ship(db, placed, 1);
    // 3 of the 4 never shipped: the order still has 1 open.
    const part = await refund(db, placed, 3, true);
    expect(part.order.status).toBe("processing");
    await expect(shipOrder(db, { orderId: placed.id, sourceCode: "default", items: [{ orderItemId: placed.itemId, qty: 2 }] })).rejects.toMatchObject({
      message: CANNOT_SHIP,
    });
    // Cancelling releases only the 1 still open: the reservations sum to 0 again; the shipped unit is kept.
    expect(await cancelOrder(db, { orderId: placed.id })).toMatchObject({ status: "complete", items: [{ qtyCanceled: 1 }] });
    expect((await ledger(db)).reduce((sum, [q]) => sum + Number(q), 0)).toBe(0);
    // 5 ordered − 3 refunded − 1 cancelled: the shipped unit.
    const all = await createCreditMemo(db, { orderId: placed.id, via: "rest" });
    expect(all.order).toMatchObject({ status: "closed", items: [{ qtyRefunded: 4, qtyCanceled: 1, qtyShipped: 1 }] });
    const before = await state(db);
    expect(await refused(refund(db, placed, 1))).toMatchObject({ kind: "not_allowed", phrase: CANNOT_REFUND_STATUS, message: "A creditmemo can not be created when an order has a status of closed" });
    expect(await state(db)).toEqual(before);
  });

  it("Return to Stock defaults to Automatically Return Credit Memo Item to Stock; return_to_stock_items names exactly the lines returned", async () => {
    const db = await tempDb();
    const first = await order(db, "SR-CAP", 2);
    await ship(db, first, 2);
    // auto_return No (the default): shipped units stay out.
    await refund(db, first, 1);
    expect(await sourceQty(db, "SR-CAP")).toBe(38);
    await setConfig(db, "item_options/auto_return", "1");
    await refund(db, first, 1);
    expect(await sourceQty(db, "SR-CAP")).toBe(39);

    const both = await placeOrder(db, { storeCode: "default", items: [{ sku: "SR-CAP", qty: 1 }, { sku: "SR-TOTE", qty: 1 }] });
    const [cap, tote] = both.order.items;
    await shipOrder(db, { orderId: both.order.id, sourceCode: "default" });
    // Named lines go back, others not, whatever auto_return says.
    await createCreditMemo(db, { orderId: both.order.id, returnToStockItems: [tote.id], via: "rest" });
    expect([await sourceQty(db, "SR-CAP"), await sourceQty(db, "SR-TOTE")]).toEqual([38, 120]);
    expect(await db.select().from(creditmemoItems).where(eq(creditmemoItems.orderItemId, cap.id))).toMatchObject([{ backToStock: false }]);
  });

  it("return_to_stock_items must name lines of this credit memo (Magento's messages)", async () => {
    const db = await tempDb();
    const both = await placeOrder(db, { storeCode: "default", items: [{ sku: "SR-CAP", qty: 1 }, { sku: "SR-TOTE", qty: 1 }] });
    const [cap, tote] = both.order.items;
    const before = await state(db);
    const only = (returnToStockItems: number[]) =>
      createCreditMemo(db, { orderId: both.order.id, items: [{ orderItemId: cap.id, qty: 1 }], returnToStockItems, via: "rest" });
    expect(await refused(only([cap.id, 999]))).toMatchObject({ message: RETURN_NOT_PART_OF_ORDER, field: "returnToStockItems.1" });
    expect(await refused(only([tote.id]))).toMatchObject({ phrase: RETURN_NOT_PART_OF_CREDITMEMO, message: 'The "SR-TOTE" product is not part of the current creditmemo.' });
    expect(await state(db)).toEqual(before);
  });

  it("a shipped unit can't go back to a source that no longer holds the product; without Return to Stock it is refunded", async () => {
    const db = await tempDb();
    await retailStock(db);
    await saveSourceItems(db, [{ sku: "SR-CAP", source_code: "north", quantity: 5, status: 1 }], null);
    const placed = await order(db, "SR-CAP", 1);
    await ship(db, placed, 1, "north");
    await deleteSourceItems(db, [{ sku: "SR-CAP", source_code: "north" }], null);
    const before = await state(db);
    expect(await refused(refund(db, placed, 1, true))).toMatchObject({
      phrase: SOURCE_ITEM_GONE,
      message: 'The product "SR-CAP" is no longer assigned to the source "north" it shipped from. Assign it again, or refund without Return to Stock.',
    });
    expect(await state(db)).toEqual(before);
    expect((await refund(db, placed, 1, false)).order.status).toBe("closed");
  });

  it("§7 Manage Stock = No: no reservation and no source moves; Decrease Stock When Order is Placed = No: the source moves, no reservation", async () => {
    const db = await tempDb();
    const card = await order(db, "SR-GIFT-CARD", 3);
    await refund(db, card, 3, true);
    expect(await ledger(db)).toEqual([]);
    expect(await sourceQty(db, "SR-GIFT-CARD")).toBe(0);
    expect(await db.select({ back: creditmemoItems.backToStock }).from(creditmemoItems)).toEqual([{ back: false }]);

    await setConfig(db, "options/can_subtract", "0");
    const cap = await order(db, "SR-CAP", 3);
    await refund(db, cap, 3, false);
    expect(await ledger(db)).toEqual([]);
    expect(await sourceQty(db, "SR-CAP")).toBe(37);
  });

  it("records who refunded and where, in the credit memo and its audit entry", async () => {
    const db = await tempDb();
    const placed = await order(db, "SR-CAP", 2);
    const { creditmemoId } = await refund(db, placed, 2, true, { actor: null, via: "rest" });
    expect(await db.select().from(creditmemos)).toMatchObject([{ id: creditmemoId, orderId: placed.id, createdByUserId: null, createdVia: "rest" }]);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "order.creditmemo"));
    expect(audit).toMatchObject({ entityType: "order", entityId: String(placed.id) });
    expect(JSON.parse(audit.details!)).toEqual({
      creditmemoId,
      via: "rest",
      lines: [{ sku: "SR-CAP", qty: 2, backToStock: true, notShipped: 2, shipped: 0 }],
    });
  });

  it("a database reset empties credit memos with the orders, and their ids start again from 1", async () => {
    const db = await tempDb();
    const placed = await order(db, "SR-CAP", 2);
    await ship(db, placed, 1);
    await refund(db, placed, 2, true);
    await resetDatabase(db, "catalog");
    expect(await db.select().from(creditmemoItems)).toEqual([]);
    const again = await order(db, "SR-CAP", 1);
    expect((await refund(db, again, 1, true)).creditmemoId).toBe(1);
  });
});
