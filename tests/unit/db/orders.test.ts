import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { asc, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { transaction, type Db } from "@/db/connection";
import { createAdminUser } from "@/db/queries/auth";
import { refreshInventoryIndex } from "@/db/queries/inventory-index";
import { CANNOT_CANCEL, CANNOT_SHIP, cancelOrder, ORDER_NOT_FOUND, placeOrder, PRODUCT_NOT_AVAILABLE, shipOrder, STORE_NOT_FOUND } from "@/db/queries/orders";
import { getOrder, listOrders, listOrderShipments } from "@/db/queries/order-views";
import {
  auditLog,
  configData,
  orderItems,
  orders,
  productInventory,
  products,
  reservations,
  salableIndex,
  shipments,
  sourceItems,
} from "@/db/schema";
import { PRODUCT_NOT_FOUND } from "@/lib/refusal";
import { refused } from "./refused";
import { locationOf, tempDb } from "./temp-db";

const SEED = "SR-TEE-SEED";

async function salable(db: Db, sku: string) {
  const [row] = await db
    .select({ qty: salableIndex.salableQty, salable: salableIndex.isSalable })
    .from(salableIndex)
    .innerJoin(products, eq(products.id, salableIndex.productId))
    .where(eq(products.sku, sku))
    .limit(1);
  return row;
}

function place(db: Db, sku: string, qty: number) {
  return placeOrder(db, { storeCode: "default", items: [{ sku, qty }] });
}

/** An order that must be accepted: placeOrder throws a Refusal otherwise. */
const placed = place;

async function rowCounts(db: Db) {
  const n = async (table: typeof orders | typeof orderItems | typeof reservations | typeof shipments) =>
    (await db.select({ n: count() }).from(table))[0].n;
  return { orders: await n(orders), items: await n(orderItems), reservations: await n(reservations), shipments: await n(shipments) };
}

async function sourceQty(db: Db, sku: string) {
  const [row] = await db.select({ q: sourceItems.quantity }).from(sourceItems).where(eq(sourceItems.sku, sku)).limit(1);
  return row.q;
}

/** The reservation ledger in the order it was written. */
const ledger = (db: Db) => db.select().from(reservations).orderBy(asc(reservations.id));
const ledgerQuantities = async (db: Db) =>
  (await db.select({ q: reservations.quantity }).from(reservations).orderBy(asc(reservations.id))).map((r) => r.q);

async function setConfig(db: Db, path: string, value: string) {
  await transaction(db, async (tx) => {
    await tx
      .insert(configData)
      .values({ scope: "default", scopeId: 0, path, value })
      .onConflictDoUpdate({ target: [configData.scope, configData.scopeId, configData.path], set: { value } });
    await refreshInventoryIndex(tx, "all");
  });
}

async function overrideBackorders(db: Db, sku: string, backorders: 0 | 1 | 2) {
  await transaction(db, async (tx) => {
    const [{ id }] = await tx.select({ id: products.id }).from(products).where(eq(products.sku, sku)).limit(1);
    await tx.update(productInventory).set({ backorders, useConfigBackorders: false }).where(eq(productInventory.productId, id));
    await refreshInventoryIndex(tx, [id]);
  });
}

describe("placeOrder (inventory-rules §4, §5, §7)", () => {
  it("§10 seed: 70 of 75 placed → one order line, 45 backordered, a −70 reservation, salable 5", async () => {
    const db = await tempDb();
    const result = await placed(db, SEED, 70);
    expect(result.order).toMatchObject({ incrementId: "000000001", status: "pending", stockId: 1, canSubtract: true });
    // §5: 70 requested, 25 physical, nothing reserved → 45 on backorder.
    expect(result.order.items).toMatchObject([{ sku: SEED, name: "Seed Scenario Tee", qtyOrdered: 70, qtyBackordered: 45, manageStock: true }]);
    expect(result.notices).toEqual([]);
    const rows = await ledger(db);
    expect(rows).toMatchObject([{ sku: SEED, stockId: 1, quantity: -70 }]);
    expect(JSON.parse(rows[0].metadata)).toEqual({ event_type: "order_placed", object_type: "order", object_id: String(result.order.id) });
    expect(await salable(db, SEED)).toEqual({ qty: 5, salable: true });
  });

  it("§4 refused once salable is used up: the shopper's message, nothing stored", async () => {
    const db = await tempDb();
    await placed(db, SEED, 70);
    await placed(db, SEED, 5);
    expect(await salable(db, SEED)).toEqual({ qty: 0, salable: false });
    const before = await rowCounts(db);
    const refusal = await refused(place(db, SEED, 1));
    expect(refusal).toMatchObject({ kind: "not_salable", parameters: { sku: SEED }, message: "Not enough items for sale" });
    expect(refusal.details.map((d) => d.parameters.code)).toEqual([
      "back_order-disabled",
      "manage_stock-enabled",
      "is_salable_with_reservations-not_enough_qty",
    ]);
    expect(await rowCounts(db)).toEqual(before);
  });

  it("§4 Not Available Message 1 words the refusal \"Only <salable> of <requested> available\"", async () => {
    const db = await tempDb();
    await setConfig(db, "cataloginventory/options/not_available_message", "1");
    await placed(db, SEED, 70);
    await expect(place(db, SEED, 6)).rejects.toMatchObject({ kind: "not_salable", message: "Only 5 of 6 available" });
  });

  it("§4 a refused line refuses the whole order", async () => {
    const db = await tempDb();
    const before = await rowCounts(db);
    const result = placeOrder(db, { storeCode: "default", items: [{ sku: "SR-CAP", qty: 1 }, { sku: "SR-MUG-OOS", qty: 1 }] });
    await expect(result).rejects.toMatchObject({
      kind: "not_salable",
      parameters: { sku: "SR-MUG-OOS" },
      field: "items.1.qty",
      message: "There are no source items with the in stock status",
    });
    expect(await rowCounts(db)).toEqual(before);
  });

  it("§4 quantity rules come first: the poster's maximum of 2 per cart", async () => {
    const db = await tempDb();
    await expect(place(db, "SR-POSTER-LTD", 3)).rejects.toMatchObject({
      kind: "not_salable",
      message: "The requested qty exceeds the maximum qty allowed in shopping cart",
    });
    await expect(place(db, "SR-TEE-SEED", 0)).rejects.toMatchObject({ kind: "not_salable", message: "Please enter a quantity greater than 0." });
  });

  it("lines of one SKU are one cart line: 1 + 2 posters exceed its maximum of 2; 3 + 4 caps are one line of 7", async () => {
    const db = await tempDb();
    const posters = placeOrder(db, { storeCode: "default", items: [{ sku: "SR-POSTER-LTD", qty: 1 }, { sku: "SR-POSTER-LTD", qty: 2 }] });
    await expect(posters).rejects.toMatchObject({
      kind: "not_salable",
      message: "The requested qty exceeds the maximum qty allowed in shopping cart",
    });
    const caps = await placeOrder(db, { storeCode: "default", items: [{ sku: "SR-CAP", qty: 3 }, { sku: "SR-CAP", qty: 4 }] });
    expect(caps.order.items.map((i) => [i.sku, i.qtyOrdered])).toEqual([["SR-CAP", 7]]);
  });

  it("§4 decimals are checked as requested: 2.00004 of a whole-number product is refused, alone or as 1 + 1.00004", async () => {
    const db = await tempDb();
    const before = await rowCounts(db);
    const decimal = { kind: "not_salable", message: "You cannot use decimal quantity for this product." };
    expect(await refused(place(db, SEED, 2.00004))).toMatchObject(decimal);
    expect(await refused(placeOrder(db, { storeCode: "default", items: [{ sku: SEED, qty: 1 }, { sku: SEED, qty: 1.00004 }] }))).toMatchObject(decimal);
    expect(await rowCounts(db)).toEqual(before);
    // A decimal product takes it, stored at 4 decimals (Magento's decimal(12,4)) in the line and the reservation.
    const fabric = await placed(db, "SR-FABRIC-M", 1.00004);
    expect(fabric.order.items[0].qtyOrdered).toBe(1);
    expect(await ledgerQuantities(db)).toEqual([-1]);
    // Below 4 decimals a request is no quantity at all.
    expect(await refused(place(db, "SR-FABRIC-M", 0.00004))).toMatchObject({ message: "Please enter a quantity greater than 0." });
  });

  it("unknown store, unknown SKU and a disabled product are refused with Magento's messages", async () => {
    const db = await tempDb();
    const before = await rowCounts(db);
    await expect(placeOrder(db, { storeCode: "nope", items: [{ sku: SEED, qty: 1 }] })).rejects.toMatchObject({
      kind: "invalid",
      field: "storeCode",
      message: STORE_NOT_FOUND,
    });
    await expect(place(db, "NO-SUCH-SKU", 1)).rejects.toMatchObject({ kind: "invalid", field: "items.0.sku", message: PRODUCT_NOT_FOUND });
    await expect(place(db, "SR-NOTEBOOK", 1)).rejects.toMatchObject({ kind: "not_salable", message: PRODUCT_NOT_AVAILABLE });
    expect(await rowCounts(db)).toEqual(before);
    await expect(placeOrder(db, { storeCode: "default", items: [] })).rejects.toThrow();
  });

  it("§5 Notify Customer mode: the notice names the backordered quantity", async () => {
    const db = await tempDb();
    await overrideBackorders(db, SEED, 2);
    const result = await placed(db, SEED, 30);
    expect(result.order.items[0].qtyBackordered).toBe(5);
    expect(result.notices).toEqual(["We don't have as many quantity as you requested, but we'll back order the remaining 5."]);
    // Within physical stock there is nothing to announce.
    expect((await placed(db, "SR-CAP", 3)).notices).toEqual([]);
  });

  it("§7 Decrease Stock When Order is Placed = No writes no reservation, and its cancel writes none", async () => {
    const db = await tempDb();
    await setConfig(db, "cataloginventory/options/can_subtract", "0");
    const { order } = await placed(db, SEED, 10);
    expect(order.canSubtract).toBe(false);
    expect(await ledger(db)).toEqual([]);
    expect((await salable(db, SEED)).qty).toBe(75);
    // Switching the setting back later must not make the cancel return units never taken.
    await setConfig(db, "cataloginventory/options/can_subtract", "1");
    expect(await cancelOrder(db, { orderId: order.id })).toMatchObject({ status: "canceled" });
    expect(await ledger(db)).toEqual([]);
    expect((await salable(db, SEED)).qty).toBe(75);
  });

  it("§7 Manage Stock = No writes no reservation and backorders nothing", async () => {
    const db = await tempDb();
    const { order } = await placed(db, "SR-GIFT-CARD", 3);
    expect(order.items).toMatchObject([{ sku: "SR-GIFT-CARD", qtyOrdered: 3, qtyBackordered: 0, manageStock: false }]);
    expect(await ledger(db)).toEqual([]);
  });

  it("records the admin who placed it and where, on the order and in its audit entry (issue 12)", async () => {
    const db = await tempDb();
    const clerk = { id: (await createAdminUser(db, "clerk", "not-a-hash")).id, username: "clerk" };
    const { order } = await placeOrder(db, { storeCode: "default", items: [{ sku: SEED, qty: 2 }], actor: clerk, via: "preview" });
    expect(order).toMatchObject({ placedBy: "clerk", placedVia: "preview" });
    expect(await db.select({ by: orders.placedByUserId, via: orders.placedVia }).from(orders)).toEqual([{ by: clerk.id, via: "preview" }]);
    const audits = await db.select().from(auditLog);
    expect(audits).toMatchObject([{ action: "order.place", entityType: "order", entityId: String(order.id), adminUserId: clerk.id, username: "clerk" }]);
    expect(JSON.parse(audits[0].details!)).toEqual({ via: "preview", lines: [{ sku: SEED, qty: 2 }] });
  });

  it("an order placed with no admin named records none; a refused one writes no audit entry", async () => {
    const db = await tempDb();
    const { order } = await placed(db, SEED, 1);
    expect(order).toMatchObject({ placedBy: null, placedVia: null });
    await refused(place(db, "SR-MUG-OOS", 1));
    expect(await db.select().from(auditLog)).toMatchObject([{ action: "order.place", entityId: String(order.id), adminUserId: null, username: null }]);
  });
});

describe("cancelOrder (inventory-rules §7)", () => {
  it("§10 seed: cancelling the order of 5 brings salable back to exactly 5", async () => {
    const db = await tempDb();
    await placed(db, SEED, 70);
    const { order } = await placed(db, SEED, 5);
    const result = await cancelOrder(db, { orderId: order.id, actor: null });
    expect(result).toMatchObject({ status: "canceled", items: [{ qtyCanceled: 5, qtyShipped: 0 }] });
    expect(await salable(db, SEED)).toEqual({ qty: 5, salable: true });
    expect(await ledgerQuantities(db)).toEqual([-70, -5, 5]);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "order.cancel"))).toMatchObject([{ entityId: String(order.id) }]);
  });

  it("a cancelled order cannot be cancelled again, and nothing changes", async () => {
    const db = await tempDb();
    const { order } = await placed(db, SEED, 5);
    await cancelOrder(db, { orderId: order.id });
    const before = await rowCounts(db);
    await expect(cancelOrder(db, { orderId: order.id })).rejects.toMatchObject({ kind: "not_allowed", message: CANNOT_CANCEL });
    expect(await rowCounts(db)).toEqual(before);
    await expect(cancelOrder(db, { orderId: 999 })).rejects.toMatchObject({ kind: "not_found", message: ORDER_NOT_FOUND });
  });

  it("§7 after a partial shipment only the unshipped part returns; the order is complete", async () => {
    const db = await tempDb();
    const { order } = await placed(db, "SR-CAP", 10);
    await shipOrder(db, { orderId: order.id, sourceCode: "default", items: [{ orderItemId: order.items[0].id, qty: 4 }] });
    // 40 − 4 shipped = 36 physical; 6 still reserved: 36 − 6 + 50 = 80.
    expect((await salable(db, "SR-CAP")).qty).toBe(80);
    const result = await cancelOrder(db, { orderId: order.id });
    expect(result).toMatchObject({ status: "complete", items: [{ qtyShipped: 4, qtyCanceled: 6 }] });
    expect((await salable(db, "SR-CAP")).qty).toBe(86);
  });
});

