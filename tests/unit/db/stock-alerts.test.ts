import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { transaction, type Db } from "@/db/connection";
import { saveConfigValues } from "@/db/queries/config";
import { createAdminUser } from "@/db/queries/auth";
import { placeOrder } from "@/db/queries/orders";
import { saveSourceItems } from "@/db/queries/source-items";
import {
  countUnreadAlerts,
  listAlerts,
  listRecentAlerts,
  markAlertsRead,
  markAllAlertsRead,
  newestUnreadAlertId,
} from "@/db/queries/stock-alerts";
import { auditLog, stockAlerts } from "@/db/schema";
import type { StockAlertKind } from "@/lib/inventory";
import { refused } from "./refused";
import { tempDb } from "./temp-db";

/** The admin who marks alerts read: a demo database with its account. */
async function withAdmin() {
  const db = await tempDb();
  const { id } = await createAdminUser(db, "admin", "not-a-real-hash");
  return { db, admin: { id, username: "admin" } };
}

/** Every alert written so far, oldest first, as [kind, sku] with the figures it carries. */
async function alerts(db: Db) {
  return db
    .select({ kind: stockAlerts.kind, sku: stockAlerts.sku, qtyLeft: stockAlerts.qtyLeft, notifyQty: stockAlerts.notifyQty, stockId: stockAlerts.stockId })
    .from(stockAlerts)
    .orderBy(asc(stockAlerts.id));
}

const order = (db: Db, sku: string, qty: number) => placeOrder(db, { storeCode: "default", items: [{ sku, qty }] });

const BACKORDERS = "cataloginventory/item_options/backorders";
const NOTIFY_QTY = "cataloginventory/item_options/notify_stock_qty";
const saveDefaultConfig = (db: Db, values: Record<string, string>) => saveConfigValues(db, { scope: "default", scopeId: 0, values, actor: null });

/** Alerts written straight into the table for the list and marking tests, ids in order from 1. */
async function addAlerts(db: Db, n: number, kind: StockAlertKind = "low_stock") {
  await transaction(db, async (tx) => {
    for (let i = 0; i < n; i++) {
      await tx.insert(stockAlerts).values({ kind, productId: null, sku: `SR-X-${i}`, stockId: 1, salableQty: 1, qtyLeft: 1, notifyQty: 10 });
    }
  });
}

