import { asc } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { transaction } from "@/db/connection";
import { generateCatalog } from "@/db/generate";
import { getConfigImpact } from "@/db/queries/config-impact";
import { getProductInventoryState, listConfigRows } from "@/db/queries/inventory";
import { products } from "@/db/schema";
import {
  configImpact,
  resolveConfig,
  resolveConfigAt,
  withConfigValues,
  type ImpactCategory,
  type ImpactProduct,
} from "@/lib/inventory";
import { tempDb } from "./temp-db";

const P = "cataloginventory";

/** Only the categories that affect anything, with their ids. */
function affected(impact: Awaited<ReturnType<typeof getConfigImpact>>) {
  if (!impact) return null;
  return Object.fromEntries(
    Object.entries(impact.ids).filter(([category]) => impact.counts[category as ImpactCategory] > 0),
  );
}

// Demo catalog ids in seed order: 1 SR-TEE-SEED 25, 2 SR-MUG-OOS (Out of Stock), 3 SR-GIFT-CARD
// (manage stock off), 4 SR-POSTER-LTD (own: no backorders, threshold 2 → salable 4), 5 SR-FABRIC-M
// (own: no backorders) 12.5, 6 SR-TIES-100 100, 7 SR-BOTTLE-LOW 3, 8 SR-CAP 40, 9 SR-SOCKS 8,
// 10 SR-TOTE 120, 11 SR-NOTEBOOK 30, 12 SR-PEN 1. Default Config: backorders 1, threshold −50;
// Main Website Only X left 5. Every expectation below is worked out by hand from inventory-rules §2, §3, §6.
describe("getConfigImpact on the demo catalog", () => {
  it("Backorders → No Backorders: 8 stop accepting backorders; Bottle (3) and Pen (1) start showing Only X left", async () => {
    const db = await tempDb();
    const impact = await getConfigImpact(db, { scope: "default", scopeId: 0, values: { [`${P}/item_options/backorders`]: "0" } });
    expect(impact?.checked).toBe(12);
    expect(affected(impact)).toEqual({ backordersStop: [1, 6, 7, 8, 9, 10, 11, 12], onlyXLeftStart: [7, 12] });
  });

  it("Manage Stock → No: the Sold Out Mug becomes salable, the poster's Only 4 left goes", async () => {
    const db = await tempDb();
    const impact = await getConfigImpact(db, { scope: "default", scopeId: 0, values: { [`${P}/item_options/manage_stock`]: "0" } });
    expect(affected(impact)).toEqual({ salable: [2], backordersStop: [1, 6, 7, 8, 9, 10, 11, 12], onlyXLeftStop: [4] });
  });

  it("No Backorders with threshold 5: Bottle and Pen go out of stock, Socks (8 → 3) shows Only 3 left", async () => {
    const db = await tempDb();
    const impact = await getConfigImpact(db, {
      scope: "default",
      scopeId: 0,
      values: { [`${P}/item_options/backorders`]: "0", [`${P}/item_options/min_qty`]: "5" },
    });
    expect(affected(impact)).toEqual({
      outOfStock: [7, 12],
      backordersStop: [1, 6, 7, 8, 9, 10, 11, 12],
      onlyXLeftStart: [9],
    });
  });

  it("Main Website Only X left 5 → 60: fabric 12.5, bottle 53, socks 58 and pen 51 start showing it", async () => {
    const db = await tempDb();
    const impact = await getConfigImpact(db, { scope: "websites", scopeId: 1, values: { [`${P}/options/stock_threshold_qty`]: "60" } });
    expect(affected(impact)).toEqual({ onlyXLeftStart: [5, 7, 9, 12] });
  });

  it("nothing to preview: Default Config's Only X left is overridden by the website; Notify is not covered", async () => {
    const db = await tempDb();
    expect(await getConfigImpact(db, { scope: "default", scopeId: 0, values: { [`${P}/options/stock_threshold_qty`]: "50" } })).toBeNull();
    expect(await getConfigImpact(db, { scope: "default", scopeId: 0, values: { [`${P}/item_options/notify_stock_qty`]: "1" } })).toBeNull();
    expect(await getConfigImpact(db, { scope: "websites", scopeId: 42, values: { [`${P}/options/stock_threshold_qty`]: "60" } })).toBeNull();
  });
});

describe("the streamed loader agrees with one-product reads", () => {
  it("on a generated multi-source catalog with reservations, across chunk boundaries", async () => {
    const db = await tempDb("none");
    await transaction(db, (tx) => generateCatalog(tx, { products: 2050, sources: 2, reservationsPer100: 150, seed: 7 }));
    const values = { [`${P}/item_options/backorders`]: "1", [`${P}/item_options/min_qty`]: "-5" };
    const streamed = (await getConfigImpact(db, { scope: "default", scopeId: 0, values }, Number.POSITIVE_INFINITY))!;

    // The same change computed from getProductInventoryState, one product at a time.
    const rows = await listConfigRows(db);
    const after = withConfigValues(rows, "default", 0, values);
    const ids = await db.select({ id: products.id }).from(products).orderBy(asc(products.id));
    const oneByOne: ImpactProduct[] = [];
    for (const { id } of ids) {
      const state = (await getProductInventoryState(db, { id }))!;
      oneByOne.push({ id, settings: state.settings, snapshots: new Map(state.stocks.map((s) => [s.stockId, s.snapshot])) });
    }
    const expected = configImpact(oneByOne, {
      before: resolveConfig(rows, null),
      after: resolveConfig(after, null),
      channels: [
        {
          stockId: 1,
          onlyXLeftBefore: resolveConfigAt(rows, "websites", 1).values.stockThresholdQty,
          onlyXLeftAfter: resolveConfigAt(after, "websites", 1).values.stockThresholdQty,
        },
      ],
    });
    expect(streamed.checked).toBe(2050);
    expect(streamed).toEqual(expected);
    expect(streamed.counts.backordersStart).toBeGreaterThan(500);
    // Over 2,000 one-product reads: slow on a busy 2-core machine, never an infinite loop.
  }, 60_000);
});
