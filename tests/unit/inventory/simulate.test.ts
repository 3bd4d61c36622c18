import { describe, expect, it } from "vitest";
import {
  editedSellDownInput,
  sellDownSeries,
  sellDownStretches,
  sellDownSummary,
  type SellDownInput,
  type SellDownPlace,
  type StockSnapshot,
} from "@/lib/inventory";
import { makeEff, snap, source, type ProductOverrides } from "./fixtures";

const run = (overrides: ProductOverrides, s = snap([source(25)]), extra: Partial<SellDownInput> = {}) =>
  sellDownSeries({
    eff: makeEff(overrides),
    snap: s,
    onlyXLeftThreshold: 5,
    displayStockStatus: true,
    notifyQty: 1,
    ...extra,
  });

describe("sellDownSeries", () => {
  it("§10 seed: sells 75 one at a time, Only 5 left at 70, Out of stock at 75", () => {
    const series = run({ backorders: 1, minQty: -50 }, snap([source(25)]), { notifyQty: 10 });
    expect(series.points).toHaveLength(76);
    expect(series.points.map((p) => p.sold)).toEqual(Array.from({ length: 76 }, (_, i) => i));
    expect(series.points[0]).toEqual({
      sold: 0,
      salable: 75,
      label: "In stock",
      labelShown: true,
      backordered: 0,
      notify: false,
    });
    expect(series.points[70]).toMatchObject({ salable: 5, label: "Only 5 left", backordered: 45 });
    expect(series.points[75]).toMatchObject({ salable: 0, label: "Out of stock", backordered: 50 });
    expect(series.points[69].label).toBe("In stock");
    expect(series).toMatchObject({
      backordersBeginAt: 25,
      // §9: the source's quantity once the orders ship (25 − 16 = 9) is below 10.
      notify: { kind: "one source", notifyQty: 10, quantityNow: 25, listedNow: false, unshipped: 0, at: 16 },
      unlimited: false,
      stoppedAt: 75,
    });
    expect(series.points[25].notify).toBe(false);
  });

  it("§3 unlimited backorders: capped at max(physical × 2, 20), never stops", () => {
    const series = run({ backorders: 2 });
    expect(series.unlimited).toBe(true);
    expect(series.stoppedAt).toBeNull();
    expect(series.points.at(-1)).toMatchObject({ sold: 50, salable: -25, label: "In stock", backordered: 25 });
    expect(series.points.every((p) => p.label === "In stock")).toBe(true);
    expect(series.backordersBeginAt).toBe(25);
  });

  it("steps in bigger increments when the range exceeds maxPoints, keeping backordersBeginAt exact", () => {
    const series = run({ backorders: 1 }, snap([source(25)]), { maxPoints: 10 });
    expect(series.points.map((p) => p.sold)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50]);
    expect(series.backordersBeginAt).toBe(25);
  });

  it("§3 unlimited with little stock still shows 20 units", () => {
    const series = run({ manageStock: false }, snap([source(3, 0)]));
    expect(series.unlimited).toBe(true);
    expect(series.points).toHaveLength(21);
    // §7: manage stock off writes no reservation, so nothing moves.
    expect(new Set(series.points.map((p) => p.salable))).toEqual(new Set([0]));
    expect(series.backordersBeginAt).toBeNull();
  });

  it("§3 a product that is not salable stops at once", () => {
    const series = run({ backorders: 1 }, snap([source(10, 0)]));
    expect(series.points).toEqual([
      { sold: 0, salable: 0, label: "Out of stock", labelShown: true, backordered: 0, notify: false },
    ]);
    expect(series).toMatchObject({ unlimited: false, stoppedAt: 0, backordersBeginAt: null, notify: { at: null } });
  });

  it("§4 a decimal product sells its last part unit", () => {
    const series = run({ isQtyDecimal: true }, snap([source(2.5)]));
    expect(series.points.map((p) => [p.sold, p.salable])).toEqual([
      [0, 2.5],
      [1, 1.5],
      [2, 0.5],
      [2.5, 0],
    ]);
    expect(series.stoppedAt).toBe(2.5);
  });

  it("§4 a whole-number product stops when less than a unit is left", () => {
    const series = run({ minQty: 0.5 }, snap([source(3)]));
    expect(series.points.map((p) => [p.sold, p.salable, p.label])).toEqual([
      [0, 2.5, "Only 2.5 left"],
      [1, 1.5, "Only 1.5 left"],
      [2, 0.5, "Only 0.5 left"],
    ]);
    expect(series.stoppedAt).toBe(2);
  });

  it("sells the whole units left when less than a big step remains", () => {
    const series = run({}, snap([source(1003)]));
    expect(series.points).toHaveLength(169);
    expect(series.points[1].sold).toBe(6);
    expect(series.points.at(-1)).toMatchObject({ sold: 1003, salable: 0, label: "Out of stock" });
  });

  it("cart-size rules do not stop the sell-down (they limit one cart, not the stock)", () => {
    const series = run({ minSaleQty: 5, maxSaleQty: 2, enableQtyIncrements: true, qtyIncrements: 3 }, snap([source(4)]));
    expect(series.points.map((p) => p.sold)).toEqual([0, 1, 2, 3, 4]);
  });

  it("§6 labelShown follows Display Products Availability; Only X left always shows", () => {
    const series = run({}, snap([source(6)]), { displayStockStatus: false });
    expect(series.points.map((p) => [p.label, p.labelShown])).toEqual([
      ["In stock", false],
      ["Only 5 left", true],
      ["Only 4 left", true],
      ["Only 3 left", true],
      ["Only 2 left", true],
      ["Only 1 left", true],
      ["Out of stock", false],
    ]);
  });

  it("a backlog that is already oversold backorders from the first unit", () => {
    const series = run({ backorders: 1, minQty: -20 }, snap([source(10)], -15));
    expect(series.backordersBeginAt).toBe(0);
    expect(series.stoppedAt).toBe(15);
  });
});

