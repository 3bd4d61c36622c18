import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canRefund,
  creditMemoReservations,
  planCreditMemoLine,
  qtyToRefund,
  refundQtyProblem,
  refundSplit,
  unrefundedShipments,
  REFUND_MORE_THAN_LEFT,
  type CreditMemoLineInput,
  type CreditMemoLinePlan,
  type OrderLineProgress,
  type RefundLineRules,
} from "@/lib/inventory";

const line = (qtyOrdered: number, qtyShipped = 0, qtyCanceled = 0, qtyRefunded = 0): OrderLineProgress => ({
  qtyOrdered,
  qtyShipped,
  qtyCanceled,
  qtyRefunded,
});
const whole = (progress: OrderLineProgress): RefundLineRules => ({ ...progress, isQtyDecimal: false });

describe("how much a credit memo may refund (inventory-rules §7)", () => {
  it.each<[string, OrderLineProgress, number]>([
    ["nothing done yet → everything ordered", line(4), 4],
    ["shipped units can be refunded too", line(4, 4), 4],
    ["ordered − refunded", line(4, 2, 0, 3), 1],
    ["ordered − refunded − cancelled", line(5, 0, 3, 1), 1],
    ["fully cancelled → nothing", line(5, 0, 5), 0],
    ["never negative", line(5, 0, 4, 3), 0],
    ["decimals without noise", line(0.3, 0, 0.1, 0.1), 0.1],
  ])("§7 qtyToRefund: %s", (_name, progress, expected) => {
    expect(qtyToRefund(progress)).toBe(expected);
  });

  it("§7 Credit Memo is offered while any line has something left to refund", () => {
    expect(canRefund([line(2, 0, 2), line(1, 1, 0, 1)])).toBe(false);
    expect(canRefund([line(2, 0, 2), line(1, 1)])).toBe(true);
  });

  it.each<[string, RefundLineRules, number, string | null]>([
    ["up to what is left is accepted", whole(line(4, 2, 0, 1)), 3, null],
    ["0 refunds nothing of the line and is accepted", whole(line(4)), 0, null],
    ["more than ordered − refunded − cancelled is refused", whole(line(4, 2, 0, 1)), 4, REFUND_MORE_THAN_LEFT],
    ["cancelled units can't be refunded", whole(line(4, 0, 3)), 2, REFUND_MORE_THAN_LEFT],
    ["at 4 decimals: 1.00001 of 1 left is within", { ...line(1.5), qtyRefunded: 0.5, isQtyDecimal: true }, 1.00001, null],
    ["a decimal quantity of a whole-number product is refused", whole(line(4)), 1.5, "You cannot use decimal quantity for this product."],
    ["a decimal product takes decimals", { ...line(2.5), isQtyDecimal: true }, 1.25, null],
    ["a negative quantity is refused", whole(line(4)), -1, "The quantity to refund can't be negative."],
    ["not a number is refused", whole(line(4)), Number.NaN, "The quantity to refund can't be negative."],
  ])("§7 refundQtyProblem: %s", (_name, rules, qty, expected) => {
    expect(refundQtyProblem(rules, qty)).toBe(expected);
  });
});

describe("refundSplit (inventory-rules §7 worked case: units never shipped are refunded first)", () => {
  it.each<[string, OrderLineProgress, number, { notShipped: number; shipped: number }]>([
    ["worked case: 4 ordered, 2 shipped, refund 3 → 2 never shipped, 1 shipped", line(4, 2), 3, { notShipped: 2, shipped: 1 }],
    ["nothing shipped → all never shipped", line(4), 4, { notShipped: 4, shipped: 0 }],
    ["everything shipped → all shipped", line(4, 4), 2, { notShipped: 0, shipped: 2 }],
    ["an earlier refund already took unshipped units", line(4, 2, 0, 1), 2, { notShipped: 1, shipped: 1 }],
    ["cancelled units are not refunded", line(5, 2, 2), 3, { notShipped: 1, shipped: 2 }],
    ["decimals without noise", line(0.3, 0.1), 0.3, { notShipped: 0.2, shipped: 0.1 }],
  ])("§7 %s", (_name, progress, qty, expected) => {
    expect(refundSplit(progress, qty)).toEqual(expected);
  });
});

