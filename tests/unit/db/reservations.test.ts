import { describe, expect, it } from "vitest";
import { transaction, type Db } from "@/db/connection";
import { cancelOrder, placeOrder, shipOrder } from "@/db/queries/orders";
import { listOpenReservations } from "@/db/queries/reservations";
import { eq } from "drizzle-orm";
import { reservations, reservationTotals } from "@/db/schema";
import { tempDb } from "./temp-db";

const order = async (db: Db, sku: string, qty: number) => (await placeOrder(db, { storeCode: "default", items: [{ sku, qty }] })).order;

describe("listOpenReservations (why Salable Quantity differs from Quantity)", () => {
  it("inventory-rules §7: per stock, each order still holding stock with its events, newest first, and the total", async () => {
    const db = await tempDb();
    const first = await order(db, "SR-CAP", 10);
    const second = await order(db, "SR-CAP", 4);
    const third = await order(db, "SR-CAP", 2);
    await shipOrder(db, { orderId: first.id, sourceCode: "default", items: [{ orderItemId: first.items[0].id, qty: 3 }] });
    await cancelOrder(db, { orderId: third.id });
    await order(db, "SR-TOTE", 1);

    expect(await listOpenReservations(db, "SR-CAP")).toEqual([
      {
        stockId: 1,
        stockName: "Default Stock",
        // −10 + 3 − 4 − 2 + 2
        total: -11,
        openCount: 2,
        // The cancelled order cancels out and is not listed. The first order's shipment is its
        // newest event, newer than the second order's placement, so it comes first.
        open: [
          { orderId: first.id, incrementId: "000000001", quantity: -7, events: [{ type: "order_placed", quantity: -10 }, { type: "shipment_created", quantity: 3 }] },
          { orderId: second.id, incrementId: "000000002", quantity: -4, events: [{ type: "order_placed", quantity: -4 }] },
        ],
      },
    ]);
    expect(await listOpenReservations(db, "SR-SOCKS")).toEqual([]);
  });

  it("limits the listed orders but counts them all; a reservation whose order is gone still shows", async () => {
    const db = await tempDb();
    for (let i = 0; i < 3; i++) await order(db, "SR-CAP", 1);
    await transaction(db, async (tx) => {
      await tx
        .insert(reservations)
        .values({ stockId: 1, sku: "SR-CAP", quantity: -2, metadata: JSON.stringify({ event_type: "order_placed", object_type: "order", object_id: "77" }) });
    });
    const [stock] = await listOpenReservations(db, "SR-CAP", 2);
    expect(stock.total).toBe(-5);
    expect(stock.openCount).toBe(4);
    expect(stock.open).toEqual([
      { orderId: null, incrementId: null, quantity: -2, events: [{ type: "order_placed", quantity: -2 }] },
      { orderId: 3, incrementId: "000000003", quantity: -1, events: [{ type: "order_placed", quantity: -1 }] },
    ]);
  });
});

describe("reservation_totals (Σ reservations per SKU and stock, kept by a trigger)", () => {
  it("keeps decimal totals exact to Magento's 4 places: −0.1 − 0.2 is −0.3, and + 0.3 is 0", async () => {
    const db = await tempDb();
    const metadata = JSON.stringify({ event_type: "order_placed", object_type: "order", object_id: "0" });
    await transaction(db, async (tx) => {
      for (const quantity of [-0.1, -0.2]) await tx.insert(reservations).values({ stockId: 1, sku: "SR-FABRIC-M", quantity, metadata });
    });
    const total = async () => (await db.select().from(reservationTotals).where(eq(reservationTotals.sku, "SR-FABRIC-M")))[0].quantity;
    expect(await total()).toBe(-0.3);
    await transaction(db, (tx) => tx.insert(reservations).values({ stockId: 1, sku: "SR-FABRIC-M", quantity: 0.3, metadata }));
    expect(await total()).toBe(0);
  });
});