describe("sellDownStretches and sellDownSummary (the chart's bands and its text alternative)", () => {
  it("§10 seed: In stock to 69, Only 5 → 1 left from 70 to 74, Out of stock at 75", () => {
    const series = run({ backorders: 1, minQty: -50 }, snap([source(25)]), { notifyQty: 10 });
    expect(sellDownStretches(series)).toEqual([
      { kind: "In stock", firstLabel: "In stock", lastLabel: "In stock", fromSold: 0, toSold: 69, shown: true },
      { kind: "Only N left", firstLabel: "Only 5 left", lastLabel: "Only 1 left", fromSold: 70, toSold: 74, shown: true },
      { kind: "Out of stock", firstLabel: "Out of stock", lastLabel: "Out of stock", fromSold: 75, toSold: 75, shown: true },
    ]);
    expect(sellDownSummary(series)).toEqual([
      "Salable quantity now: 75.",
      'From 0 to 69 units sold, shoppers see "In stock".',
      'From 70 to 74 units sold, shoppers see "Only 5 left" down to "Only 1 left".',
      'At 75 units sold, shoppers see "Out of stock".',
      "Backorders begin after 25 units sold.",
      "Notify for Quantity Below flags it from 16 units sold, once they ship: the Low Stock report compares the source's quantity (25 now) with 10, and an order lowers it only when it ships.",
      "After 75 units sold, the next sale is refused.",
    ]);
  });

  it("§6 a store view that hides availability says so; §9 an item already low is flagged at once", () => {
    const series = run({}, snap([source(2)]), { displayStockStatus: false, onlyXLeftThreshold: 0, notifyQty: 5 });
    expect(sellDownSummary(series)).toEqual([
      "Salable quantity now: 2.",
      'From 0 to 1 unit sold, the label would be "In stock", but this store view does not display stock availability.',
      'At 2 units sold, the label would be "Out of stock", but this store view does not display stock availability.',
      "No unit goes on backorder.",
      "Notify for Quantity Below already flags it: the source's quantity, 2, is below 5, so the Low Stock report lists it.",
      "After 2 units sold, the next sale is refused.",
    ]);
  });

  it("§3 unlimited backorders: the summary says where the chart stops", () => {
    // §9: 25 − 16 = 9 left to ship is below 10.
    const series = run({ backorders: 2 }, snap([source(25)]), { notifyQty: 10 });
    expect(sellDownSummary(series).slice(-3)).toEqual([
      "Backorders begin after 25 units sold.",
      "Notify for Quantity Below flags it from 16 units sold, once they ship: the Low Stock report compares the source's quantity (25 now) with 10, and an order lowers it only when it ships.",
      "Nothing stops the sale (unlimited backorders or Manage Stock = No): the chart stops at 50 units sold.",
    ]);
  });

  it("§5 a backlog already beyond physical stock: every further unit is backordered", () => {
    const series = run({ backorders: 1, minQty: -20 }, snap([source(10)], -15));
    expect(sellDownSummary(series)).toContain("Every further unit goes on backorder.");
  });

  it("§3 not salable now: one Out of stock point", () => {
    const series = run({ backorders: 1 }, snap([source(10, 0)]));
    expect(sellDownSummary(series)).toEqual([
      "Salable quantity now: 0.",
      'At 0 units sold, shoppers see "Out of stock".',
      "No unit goes on backorder.",
      "Notify for Quantity Below does not flag it in this range.",
      "It cannot be sold now.",
    ]);
  });
});