describe("unrefundedShipments (inventory-rules §7: the source a shipped unit went back to)", () => {
  it("sums per source, latest shipment's source first, less what earlier credit memos took back", () => {
    const shipped = [
      { sourceCode: "south", qty: 1 },
      { sourceCode: "north", qty: 2 },
      { sourceCode: "south", qty: 0.5 },
    ];
    expect(unrefundedShipments(shipped, [])).toEqual([
      { sourceCode: "south", qty: 1.5 },
      { sourceCode: "north", qty: 2 },
    ]);
    expect(unrefundedShipments(shipped, [{ sourceCode: "south", qty: 1.5 }, { sourceCode: "north", qty: 0.5 }])).toEqual([
      { sourceCode: "north", qty: 1.5 },
    ]);
    // A refund counted at a source the line never shipped from leaves the others as they are.
    expect(unrefundedShipments([{ sourceCode: "north", qty: 1 }], [{ sourceCode: "gone", qty: 1 }])).toEqual([{ sourceCode: "north", qty: 1 }]);
  });
});

const input = (overrides: Partial<CreditMemoLineInput>): CreditMemoLineInput => ({
  line: { ...line(4, 2), manageStock: true },
  qty: 3,
  backToStock: true,
  shippedFrom: [{ sourceCode: "default", qty: 2 }],
  writeOffSource: "default",
  ...overrides,
});

describe("planCreditMemoLine (inventory-rules §7 credit memo rows: source quantities)", () => {
  it.each<[string, CreditMemoLineInput, Omit<CreditMemoLinePlan, "notShipped" | "shipped">]>([
    [
      "return to stock: the shipped part goes back to the source it shipped from; the rest only leaves the reservation",
      input({}),
      {
        parts: [
          { qty: 2, shipped: false, sourceCode: null },
          { qty: 1, shipped: true, sourceCode: "default" },
        ],
        sourceMoves: [{ sourceCode: "default", delta: 1 }],
      },
    ],
    [
      "not returned to stock: the not-yet-shipped part is written off from the source; the shipped part stays out",
      input({ backToStock: false }),
      {
        parts: [
          { qty: 2, shipped: false, sourceCode: "default" },
          { qty: 1, shipped: true, sourceCode: "default" },
        ],
        sourceMoves: [{ sourceCode: "default", delta: -2 }],
      },
    ],
    [
      "return to stock from two sources: the latest shipment's source first",
      input({ line: { ...line(4, 4), manageStock: true }, qty: 3, shippedFrom: [{ sourceCode: "south", qty: 1 }, { sourceCode: "north", qty: 3 }] }),
      {
        parts: [
          { qty: 1, shipped: true, sourceCode: "south" },
          { qty: 2, shipped: true, sourceCode: "north" },
        ],
        sourceMoves: [
          { sourceCode: "south", delta: 1 },
          { sourceCode: "north", delta: 2 },
        ],
      },
    ],
    [
      "return to stock: the latest shipment's source alone when it covers the refund",
      input({ line: { ...line(4, 4), manageStock: true }, qty: 1, shippedFrom: [{ sourceCode: "south", qty: 2 }, { sourceCode: "north", qty: 2 }] }),
      { parts: [{ qty: 1, shipped: true, sourceCode: "south" }], sourceMoves: [{ sourceCode: "south", delta: 1 }] },
    ],
    [
      "Manage Stock = No at placement: nothing moves at any source",
      input({ line: { ...line(4, 2), manageStock: false }, backToStock: false }),
      {
        parts: [
          { qty: 2, shipped: false, sourceCode: null },
          { qty: 1, shipped: true, sourceCode: "default" },
        ],
        sourceMoves: [],
      },
    ],
    [
      "not returned with no source to write off from: the move names none (the write refuses it)",
      input({ line: { ...line(4), manageStock: true }, qty: 1, backToStock: false, shippedFrom: [], writeOffSource: null }),
      { parts: [{ qty: 1, shipped: false, sourceCode: null }], sourceMoves: [{ sourceCode: null, delta: -1 }] },
    ],
    [
      "shipped units no shipment accounts for are refunded without a source",
      input({ line: { ...line(2, 2), manageStock: true }, qty: 2, shippedFrom: [{ sourceCode: "default", qty: 1 }] }),
      {
        parts: [
          { qty: 1, shipped: true, sourceCode: "default" },
          { qty: 1, shipped: true, sourceCode: null },
        ],
        sourceMoves: [{ sourceCode: "default", delta: 1 }],
      },
    ],
  ])("§7 %s", (_name, lineInput, expected) => {
    expect(planCreditMemoLine(lineInput)).toEqual({ ...refundSplit(lineInput.line, lineInput.qty), ...expected });
  });

  it.each([
    // The worked case: source 10, order 4 (reserved −4), ship 2 (source 8, reserved −2), refund 3.
    ["with Return to Stock → source 9, salable 9", true, 9, 9],
    ["without → source 6, salable 6", false, 6, 6],
  ])("§7 worked case, refund 3 of which 2 not yet shipped, %s", (_name, backToStock, source, salable) => {
    const progress = { ...line(4, 2), manageStock: true, sku: "TEE" };
    const plan = planCreditMemoLine(input({ line: progress, qty: 3, backToStock }));
    const released = creditMemoReservations({
      orderId: "1",
      stockId: 1,
      canSubtract: true,
      items: [{ ...progress, notShipped: plan.notShipped }],
    });
    expect(released).toEqual([
      { sku: "TEE", stockId: 1, quantity: 2, metadata: { event_type: "creditmemo_created", object_type: "order", object_id: "1" } },
    ]);
    const sourceAfter = plan.sourceMoves.reduce((qty, move) => qty + move.delta, 8);
    const reservedAfter = -2 + released[0].quantity;
    expect(sourceAfter).toBe(source);
    // Inventory-rules §2 with threshold 0.
    expect(sourceAfter + reservedAfter).toBe(salable);
  });
});