describe("shipOrder (inventory-rules §7)", () => {
  it("deducts the source quantity and releases the reservation: salable does not move", async () => {
    const db = await tempDb();
    const { order } = await placed(db, "SR-CAP", 5);
    expect((await salable(db, "SR-CAP")).qty).toBe(85);
    const result = await shipOrder(db, { orderId: order.id, sourceCode: "default" });
    expect(result).toMatchObject({ order: { status: "complete", items: [{ qtyShipped: 5 }] } });
    expect(await sourceQty(db, "SR-CAP")).toBe(35);
    expect((await salable(db, "SR-CAP")).qty).toBe(85);
    expect(await ledgerQuantities(db)).toEqual([-5, 5]);
    expect(await listOrderShipments(db, order.id)).toMatchObject([{ sourceCode: "default", sourceName: "Default Source", totalQty: 5 }]);
    // Nothing is left to ship or cancel.
    await expect(shipOrder(db, { orderId: order.id, sourceCode: "default" })).rejects.toMatchObject({ kind: "not_allowed", message: CANNOT_SHIP });
    await expect(cancelOrder(db, { orderId: order.id })).rejects.toMatchObject({ kind: "not_allowed", message: CANNOT_CANCEL });
  });

  it("§7 refused when the source holds too little, and nothing changes", async () => {
    const db = await tempDb();
    // 30 of the seed tee: 25 on the shelf, 5 backordered.
    const { order } = await placed(db, SEED, 30);
    const state = async () => ({
      ...(await rowCounts(db)),
      qty: await sourceQty(db, SEED),
      salable: await salable(db, SEED),
      order: await getOrder(db, order.id),
    });
    const before = await state();
    await expect(shipOrder(db, { orderId: order.id, sourceCode: "default" })).rejects.toMatchObject({
      kind: "not_allowed",
      message: "Not all of your products are available in the requested quantity.",
    });
    expect(await state()).toEqual(before);
  });

  it("ships only from an enabled source of the order's stock, and only what is open", async () => {
    const db = await tempDb();
    const { order } = await placed(db, "SR-CAP", 2);
    await expect(shipOrder(db, { orderId: order.id, sourceCode: "elsewhere" })).rejects.toMatchObject({ kind: "invalid", field: "sourceCode" });
    const tooMuch = { orderId: order.id, sourceCode: "default", items: [{ orderItemId: order.items[0].id, qty: 3 }] };
    await expect(shipOrder(db, tooMuch)).rejects.toMatchObject({ kind: "not_allowed", message: CANNOT_SHIP });
    await expect(shipOrder(db, { ...tooMuch, items: [{ orderItemId: 999, qty: 1 }] })).rejects.toMatchObject({
      kind: "not_allowed",
      message: CANNOT_SHIP,
    });
    await expect(shipOrder(db, { orderId: 999, sourceCode: "default" })).rejects.toMatchObject({ kind: "not_found", message: ORDER_NOT_FOUND });
  });

  it("a partial shipment leaves the order processing", async () => {
    const db = await tempDb();
    const { order } = await placed(db, "SR-CAP", 3);
    const result = await shipOrder(db, { orderId: order.id, sourceCode: "default", items: [{ orderItemId: order.items[0].id, qty: 1 }] });
    expect(result).toMatchObject({ order: { status: "processing" } });
    expect(await sourceQty(db, "SR-CAP")).toBe(39);
  });

  it("Manage Stock = No: the shipment deducts nothing and writes no reservation", async () => {
    const db = await tempDb();
    const { order } = await placed(db, "SR-GIFT-CARD", 2);
    expect(await shipOrder(db, { orderId: order.id, sourceCode: "default" })).toMatchObject({ order: { status: "complete" } });
    expect(await sourceQty(db, "SR-GIFT-CARD")).toBe(0);
    expect(await ledger(db)).toEqual([]);
  });
});