describe("Notify for Quantity Below in the chart (spec §9: per source item, on the quantity orders lower only as they ship)", () => {
  const notifyOf = (s: StockSnapshot, notifyQty = 10) => {
    const series = run({ backorders: 1, minQty: -50 }, s, { notifyQty });
    return { notify: series.notify, flagged: series.points.filter((p) => p.notify).map((p) => p.sold), sentence: sellDownSummary(series).at(-2) };
  };

  it("orders not yet shipped count first: 25 on the shelf, 10 ordered → flagged from 6 more sold, once all of them ship", () => {
    const { notify, flagged, sentence } = notifyOf(snap([source(25)], -10));
    // 25 − 10 − 6 = 9 < 10, until the shelf is empty (0 is not low): 6 to 14 sold.
    expect(notify).toEqual({ kind: "one source", notifyQty: 10, quantityNow: 25, listedNow: false, unshipped: 10, at: 6 });
    expect(flagged).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(sentence).toBe(
      "Notify for Quantity Below flags it from 6 units sold, once they and the 10 units already ordered ship: the Low Stock report compares the source's quantity (25 now) with 10, and an order lowers it only when it ships.",
    );
  });

  it("the report does not list it now, but will once what is already ordered ships (25 − 16 = 9 < 10)", () => {
    const { notify, sentence } = notifyOf(snap([source(25)], -16));
    expect(notify).toMatchObject({ listedNow: false, at: 0 });
    expect(sentence).toBe(
      "Notify for Quantity Below flags it once the 16 units already ordered ship: the Low Stock report compares the source's quantity (25 now) with 10, and an order lowers it only when it ships.",
    );
  });

  it("several sources: nothing is drawn, even where their sum would fall below Notify Qty", () => {
    const { notify, flagged, sentence } = notifyOf(snap([source(20), source(5, 1, true, "north")], -10));
    expect(notify).toEqual({ kind: "several sources", sources: 2 });
    expect(flagged).toEqual([]);
    expect(sentence).toBe(
      "Notify for Quantity Below is not drawn: with 2 sources, the Low Stock report compares each source's quantity with its own Notify Qty, and an order lowers only the quantity of the source it ships from.",
    );
  });

  it.each<[string, StockSnapshot]>([
    ["not assigned: no source item to list", snap([])],
    ["a lone source item in a disabled source is never listed", snap([source(5, 1, false)])],
    ["a lone Out of Stock source item is never listed", snap([source(5, 0)])],
  ])("%s", (_name, s) => {
    const { flagged, sentence } = notifyOf(s);
    expect(flagged).toEqual([]);
    expect(sentence).toBe("Notify for Quantity Below does not flag it in this range.");
  });
});

