import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { execute, transaction, type Db } from "@/db/connection";
import { generateCatalog } from "@/db/generate";
import { saveConfigValues } from "@/db/queries/config";
import { getDashboardFigures } from "@/db/queries/dashboard";
import { getProductInventoryState } from "@/db/queries/inventory";
import { refreshInventoryIndex } from "@/db/queries/inventory-index";
import { lowStockQuery } from "@/db/queries/low-stock";
import { effectiveInventory, products, reservations, reservationTotals, salableIndex, sourceItems, sources } from "@/db/schema";
import { effectiveSettings, isLowStock, salableQty } from "@/lib/inventory";
import { tempDb } from "./temp-db";

const SEED_SKU = "SR-TEE-SEED";

async function reserve(db: Db, sku: string, quantity: number) {
  await transaction(db, async (tx) => {
    await tx
      .insert(reservations)
      .values({ stockId: 1, sku, quantity, metadata: JSON.stringify({ event_type: "order_placed", object_type: "order", object_id: "1" }) });
  });
}

async function idOf(db: Db, sku: string) {
  const [row] = await db.select({ id: products.id }).from(products).where(eq(products.sku, sku)).limit(1);
  return row.id;
}

async function indexRow(db: Db, productId: number) {
  const [row] = await db.select().from(salableIndex).where(eq(salableIndex.productId, productId)).limit(1);
  return row;
}

describe("inventory state and the salable index", () => {
  it("inventory-rules §2 seed example: quantity 25, backorders on, threshold −50 → salable 75", async () => {
    const db = await tempDb();
    const state = (await getProductInventoryState(db, { sku: SEED_SKU }))!;
    expect(state.stocks).toHaveLength(1);
    expect(salableQty(state.effective, state.stocks[0].snapshot)).toBe(75);
    expect(await indexRow(db, state.product.id)).toMatchObject({ stockId: 1, salableQty: 75, isSalable: true });
  });

  it("a reservation total is kept by the database, and reservations cannot be edited", async () => {
    const db = await tempDb();
    await reserve(db, SEED_SKU, -70);
    await reserve(db, SEED_SKU, -5);
    await reserve(db, SEED_SKU, 5);
    const [total] = await db.select().from(reservationTotals).where(eq(reservationTotals.sku, SEED_SKU)).limit(1);
    expect(total?.quantity).toBe(-70);
    // The trigger refuses on either engine, whatever the application code does. drizzle's
    // PostgreSQL driver reports the server's error as the `cause` of its "Failed query" error.
    const error = await transaction(db, (tx) => execute(tx, sql`UPDATE reservations SET quantity = 0`)).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(String(error?.cause ?? error)).toMatch(/append-only/);
  });

  it("inventory-rules §2: after 70 ordered the seed product's index says 5, after 75 it is not salable", async () => {
    const db = await tempDb();
    const id = await idOf(db, SEED_SKU);
    await reserve(db, SEED_SKU, -70);
    await transaction(db, (tx) => refreshInventoryIndex(tx, [id]));
    expect(await indexRow(db, id)).toMatchObject({ salableQty: 5, isSalable: true });
    await reserve(db, SEED_SKU, -5);
    await transaction(db, (tx) => refreshInventoryIndex(tx, "all"));
    expect(await indexRow(db, id)).toMatchObject({ salableQty: 0, isSalable: false });
  });

  it("units beyond physical stock count as on backorder on the dashboard", async () => {
    const db = await tempDb();
    await reserve(db, SEED_SKU, -30);
    await transaction(db, (tx) => refreshInventoryIndex(tx, "all"));
    expect((await getDashboardFigures(db)).unitsOnBackorder).toBe(5);
  });

  it("the Low Stock SQL filter agrees with lib/inventory's isLowStock (inventory-rules §9) item by item", async () => {
    const db = await tempDb();
    // Make the data interesting: a per-source notify value, a zero quantity, an Out of Stock item.
    await transaction(db, async (tx) => {
      await tx.update(sourceItems).set({ notifyStockQty: 50 }).where(eq(sourceItems.sku, "SR-CAP"));
      await tx.update(sourceItems).set({ quantity: 0 }).where(eq(sourceItems.sku, "SR-SOCKS"));
      await tx.update(sourceItems).set({ status: 0 }).where(eq(sourceItems.sku, "SR-PEN"));
    });
    const fromSql = (await lowStockQuery(db)).map((r) => r.sku).sort();
    const fromRules: string[] = [];
    for (const { sku } of await db.select({ sku: sourceItems.sku }).from(sourceItems)) {
      const state = (await getProductInventoryState(db, { sku }))!;
      const [item] = await db.select().from(sourceItems).where(eq(sourceItems.sku, sku)).limit(1);
      if (!state.effective.manageStock.value) continue;
      const low = isLowStock({
        sourceEnabled: true,
        status: item.status as 0 | 1,
        quantity: item.quantity,
        notifyQty: item.notifyStockQty ?? state.effective.notifyStockQty.value,
      });
      if (low) fromRules.push(sku);
    }
    fromRules.sort();
    expect(fromSql).toEqual(fromRules);
    expect(fromSql).toEqual(["SR-BOTTLE-LOW", "SR-CAP"]);
  });

  it("effective settings use the product's override over the configuration (inventory-rules §1.3)", async () => {
    const db = await tempDb();
    const state = (await getProductInventoryState(db, { sku: "SR-POSTER-LTD" }))!;
    const eff = effectiveSettings(state.settings, state.config.values, state.config.origins);
    expect(eff.backorders).toEqual({ value: 0, origin: { kind: "product" } });
    expect(eff.effectiveMinQty).toBe(2);
    expect(salableQty(eff, state.stocks[0].snapshot)).toBe(4);
  });
});