describe("listOrders (Sales > Orders grid)", () => {
  it("pages and sorts in SQL, with the lines' SKUs and figures per order", async () => {
    const db = await tempDb();
    await placed(db, "SR-CAP", 2);
    await placeOrder(db, { storeCode: "default", items: [{ sku: "SR-TOTE", qty: 1 }, { sku: SEED, qty: 30 }] });
    await placed(db, "SR-SOCKS", 5);
    const byOrdered = await listOrders(db, { sort: "ordered", dir: "desc", limit: 2, offset: 0 });
    expect(byOrdered.total).toBe(3);
    expect(byOrdered.rows).toMatchObject([
      { incrementId: "000000002", skus: "SR-TOTE, SR-TEE-SEED", ordered: 31, backordered: 5, status: "pending" },
      { incrementId: "000000003", skus: "SR-SOCKS", ordered: 5, backordered: 0 },
    ]);
    expect((await listOrders(db, { sort: "ordered", dir: "desc", limit: 2, offset: 2 })).rows.map((r) => r.incrementId)).toEqual(["000000001"]);
    expect((await listOrders(db, { sort: "skus", dir: "asc", limit: 10, offset: 0 })).rows.map((r) => r.skus)).toEqual([
      "SR-CAP",
      "SR-SOCKS",
      "SR-TOTE, SR-TEE-SEED",
    ]);
    expect((await listOrders(db, { sort: "increment_id", dir: "desc", limit: 1, offset: 0 })).rows[0].incrementId).toBe("000000003");
  });
});