describe("editedSellDownInput (the product page's chart, from settings not yet saved)", () => {
  const place = (s = snap([source(25)]), ownNotifyQty: number | null = null): SellDownPlace => ({
    storeName: "Default Store View",
    stockName: "Default Stock",
    snap: s,
    onlyXLeftThreshold: 5,
    displayStockStatus: true,
    ownNotifyQty,
  });

  it("§1.3 seed switched to No Backorders before saving: the −50 threshold is ignored, 25 salable, stops after 25", () => {
    const input = editedSellDownInput(place(), { eff: makeEff({ backorders: 0, minQty: -50 }), item: { qty: 25, isInStock: true } });
    expect(input).toMatchObject({ onlyXLeftThreshold: 5, displayStockStatus: true, notifyQty: 1 });
    const series = sellDownSeries(input);
    expect(series.points[0].salable).toBe(25);
    expect(series.stoppedAt).toBe(25);
    expect(series.backordersBeginAt).toBeNull();
  });

  it("single-source mode: the typed Quantity replaces the stored one, the source item's other facts stay", () => {
    const stored = place(snap([source(25, 1, true, "default")], -20));
    const input = editedSellDownInput(stored, { eff: makeEff({ backorders: 1, minQty: -50 }), item: { qty: 40, isInStock: true } });
    expect(input.snap).toEqual(snap([source(40, 1, true, "default")], -20));
    // 40 − 20 + 50.
    expect(sellDownSeries(input).points[0].salable).toBe(70);
    expect(stored.snap.sourceItems[0].quantity).toBe(25);
  });

  it("§8 the Stock Status saving would store: In Stock at or below the threshold without backorders becomes Out of Stock", () => {
    const input = editedSellDownInput(place(), { eff: makeEff({ backorders: 0, minQty: 3 }), item: { qty: 3, isInStock: true } });
    expect(input.snap.sourceItems[0].status).toBe(0);
    const kept = editedSellDownInput(place(), { eff: makeEff({ backorders: 0, minQty: 3 }), item: { qty: 4, isInStock: true } });
    expect(kept.snap.sourceItems[0].status).toBe(1);
    const admins = editedSellDownInput(place(), { eff: makeEff({ backorders: 1 }), item: { qty: 4, isInStock: false } });
    expect(admins.snap.sourceItems[0].status).toBe(0);
  });

  it("multi-source mode or an unparsable Quantity (item null), or an unassigned SKU: the stored stock is used", () => {
    const two = snap([source(5, 1, true, "default"), source(7, 1, true, "eu")]);
    const eff = makeEff({ backorders: 1 });
    expect(editedSellDownInput(place(two), { eff, item: null }).snap).toBe(two);
    expect(editedSellDownInput(place(two), { eff, item: { qty: 1, isInStock: true } }).snap).toBe(two);
    const none = snap([]);
    expect(editedSellDownInput(place(none), { eff, item: { qty: 9, isInStock: true } }).snap).toBe(none);
  });

  it("§9 a lone source item's own Notify Qty wins over the product's Notify for Quantity Below as typed", () => {
    const eff = makeEff({ notifyStockQty: 7 });
    expect(editedSellDownInput(place(), { eff, item: null }).notifyQty).toBe(7);
    expect(editedSellDownInput(place(snap([source(25)]), 2), { eff, item: null }).notifyQty).toBe(2);
  });
});
