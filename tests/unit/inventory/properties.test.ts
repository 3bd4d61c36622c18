import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  hasUnlimitedBackorders,
  isSalable,
  isSalableForRequestedQty,
  orderCanceledReservations,
  orderPlacedReservations,
  physicalQty,
  salableQty,
  snapshotFromTotals,
  snapshotTotals,
  backorderQty,
  type Backorders,
  type EffectiveSettings,
  type NotAvailableMessage,
  type SourceItemStatus,
  type StockSnapshot,
} from "@/lib/inventory";
import { makeEff, withReserved } from "./fixtures";

/** Hundredths, so sums stay clear of the 4-decimal rounding boundary. */
const hundredths = (min: number, max: number) =>
  fc.integer({ min: min * 100, max: max * 100 }).map((n) => n / 100);

const effArb: fc.Arbitrary<EffectiveSettings> = fc
  .record({
    manageStock: fc.boolean(),
    backorders: fc.constantFrom<Backorders>(0, 1, 2),
    minQty: fc.oneof(fc.integer({ min: -50, max: 20 }), hundredths(-50, 20)),
    isQtyDecimal: fc.boolean(),
    minSaleQty: fc.constantFrom(0, 1, 2),
    maxSaleQty: fc.constantFrom(0, 10, 10000),
    enableQtyIncrements: fc.constantFrom(false, false, true),
    qtyIncrements: fc.constantFrom(0, 1, 2),
  })
  .map((overrides) => makeEff(overrides));

const sourceItemArb = fc.record({
  sourceCode: fc.constantFrom("default", "east", "west"),
  quantity: fc.oneof(fc.integer({ min: 0, max: 100 }), hundredths(0, 100)),
  status: fc.constantFrom<SourceItemStatus>(0, 1, 1),
  sourceEnabled: fc.boolean(),
});

const snapArb: fc.Arbitrary<StockSnapshot> = fc.record({
  sourceItems: fc.array(sourceItemArb, { maxLength: 4 }),
  reserved: fc.oneof(fc.integer({ min: -60, max: 0 }), hundredths(-60, 0)),
});

// Mostly small whole orders, so a good share passes the §4 quantity rules and lands near the floor.
const qtyArb = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 40 }), weight: 3 },
  { arbitrary: hundredths(0.01, 150), weight: 1 },
);
const messageArb = fc.constantFrom<NotAvailableMessage>(1, 2);

const floorApplies = (eff: EffectiveSettings) => eff.manageStock.value && !hasUnlimitedBackorders(eff);

/** The §4 check and §7 reservation of one order, as one step (inventory-rules §7 Decision). */
function place(eff: EffectiveSettings, s: StockSnapshot, qty: number, message: NotAvailableMessage, canSubtract = true) {
  const accepted = isSalableForRequestedQty(eff, s, qty, message).length === 0;
  if (!accepted) return { accepted, after: s };
  const reservations = orderPlacedReservations({
    orderId: "o",
    stockId: 1,
    canSubtract,
    items: [{ sku: "p", qty, manageStock: eff.manageStock.value }],
  });
  return { accepted, after: withReserved(s, ...reservations.map((r) => r.quantity)) };
}

describe("invariants (property tests)", () => {
  it("§2–3 an assigned SKU's figures follow from its totals alone (what a configuration save recomputes from)", () => {
    fc.assert(
      fc.property(effArb, snapArb, (eff, s) => {
        if (s.sourceItems.length === 0) return;
        const fromTotals = snapshotFromTotals(snapshotTotals(s));
        expect(snapshotTotals(fromTotals)).toEqual(snapshotTotals(s));
        expect(isSalable(eff, fromTotals)).toBe(isSalable(eff, s));
        expect(salableQty(eff, fromTotals)).toBe(salableQty(eff, s));
        const oversold = -s.reserved;
        expect(backorderQty(eff, { ...fromTotals, reserved: 0 }, oversold)).toBe(backorderQty(eff, { ...s, reserved: 0 }, oversold));
      }),
    );
  });

  it("§2 a non-salable product never reports a positive salable quantity", () => {
    fc.assert(
      fc.property(effArb, snapArb, (eff, s) => {
        if (!isSalable(eff, s)) expect(salableQty(eff, s)).toBe(0);
      }),
    );
  });

  it("§4/§7 accepted orders never take physical + reserved − threshold below 0 while a floor applies", () => {
    fc.assert(
      fc.property(effArb, snapArb, fc.array(qtyArb, { minLength: 1, maxLength: 8 }), messageArb, (eff, start, qtys, message) => {
        let s = start;
        for (const qty of qtys) {
          const { accepted, after } = place(eff, s, qty, message);
          s = after;
          if (accepted && floorApplies(eff)) {
            expect(Math.round((physicalQty(s) + s.reserved - eff.effectiveMinQty) * 1e4)).toBeGreaterThanOrEqual(0);
            expect(salableQty(eff, s)).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("§7 cancelling the accepted orders restores salable exactly", () => {
    fc.assert(
      fc.property(
        effArb,
        snapArb,
        fc.array(qtyArb, { minLength: 1, maxLength: 6 }),
        messageArb,
        fc.boolean(),
        (eff, start, qtys, message, canSubtract) => {
          let s = start;
          const placed: number[] = [];
          for (const qty of qtys) {
            const { accepted, after } = place(eff, s, qty, message, canSubtract);
            if (accepted) placed.push(qty);
            s = after;
          }
          const cancel = orderCanceledReservations({
            orderId: "o",
            stockId: 1,
            canSubtract,
            items: placed.map((qty) => ({
              sku: "p",
              manageStock: eff.manageStock.value,
              qtyOrdered: qty,
              qtyShipped: 0,
              qtyCanceled: 0,
            })),
          });
          const restored = withReserved(s, ...cancel.map((r) => r.quantity));
          expect(salableQty(eff, restored)).toBe(salableQty(eff, start));
          expect(isSalable(eff, restored)).toBe(isSalable(eff, start));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("§2 more physical stock in a source item never lowers salable", () => {
    fc.assert(
      fc.property(
        effArb,
        snapArb.filter((s) => s.sourceItems.length > 0),
        fc.nat(),
        hundredths(0, 100),
        (eff, s, pick, extra) => {
          const index = pick % s.sourceItems.length;
          const more: StockSnapshot = {
            ...s,
            sourceItems: s.sourceItems.map((item, i) => (i === index ? { ...item, quantity: item.quantity + extra } : item)),
          };
          expect(salableQty(eff, more)).toBeGreaterThanOrEqual(salableQty(eff, s));
        },
      ),
    );
  });
});