describe("a Default Config save refreshes only what it can move (issue: saves that never stall the store)", () => {
  const P = "cataloginventory/item_options";
  const indexState = async (db: Db) => ({
    salable: await db.select().from(salableIndex).orderBy(salableIndex.productId, salableIndex.stockId),
    effective: await db.select().from(effectiveInventory).orderBy(effectiveInventory.productId),
  });

  it.each([
    ["Backorders", 1, { [`${P}/backorders`]: "0" }],
    ["Backorders, three sources, one disabled", 3, { [`${P}/backorders`]: "0" }],
    ["Out-of-Stock Threshold", 1, { [`${P}/min_qty`]: "3" }],
    ["Out-of-Stock Threshold below zero, three sources", 3, { [`${P}/min_qty`]: "-2.5" }],
    ["Manage Stock", 1, { [`${P}/manage_stock`]: "0" }],
    ["Notify for Quantity Below", 1, { [`${P}/notify_stock_qty`]: "4" }],
    ["Display Out of Stock Products (moves no figure)", 1, { "cataloginventory/options/show_out_of_stock": "1" }],
  ])("%s: the index after the save equals a full recompute, over products with and without overrides", async (_label, sourceCount, values) => {
    const db = await tempDb();
    // Mixed overrides: some products set Backorders, thresholds or Manage Stock themselves; source
    // items In Stock and Out of Stock, and reservations.
    await transaction(db, (tx) => generateCatalog(tx, { products: 300, sources: sourceCount, reservationsPer100: 120, seed: 11 }));
    if (sourceCount > 1) {
      await transaction(db, async (tx) => {
        await tx.update(sources).set({ enabled: false }).where(eq(sources.code, "bench_wh_1"));
        await refreshInventoryIndex(tx, "all");
      });
    }
    await saveConfigValues(db, { scope: "default", scopeId: 0, values, actor: null });
    const afterSave = await indexState(db);
    await transaction(db, (tx) => refreshInventoryIndex(tx, "all"));
    expect(afterSave).toEqual(await indexState(db));
  });
});
