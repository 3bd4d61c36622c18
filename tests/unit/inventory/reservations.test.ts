import { describe, expect, it } from "vitest";
import {
  orderCanceledReservations,
  orderPlacedReservations,
  qtyToCancel,
  shipmentReservations,
  shipmentSourceDeduction,
  type OrderLineProgress,
  type ReservationEventType,
} from "@/lib/inventory";

const meta = (event_type: ReservationEventType) => ({ event_type, object_type: "order", object_id: "42" });
const base = { orderId: "42", stockId: 1 };

describe("order_placed (inventory-rules §7)", () => {
  const items = [
    { sku: "a", qty: 3, manageStock: true },
    { sku: "b", qty: 2.5, manageStock: true },
    { sku: "c", qty: 4, manageStock: false },
    { sku: "d", qty: 0, manageStock: true },
  ];

  it("§7 −qty per managed line with metadata; manage stock off and empty lines write nothing", () => {
    expect(orderPlacedReservations({ ...base, canSubtract: true, items })).toEqual([
      { sku: "a", stockId: 1, quantity: -3, metadata: meta("order_placed") },
      { sku: "b", stockId: 1, quantity: -2.5, metadata: meta("order_placed") },
    ]);
  });

  it("§7 Decrease Stock When Order is Placed = No → no reservation at all", () => {
    expect(orderPlacedReservations({ ...base, canSubtract: false, items })).toEqual([]);
  });
});

describe("order_canceled (inventory-rules §7)", () => {
  it.each<[string, OrderLineProgress, number]>([
    ["nothing shipped → everything", { qtyOrdered: 5, qtyShipped: 0, qtyCanceled: 0 }, 5],
    ["ordered − shipped", { qtyOrdered: 5, qtyShipped: 2, qtyCanceled: 0 }, 3],
    ["ordered − shipped − already cancelled", { qtyOrdered: 5, qtyShipped: 2, qtyCanceled: 1 }, 2],
    ["fully shipped → 0", { qtyOrdered: 5, qtyShipped: 5, qtyCanceled: 0 }, 0],
    ["never negative", { qtyOrdered: 5, qtyShipped: 4, qtyCanceled: 3 }, 0],
    ["ordered − shipped − refunded: a refund takes unshipped units first", { qtyOrdered: 5, qtyShipped: 1, qtyCanceled: 0, qtyRefunded: 3 }, 1],
    ["a refund beyond the unshipped units leaves nothing open", { qtyOrdered: 4, qtyShipped: 2, qtyCanceled: 0, qtyRefunded: 3 }, 0],
    ["decimals without noise", { qtyOrdered: 0.3, qtyShipped: 0.1, qtyCanceled: 0 }, 0.2],
  ])("§7 qtyToCancel: %s", (_name, item, expected) => {
    expect(qtyToCancel(item)).toBe(expected);
  });

  it("§7 +(ordered − shipped − cancelled) per managed line, zero lines skipped", () => {
    const items = [
      { sku: "a", manageStock: true, qtyOrdered: 5, qtyShipped: 2, qtyCanceled: 0 },
      { sku: "b", manageStock: true, qtyOrdered: 5, qtyShipped: 5, qtyCanceled: 0 },
      { sku: "c", manageStock: false, qtyOrdered: 5, qtyShipped: 0, qtyCanceled: 0 },
    ];
    expect(orderCanceledReservations({ ...base, canSubtract: true, items })).toEqual([
      { sku: "a", stockId: 1, quantity: 3, metadata: meta("order_canceled") },
    ]);
    expect(orderCanceledReservations({ ...base, canSubtract: false, items })).toEqual([]);
  });
});

describe("shipment_created (inventory-rules §7)", () => {
  it("§7 +shipped per managed line", () => {
    const items = [
      { sku: "a", qty: 2, manageStock: true },
      { sku: "b", qty: 1, manageStock: false },
    ];
    expect(shipmentReservations({ ...base, canSubtract: true, items })).toEqual([
      { sku: "a", stockId: 1, quantity: 2, metadata: meta("shipment_created") },
    ]);
    expect(shipmentReservations({ ...base, canSubtract: false, items })).toEqual([]);
  });

  it.each<[number, number, ReturnType<typeof shipmentSourceDeduction>]>([
    [10, 4, { ok: true, newQty: 6 }],
    [4, 4, { ok: true, newQty: 0 }],
    [0.3, 0.1, { ok: true, newQty: 0.2 }],
    [3, 4, { ok: false, message: "Not all of your products are available in the requested quantity." }],
    [-15, 1, { ok: false, message: "Not all of your products are available in the requested quantity." }],
  ])("§7 source quantity %d − shipped %d", (sourceQty, shipQty, expected) => {
    expect(shipmentSourceDeduction(sourceQty, shipQty)).toEqual(expected);
  });
});