const run = promisify(execFile);

describe("concurrency (inventory-rules §7: the check and the reservation are one atomic step)", () => {
  // Separate processes on the one database (the same SQLite file, or the same PostgreSQL
  // database): each has its own connections, so only the engine's write lock keeps them apart.
  it("4 processes × 8 one-unit orders against salable 10 accept exactly 10", async () => {
    const db = await tempDb();
    // SR-CAP: 40 + 50 (threshold −50) = 90; 80 ordered leaves 10.
    await placed(db, "SR-CAP", 80);
    expect((await salable(db, "SR-CAP")).qty).toBe(10);
    const worker = path.join(__dirname, "place-order-worker.ts");
    const startAt = String(Date.now() + 1500);
    const outputs = await Promise.all(
      Array.from({ length: 4 }, () =>
        run(process.execPath, ["--import", "tsx", worker, locationOf(db), "SR-CAP", "8", startAt], {
          cwd: process.cwd(),
          // Each process needs few connections; four default pools would crowd a small server.
          env: { ...process.env, DATABASE_POOL_SIZE: "2" },
        }),
      ),
    );
    const accepted = outputs.map(({ stdout }) => (JSON.parse(stdout) as { accepted: number }).accepted);
    expect(accepted.reduce((a, b) => a + b, 0)).toBe(10);
    expect(await salable(db, "SR-CAP")).toEqual({ qty: 0, salable: false });
    const sold = await db.select({ q: orderItems.qtyOrdered }).from(orderItems).where(eq(orderItems.sku, "SR-CAP"));
    expect(sold.reduce((sum, r) => sum + r.q, 0)).toBe(90);
  }, 90_000);
});
