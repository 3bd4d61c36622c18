import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAdminUser } from "@/db/queries/auth";
import { transaction, type Db } from "@/db/connection";
import { getConfigPageData, getScopeTarget, listConfigHistory, saveConfigValues, SCOPE_NOT_FOUND } from "@/db/queries/config";
import { listConfigRows } from "@/db/queries/inventory";
import { auditLog, configHistory, products, salableIndex, sourceItems, sources } from "@/db/schema";
import { refused } from "./refused";
import { tempDb } from "./temp-db";

const P = "cataloginventory";
const BACKORDERS = `${P}/item_options/backorders`;
const MIN_QTY = `${P}/item_options/min_qty`;
const MAX_SALE = `${P}/item_options/max_sale_qty`;
const MIN_SALE = `${P}/item_options/min_sale_qty`;
const ONLY_X = `${P}/options/stock_threshold_qty`;

async function stored(db: Db, scope: string, scopeId: number, path: string): Promise<string | null> {
  return (await listConfigRows(db)).find((r) => r.scope === scope && r.scopeId === scopeId && r.path === path)?.value ?? null;
}

async function idOf(db: Db, sku: string) {
  const [row] = await db.select({ id: products.id }).from(products).where(eq(products.sku, sku)).limit(1);
  return row.id;
}

async function salable(db: Db, sku: string) {
  const id = await idOf(db, sku);
  const [row] = await db
    .select({ qty: salableIndex.salableQty, salable: salableIndex.isSalable })
    .from(salableIndex)
    .where(eq(salableIndex.productId, id))
    .limit(1);
  return row;
}

async function status(db: Db, sku: string) {
  const [row] = await db
    .select({ status: sourceItems.status, automatic: sourceItems.statusAutomatic })
    .from(sourceItems)
    .where(eq(sourceItems.sku, sku))
    .limit(1);
  return row;
}

/** History and audit rows in the order they were written. */
const history = (db: Db) => db.select().from(configHistory).orderBy(asc(configHistory.id));
const audits = (db: Db) => db.select().from(auditLog).orderBy(asc(auditLog.id));

async function admin(db: Db) {
  const { id } = await createAdminUser(db, "merchant", "not-a-real-hash");
  return { id, username: "merchant" };
}

