import { describe, expect, it } from "vitest";
import {
  backorderNotice,
  backorderQty,
  isSalable,
  isSalableForRequestedQty,
  orderCanceledReservations,
  orderPlacedReservations,
  salableQty,
  salableQtyLabel,
  shopperMessage,
  storefrontLabels,
  type EffectiveSettings,
  type ReservationToAppend,
  type StockSnapshot,
} from "@/lib/inventory";
import { makeEff, snap, source, withReserved } from "./fixtures";

/** Places an order through the §4 check and the §7 reservation, as the order action does. */
function placeOrder(eff: EffectiveSettings, s: StockSnapshot, orderId: string, qty: number) {
  const errors = isSalableForRequestedQty(eff, s, qty, 2);
  const reservations: ReservationToAppend[] =
    errors.length === 0
      ? orderPlacedReservations({
          orderId,
          stockId: 1,
          canSubtract: true,
          items: [{ sku: "SEED", qty, manageStock: eff.manageStock.value }],
        })
      : [];
  return { errors, reservations, after: withReserved(s, ...reservations.map((r) => r.quantity)) };
}

describe("inventory-rules §10 worked cases", () => {
  it("seed: qty 25, backorders on, threshold −50, Only X 5 → 75; 70 ordered → Only 5 left; 75 → Out of stock; cancel 5 → 5", () => {
    const eff = makeEff({ backorders: 1, minQty: -50 });
    const labels = (s: StockSnapshot) => storefrontLabels({ eff, snap: s, onlyXLeftThreshold: 5, displayStockStatus: true });
    const start = snap([source(25)]);
    expect(salableQty(eff, start)).toBe(75);

    const first = placeOrder(eff, start, "1", 70);
    expect(first.errors).toEqual([]);
    expect(first.reservations.map((r) => r.quantity)).toEqual([-70]);
    expect(salableQty(eff, first.after)).toBe(5);
    expect(labels(first.after)).toEqual({ stockLabel: "In stock", onlyXLeft: "Only 5 left", salable: true });

    const second = placeOrder(eff, first.after, "2", 5);
    expect(second.errors).toEqual([]);
    expect(salableQty(eff, second.after)).toBe(0);
    expect(labels(second.after)).toEqual({ stockLabel: "Out of stock", onlyXLeft: null, salable: false });
    const refused = placeOrder(eff, second.after, "3", 1);
    expect(shopperMessage(refused.errors)).toBe("Not enough items for sale");
    expect(refused.reservations).toEqual([]);

    const cancel = orderCanceledReservations({
      orderId: "2",
      stockId: 1,
      canSubtract: true,
      items: [{ sku: "SEED", manageStock: true, qtyOrdered: 5, qtyShipped: 0, qtyCanceled: 0 }],
    });
    const restored = withReserved(second.after, ...cancel.map((r) => r.quantity));
    expect(salableQty(eff, restored)).toBe(5);
    expect(labels(restored).onlyXLeft).toBe("Only 5 left");
  });

  it("clamp 1: qty 10, backorders off, threshold −5 → salable 10", () => {
    const eff = makeEff({ backorders: 0, minQty: -5 });
    expect(salableQty(eff, snap([source(10)]))).toBe(10);
    expect(isSalableForRequestedQty(eff, snap([source(10)]), 11, 2)).not.toEqual([]);
  });

  it("clamp 2: qty 10, backorders on, threshold 5 → unlimited: any qty passes §4, In stock, no Only X left", () => {
    const eff = makeEff({ backorders: 1, minQty: 5 });
    const s = snap([source(10)]);
    for (const qty of [1, 10, 11, 500, 10000]) expect(isSalableForRequestedQty(eff, s, qty, 1)).toEqual([]);
    expect(storefrontLabels({ eff, snap: s, onlyXLeftThreshold: 100, displayStockStatus: true })).toEqual({
      stockLabel: "In stock",
      onlyXLeft: null,
      salable: true,
    });
  });

  it("notify: physical 10, threshold −10, backorders 2, request 15 → passes, backorder notice for 5", () => {
    const eff = makeEff({ backorders: 2, minQty: -10 });
    const s = snap([source(10)]);
    expect(salableQty(eff, s)).toBe(20);
    expect(isSalableForRequestedQty(eff, s, 15, 2)).toEqual([]);
    expect(backorderQty(eff, s, 15)).toBe(5);
    expect(backorderNotice(eff, backorderQty(eff, s, 15))).toBe(
      "We don't have as many quantity as you requested, but we'll back order the remaining 5.",
    );
  });

  it("inclusive: salable 0.17, decimal product, request 0.17 → passes", () => {
    // Minimum Qty Allowed in Shopping Cart defaults to 1, which would refuse 0.17 before stock is looked at.
    const eff = makeEff({ isQtyDecimal: true, minSaleQty: 0 });
    const s = snap([source(10.17)], -10);
    expect(salableQty(eff, s)).toBe(0.17);
    expect(isSalableForRequestedQty(eff, s, 0.17, 2)).toEqual([]);
    expect(shopperMessage(isSalableForRequestedQty(eff, s, 0.1701, 1))).toBe("Only 0.17 of 0.1701 available");
  });

  it("no source in stock: backorders on, every source item Out of Stock → not salable, no In Stock source items", () => {
    const eff = makeEff({ backorders: 1, minQty: -50 });
    const s = snap([source(10, 0), source(5, 0, true, "west")]);
    expect(isSalable(eff, s)).toBe(false);
    expect(salableQty(eff, s)).toBe(0);
    expect(isSalableForRequestedQty(eff, s, 1, 2)).toEqual([
      {
        code: "is_any_source_item_in_stock-no_source_items_in_stock",
        message: "There are no source items with the in stock status",
      },
    ]);
  });

  it("manage off: manage stock No, all source items Out of Stock → salable for any qty, No manage stock, no reservation", () => {
    const eff = makeEff({ manageStock: false });
    const s = snap([source(0, 0), source(4, 0, true, "west")]);
    expect(isSalable(eff, s)).toBe(true);
    for (const qty of [1, 5, 10000]) expect(isSalableForRequestedQty(eff, s, qty, 2)).toEqual([]);
    expect(salableQtyLabel(eff, s)).toBe("No manage stock");
    expect(placeOrder(eff, s, "1", 5).reservations).toEqual([]);
  });

  it("§2 the admin cell shows the figure while stock is managed", () => {
    expect(salableQtyLabel(makeEff({ isQtyDecimal: true }), snap([source(2.5)]))).toBe("2.5");
  });
});