describe("stock alerts written by the index pass (demo catalog, Default Stock)", () => {
  it("a fresh catalog has none: a product first indexed crosses nothing", async () => {
    const db = await tempDb();
    expect(await alerts(db)).toEqual([]);
    expect(await countUnreadAlerts(db)).toBe(0);
  });

  it("an order below Notify Qty writes one Low Stock alert; the order that sells out writes one Out of Stock", async () => {
    const db = await tempDb();
    // Limited Edition Poster: 6 on hand, its own Notify Qty 5, Out-of-Stock Threshold 2, no backorders.
    await order(db, "SR-POSTER-LTD", 2);
    // 6 − 2 = 4 left < 5: Low Stock (salable 6 − 2 − 2 = 2, still salable).
    expect(await alerts(db)).toEqual([{ kind: "low_stock", sku: "SR-POSTER-LTD", qtyLeft: 4, notifyQty: 5, stockId: 1 }]);
    await order(db, "SR-POSTER-LTD", 2);
    // Salable 6 − 4 − 2 = 0: not salable, Out of Stock (once, not again as Low Stock).
    expect((await alerts(db)).map((a) => [a.kind, a.sku, a.qtyLeft])).toEqual([
      ["low_stock", "SR-POSTER-LTD", 4],
      ["out_of_stock", "SR-POSTER-LTD", 2],
    ]);
    expect(await countUnreadAlerts(db)).toBe(2);
  });

  it("an order that stays above Notify Qty, or is already low, writes none", async () => {
    const db = await tempDb();
    // Canvas Cap: 40 − 30 = 10 is not below 10; Wool Socks were low already (8 < 10).
    await order(db, "SR-CAP", 30);
    await order(db, "SR-SOCKS", 1);
    expect(await alerts(db)).toEqual([]);
  });

  it("a refused order writes none, nor does an accepted one whose transaction rolls back", async () => {
    const db = await tempDb();
    // Canvas Cap 31 would go low, but the poster's line (more than its Maximum Qty 2) refuses the order.
    await refused(placeOrder(db, { storeCode: "default", items: [{ sku: "SR-CAP", qty: 31 }, { sku: "SR-POSTER-LTD", qty: 3 }] }));
    const failure = new Error("after the order");
    await expect(
      transaction(db, async (tx) => {
        await placeOrder(tx, { storeCode: "default", items: [{ sku: "SR-CAP", qty: 31 }] });
        expect(await alerts(tx as unknown as Db)).toHaveLength(1);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await alerts(db)).toEqual([]);
  });

  it("stock arriving for an out-of-stock product (a source item save) writes Back in Stock", async () => {
    const db = await tempDb();
    // Sold Out Mug: 0, Out of Stock; 20 arrive In Stock.
    await saveSourceItems(db, [{ sku: "SR-MUG-OOS", source_code: "default", quantity: 20, status: 1 }], null);
    expect(await alerts(db)).toEqual([{ kind: "back_in_stock", sku: "SR-MUG-OOS", qtyLeft: 20, notifyQty: 10, stockId: 1 }]);
  });

  it("Default Config Backorders: off puts a product sold beyond stock out of stock, on again brings it back", async () => {
    const db = await tempDb();
    // Seed Scenario Tee: 25 on hand, backorders on with threshold −50 (Default Config). 30 ordered:
    // 5 beyond stock, On Backorder.
    await order(db, "SR-TEE-SEED", 30);
    // No Backorders: the threshold counts as 0, salable 25 − 30 = −5 → not salable, Out of Stock.
    // Every other demo product keeps its level (the low ones stay low, the rest in stock).
    await saveDefaultConfig(db, { [BACKORDERS]: "0" });
    // Backorders allowed again: salable 25 − 30 + 50 = 45, sellable again → Back in Stock (over
    // On Backorder, the level it comes back at: one alert per change).
    await saveDefaultConfig(db, { [BACKORDERS]: "1" });
    expect((await alerts(db)).map((a) => [a.kind, a.sku, a.qtyLeft])).toEqual([
      ["backorder", "SR-TEE-SEED", -5],
      ["out_of_stock", "SR-TEE-SEED", -5],
      ["back_in_stock", "SR-TEE-SEED", -5],
    ]);
  });

  it("a higher Default Config Notify Qty puts the products now under it into Low Stock, each once", async () => {
    const db = await tempDb();
    // Notify Qty 10 → 50: Seed Scenario Tee 25, Linen Fabric 12.5, Canvas Cap 40 and Dot Grid
    // Notebook 30 go under it. Already low (Brass Pen 1, Bottle 3, Socks 8), out of stock (Mug),
    // not managed (Gift Card), their own Notify Qty (Poster) or above it (Ties 100, Tote 120): none.
    await saveDefaultConfig(db, { [NOTIFY_QTY]: "50" });
    const written = await alerts(db);
    expect(written.map((a) => a.kind)).toEqual(["low_stock", "low_stock", "low_stock", "low_stock"]);
    expect(written.map((a) => a.sku).sort()).toEqual(["SR-CAP", "SR-FABRIC-M", "SR-NOTEBOOK", "SR-TEE-SEED"]);
    expect(written.every((a) => a.notifyQty === 50)).toBe(true);
  });
});

describe("reading and marking alerts", () => {
  it("lists the alerts newest first with the product's and the stock's names", async () => {
    const db = await tempDb();
    await order(db, "SR-POSTER-LTD", 2);
    await order(db, "SR-POSTER-LTD", 2);
    const [newest, older] = await listRecentAlerts(db, 10);
    expect(newest).toMatchObject({ kind: "out_of_stock", sku: "SR-POSTER-LTD", productName: "Limited Edition Poster", stockName: "Default Stock", readAt: null });
    expect(older).toMatchObject({ kind: "low_stock" });
    expect(newest.id).toBeGreaterThan(older.id);
  });

  it("Mark as Read marks only unread alerts of the ids given, records who did it, and the count follows", async () => {
    const { db, admin } = await withAdmin();
    await addAlerts(db, 3);
    expect(await countUnreadAlerts(db)).toBe(3);
    expect(await markAlertsRead(db, [2, 999_999], admin, new Date("2026-03-01T10:00:00.000Z"))).toBe(1);
    expect(await countUnreadAlerts(db)).toBe(2);
    // Already read: nothing to do, and no second audit entry.
    expect(await markAlertsRead(db, [2], admin)).toBe(0);
    const [marked] = await db.select().from(stockAlerts).where(eq(stockAlerts.id, 2));
    expect(marked.readAt).toBe("2026-03-01T10:00:00.000Z");
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityType, "stock_alert"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "mark_read", adminUserId: admin.id, username: "admin", details: JSON.stringify({ ids: [2] }) });
  });

  it("Mark All as Read reaches only as far as the newest alert the page showed", async () => {
    const { db, admin } = await withAdmin();
    await addAlerts(db, 3);
    expect(await newestUnreadAlertId(db)).toBe(3);
    // Alert 4 is raised after the page was rendered with 3 the newest.
    await addAlerts(db, 1, "out_of_stock");
    expect(await markAllAlertsRead(db, 3, admin)).toBe(3);
    expect(await countUnreadAlerts(db)).toBe(1);
    expect(await newestUnreadAlertId(db)).toBe(4);
    expect(await markAllAlertsRead(db, 4, admin)).toBe(1);
    expect(await countUnreadAlerts(db)).toBe(0);
    expect(await newestUnreadAlertId(db)).toBeNull();
  });

  it("pages newest first by keyset, and filters by unread and by type", async () => {
    const { db, admin } = await withAdmin();
    await addAlerts(db, 25);
    await addAlerts(db, 2, "back_in_stock");
    await markAlertsRead(db, [27, 1], admin);
    const all = { unreadOnly: false, page: 1, limit: 20 };
    const first = await listAlerts(db, all);
    expect(first).toMatchObject({ total: 27, page: 1, pages: 2, prevCursor: null });
    expect(first.rows.map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, i) => 27 - i));
    const second = await listAlerts(db, { ...all, page: 2, after: first.nextCursor! });
    expect(second.rows.map((r) => r.id)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(second.nextCursor).toBeNull();
    const back = await listAlerts(db, { ...all, page: 1, before: second.prevCursor! });
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    // A page typed by number is found by offset.
    expect((await listAlerts(db, { ...all, page: 2 })).rows.map((r) => r.id)).toEqual([7, 6, 5, 4, 3, 2, 1]);

    const unread = await listAlerts(db, { ...all, unreadOnly: true, limit: 50 });
    expect(unread.total).toBe(25);
    expect(unread.rows.map((r) => r.id)).not.toContain(27);
    expect(unread.rows.map((r) => r.id)).not.toContain(1);
    const backInStock = await listAlerts(db, { ...all, kind: "back_in_stock" });
    expect(backInStock.rows.map((r) => [r.id, r.readAt === null])).toEqual([
      [27, false],
      [26, true],
    ]);
    expect(await listAlerts(db, { ...all, unreadOnly: true, kind: "backorder" })).toMatchObject({ total: 0, rows: [], pages: 1 });
  });
});