describe("saveConfigValues", () => {
  it("stores the values and writes a history row per changed value (who, scope, path, old → new) and an audit entry", async () => {
    const db = await tempDb();
    const actor = await admin(db);
    await saveConfigValues(db, {
      scope: "default",
      scopeId: 0,
      values: { [BACKORDERS]: "2", [`${P}/item_options/notify_stock_qty`]: "5" },
      actor,
    });
    expect(await stored(db, "default", 0, BACKORDERS)).toBe("2");
    const rows = await history(db);
    expect(rows.map(({ scope, scopeId, path, oldValue, newValue, adminUserId, username }) => ({
      scope, scopeId, path, oldValue, newValue, adminUserId, username,
    }))).toEqual([
      { scope: "default", scopeId: 0, path: BACKORDERS, oldValue: "1", newValue: "2", adminUserId: actor.id, username: "merchant" },
      { scope: "default", scopeId: 0, path: `${P}/item_options/notify_stock_qty`, oldValue: "10", newValue: "5", adminUserId: actor.id, username: "merchant" },
    ]);
    expect(rows[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    expect(await audits(db)).toMatchObject([{ action: "config.save", entityId: "default/0", username: "merchant" }]);
  });

  it("refreshes the index in the same transaction: Backorders off at Default Config makes SR-TEE-SEED salable 25 (inventory-rules §2: was 75)", async () => {
    const db = await tempDb();
    expect(await salable(db, "SR-TEE-SEED")).toEqual({ qty: 75, salable: true });
    await saveConfigValues(db, { scope: "default", scopeId: 0, values: { [BACKORDERS]: "0" }, actor: null });
    // Threshold −50 is ignored without backorders (inventory-rules §1.3): 0 is used, so the 50 units below zero are gone.
    expect(await salable(db, "SR-TEE-SEED")).toEqual({ qty: 25, salable: true });
  });

  it("null deletes the scope's value so the field inherits again (inventory-rules §1.1); history records it", async () => {
    const db = await tempDb();
    const result = await saveConfigValues(db, { scope: "default", scopeId: 0, values: { [MIN_QTY]: null }, actor: null });
    expect(result).toMatchObject({ changes: [{ path: MIN_QTY, oldValue: "-50", newValue: null }] });
    expect(await stored(db, "default", 0, MIN_QTY)).toBeNull();
    // System default threshold 0 with backorders on: unlimited, salable = 25 − 0 (inventory-rules §2–§3).
    expect(await salable(db, "SR-TEE-SEED")).toEqual({ qty: 25, salable: true });
    expect(await db.select({ username: configHistory.username }).from(configHistory)).toEqual([{ username: "system" }]);
  });

  it("stores nothing at all when any value is invalid", async () => {
    const db = await tempDb();
    const refusal = await refused(
      saveConfigValues(db, {
        scope: "default",
        scopeId: 0,
        values: { [BACKORDERS]: "0", [MAX_SALE]: "0" },
        actor: null,
      }),
    );
    expect(refusal.kind).toBe("invalid");
    expect(refusal.fieldErrors).toEqual({ [MAX_SALE]: "Please enter a number greater than 0 in this field." });
    expect(await stored(db, "default", 0, BACKORDERS)).toBe("1");
    expect(await history(db)).toEqual([]);
    expect(await salable(db, "SR-TEE-SEED")).toEqual({ qty: 75, salable: true });
  });

  it("refuses Minimum Qty above the Maximum Qty in force, stored or inherited", async () => {
    const db = await tempDb();
    await expect(saveConfigValues(db, { scope: "default", scopeId: 0, values: { [MIN_SALE]: "20000" }, actor: null })).rejects.toMatchObject({
      kind: "invalid",
      field: MIN_SALE,
      message: expect.stringContaining("(10000)"),
    });
    await saveConfigValues(db, { scope: "default", scopeId: 0, values: { [MIN_SALE]: "3" }, actor: null });
    await expect(saveConfigValues(db, { scope: "default", scopeId: 0, values: { [MAX_SALE]: "2" }, actor: null })).rejects.toMatchObject({
      kind: "invalid",
      field: MIN_SALE,
      message: expect.stringContaining("(2)"),
    });
    expect(await stored(db, "default", 0, MAX_SALE)).toBeNull();
  });

  it("saves at a website and refuses scopes that do not exist or fields a scope does not show", async () => {
    const db = await tempDb();
    await expect(saveConfigValues(db, { scope: "websites", scopeId: 1, values: { [ONLY_X]: "8" }, actor: null })).resolves.toMatchObject({
      changes: [{ path: ONLY_X, newValue: "8" }],
    });
    expect(await stored(db, "websites", 1, ONLY_X)).toBe("8");
    await expect(saveConfigValues(db, { scope: "websites", scopeId: 99, values: { [ONLY_X]: "8" }, actor: null })).rejects.toMatchObject({
      kind: "not_found",
      message: SCOPE_NOT_FOUND,
    });
    await expect(saveConfigValues(db, { scope: "stores", scopeId: 1, values: { [BACKORDERS]: "0" }, actor: null })).rejects.toMatchObject({
      kind: "invalid",
      fieldErrors: { [BACKORDERS]: "Backorders can't be set at this scope." },
    });
    expect(await stored(db, "stores", 1, BACKORDERS)).toBeNull();
  });

  it("never overwrites a value someone else changed since the merchant loaded the page", async () => {
    const db = await tempDb();
    await saveConfigValues(db, { scope: "default", scopeId: 0, values: { [BACKORDERS]: "2" }, actor: null });
    const stale = saveConfigValues(db, {
      scope: "default",
      scopeId: 0,
      values: { [BACKORDERS]: "0", [MIN_QTY]: "-10" },
      expected: { [BACKORDERS]: "1", [MIN_QTY]: "-50" },
      actor: null,
    });
    await expect(stale).rejects.toMatchObject({ kind: "stale", message: expect.stringContaining("Backorders") });
    expect(await stored(db, "default", 0, BACKORDERS)).toBe("2");
    expect(await stored(db, "default", 0, MIN_QTY)).toBe("-50");
  });

  it("writes nothing when nothing changed", async () => {
    const db = await tempDb();
    expect(await saveConfigValues(db, { scope: "default", scopeId: 0, values: { [BACKORDERS]: "1" }, actor: null })).toEqual({
      changes: [],
      warnings: [],
    });
    expect(await history(db)).toEqual([]);
    expect(await audits(db)).toEqual([]);
  });

  it("inventory-rules §8: a config change switches automatically, and only automatic Out of Stock comes back", async () => {
    const db = await tempDb();
    // Backorders off, threshold 5: Steel Water Bottle (3) and Brass Pen (1) are at or below it.
    await saveConfigValues(db, { scope: "default", scopeId: 0, values: { [BACKORDERS]: "0", [MIN_QTY]: "5" }, actor: null });
    expect(await status(db, "SR-BOTTLE-LOW")).toEqual({ status: 0, automatic: true });
    expect(await status(db, "SR-PEN")).toEqual({ status: 0, automatic: true });
    expect(await status(db, "SR-SOCKS")).toEqual({ status: 1, automatic: false });
    // Its own threshold 2 < 6: the poster stays In Stock.
    expect(await status(db, "SR-POSTER-LTD")).toEqual({ status: 1, automatic: false });
    expect(await salable(db, "SR-BOTTLE-LOW")).toEqual({ qty: 0, salable: false });

    await saveConfigValues(db, { scope: "default", scopeId: 0, values: { [BACKORDERS]: "1", [MIN_QTY]: "-50" }, actor: null });
    expect(await status(db, "SR-BOTTLE-LOW")).toEqual({ status: 1, automatic: false });
    expect(await status(db, "SR-PEN")).toEqual({ status: 1, automatic: false });
    expect(await salable(db, "SR-PEN")).toEqual({ qty: 51, salable: true });
    // The demo's Sold Out Mug was set Out of Stock by an admin: it stays so.
    expect(await status(db, "SR-MUG-OOS")).toEqual({ status: 0, automatic: false });
  });

  it("inventory-rules §8 applies in single-source mode only", async () => {
    const db = await tempDb();
    await transaction(db, async (tx) => {
      await tx.insert(sources).values({ code: "eu", name: "EU Warehouse" });
    });
    await saveConfigValues(db, { scope: "default", scopeId: 0, values: { [BACKORDERS]: "0", [MIN_QTY]: "5" }, actor: null });
    expect(await status(db, "SR-BOTTLE-LOW")).toEqual({ status: 1, automatic: false });
    expect(await salable(db, "SR-BOTTLE-LOW")).toEqual({ qty: 0, salable: false });
  });

  it("answers the warnings of the saved scope only, linked by field key", async () => {
    const db = await tempDb();
    const atDefault = await saveConfigValues(db, { scope: "default", scopeId: 0, values: { [MIN_QTY]: "5" }, actor: null });
    expect(atDefault).toMatchObject({ warnings: [{ key: "minQty" }] });
    // Main Website's Only X left 5 with unlimited backorders; the threshold warning belongs to Default Config.
    const atWebsite = await saveConfigValues(db, { scope: "websites", scopeId: 1, values: { [ONLY_X]: "6" }, actor: null });
    expect(atWebsite).toMatchObject({ warnings: [{ key: "stockThresholdQty" }] });
  });
});

describe("configuration page data", () => {
  it("knows which scopes exist and the website a store view inherits through", async () => {
    const db = await tempDb();
    expect(await getScopeTarget(db, "default", 0)).toEqual({ scope: "default", scopeId: 0 });
    expect(await getScopeTarget(db, "default", 1)).toBeNull();
    expect(await getScopeTarget(db, "websites", 1)).toEqual({ scope: "websites", scopeId: 1 });
    expect(await getScopeTarget(db, "stores", 1)).toEqual({ scope: "stores", scopeId: 1, websiteId: 1 });
    expect(await getScopeTarget(db, "stores", 2)).toBeNull();
    expect(await getConfigPageData(db, "websites", 2)).toBeNull();
    expect((await getConfigPageData(db, "stores", 1))?.tree).toEqual({
      websites: [
        { id: 1, name: "Main Website", groups: [{ id: 1, name: "Main Website Store", stores: [{ id: 1, name: "Default Store View" }] }] },
      ],
    });
  });

  it("pages the change history in SQL, newest first", async () => {
    const db = await tempDb();
    for (const value of ["1", "2", "3"]) {
      await saveConfigValues(db, { scope: "websites", scopeId: 1, values: { [ONLY_X]: value }, actor: null });
    }
    const first = await listConfigHistory(db, 1, 2);
    expect(first.total).toBe(3);
    expect(first.entries.map((e) => [e.oldValue, e.newValue])).toEqual([
      ["2", "3"],
      ["1", "2"],
    ]);
    expect((await listConfigHistory(db, 2, 2)).entries.map((e) => [e.oldValue, e.newValue])).toEqual([["5", "1"]]);
    // Out of range pages clamp to the last one.
    expect((await listConfigHistory(db, 9, 2)).page).toBe(2);
  });
});