describe("creditmemo_created (inventory-rules §7 credit memo rows: reservations)", () => {
  it("§7 +qty not yet shipped per managed line; shipped-only and unmanaged lines write nothing; none when the order reserved none", () => {
    const items = [
      { sku: "a", manageStock: true, notShipped: 2 },
      { sku: "b", manageStock: true, notShipped: 0 },
      { sku: "c", manageStock: false, notShipped: 3 },
    ];
    expect(creditMemoReservations({ orderId: "7", stockId: 2, canSubtract: true, items })).toEqual([
      { sku: "a", stockId: 2, quantity: 2, metadata: { event_type: "creditmemo_created", object_type: "order", object_id: "7" } },
    ]);
    expect(creditMemoReservations({ orderId: "7", stockId: 2, canSubtract: false, items })).toEqual([]);
  });
});

describe("invariants (property tests)", () => {
  it("§7 refunding a line in two credit memos, around any shipment, releases exactly what the order still reserved and returns exactly what shipped", () => {
    const scenario = fc
      .integer({ min: 1, max: 50 })
      .chain((ordered) => fc.tuple(fc.constant(ordered), fc.integer({ min: 0, max: ordered }), fc.integer({ min: 0, max: ordered })));
    fc.assert(
      fc.property(scenario, ([ordered, shipped, first]) => {
        const progress = { ...line(ordered, shipped), manageStock: true };
        const shippedFrom = shipped > 0 ? [{ sourceCode: "default", qty: shipped }] : [];
        const one = planCreditMemoLine({ line: progress, qty: first, backToStock: true, shippedFrom, writeOffSource: "default" });
        const after = { ...progress, qtyRefunded: first };
        const rest = qtyToRefund(after);
        const returned = one.sourceMoves.reduce((sum, m) => sum + m.delta, 0);
        const two = planCreditMemoLine({
          line: after,
          qty: rest,
          backToStock: true,
          shippedFrom: unrefundedShipments(shippedFrom, [{ sourceCode: "default", qty: returned }]),
          writeOffSource: "default",
        });
        // order_placed −ordered, shipment_created +shipped, then each credit memo's units never shipped.
        expect(-ordered + shipped + one.notShipped + two.notShipped).toBe(0);
        expect(returned + two.sourceMoves.reduce((sum, m) => sum + m.delta, 0)).toBe(shipped);
        expect(qtyToRefund({ ...after, qtyRefunded: first + rest })).toBe(0);
      }),
    );
  });
});
