import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { transaction, type Db } from "@/db/connection";
import { generateCatalog } from "@/db/generate";
import { revertAuditEntry } from "@/db/queries/audit-revert";
import { createAdminUser } from "@/db/queries/auth";
import { massUpdateInventory } from "@/db/queries/product-mass-update";
import { auditLog, auditLogSkus, productInventory, products, salableIndex, sourceItems } from "@/db/schema";
import { USE_CONFIG_FLAGS } from "@/lib/inventory";
import {
  isOverridable,
  massUpdateFormSchema,
  NO_PRODUCTS,
  type MassSelection,
  type MassUpdateField,
} from "@/lib/validation/mass-update";
import { refused } from "./refused";
import { tempDb as seededDb } from "./temp-db";

/*
 * Catalog > Products > Update attributes over the demo catalog (single-source mode): Default
 * Config Backorders "Allow Qty Below 0" with Out-of-Stock Threshold −50, so a product following
 * it sells its quantity + 50; with its own No Backorders the threshold is ignored (inventory-rules §1.3, §2).
 */

const ADMIN = { id: 0, username: "admin" };

/** The demo catalog with the admin who makes the updates. */
async function tempDb() {
  const db = await seededDb();
  ADMIN.id = (await createAdminUser(db, ADMIN.username, "not-a-real-hash")).id;
  return db;
}

/** The form as an admin fills it: each field's Change checked, its value, Use Config Settings unchecked unless said. */
function update(fields: Partial<Record<MassUpdateField, { value?: unknown; useConfig?: boolean }>>) {
  const change: Record<string, boolean> = {};
  const stockItem: Record<string, unknown> = {};
  for (const [field, { value, useConfig = false }] of Object.entries(fields) as [MassUpdateField, { value?: unknown; useConfig?: boolean }][]) {
    change[field] = true;
    stockItem[field] = value;
    if (isOverridable(field)) stockItem[USE_CONFIG_FLAGS[field]] = useConfig;
  }
  return massUpdateFormSchema.parse({ change, stockItem });
}

async function idsOf(db: Db, ...skus: string[]) {
  const rows = await db.select({ id: products.id, sku: products.sku }).from(products).where(inArray(products.sku, skus));
  return skus.map((sku) => rows.find((r) => r.sku === sku)!.id);
}

const bySkus = async (db: Db, ...skus: string[]): Promise<MassSelection> => ({ kind: "ids", ids: await idsOf(db, ...skus) });

async function settingsOf(db: Db, sku: string) {
  const [row] = await db
    .select({ inv: productInventory })
    .from(productInventory)
    .innerJoin(products, eq(products.id, productInventory.productId))
    .where(eq(products.sku, sku));
  return row.inv;
}

async function figures(db: Db, sku: string) {
  const [row] = await db
    .select({ qty: salableIndex.salableQty, salable: salableIndex.isSalable, status: sourceItems.status, automatic: sourceItems.statusAutomatic })
    .from(salableIndex)
    .innerJoin(products, eq(products.id, salableIndex.productId))
    .innerJoin(sourceItems, eq(sourceItems.sku, products.sku))
    .where(and(eq(products.sku, sku), eq(salableIndex.stockId, 1)));
  return row;
}

const auditCount = async (db: Db) => (await db.select({ n: count() }).from(auditLog))[0].n;

async function entriesOf(db: Db, sku: string) {
  const [id] = await idsOf(db, sku);
  return db.select().from(auditLog).where(and(eq(auditLog.entityType, "product"), eq(auditLog.entityId, String(id)))).orderBy(desc(auditLog.id));
}

describe("massUpdateInventory", () => {
  it("applies only the fields whose Change is checked, to every product selected; one that already has them is left alone", async () => {
    const db = await tempDb();
    const before = await settingsOf(db, "SR-POSTER-LTD");
    const result = await massUpdateInventory(db, {
      selection: await bySkus(db, "SR-TEE-SEED", "SR-POSTER-LTD"),
      update: update({ backorders: { value: "0" } }),
      actor: ADMIN,
    });
    expect(result).toEqual({ covered: 2, changed: 1, toOutOfStock: 0, toInStock: 0 });
    expect(await settingsOf(db, "SR-TEE-SEED")).toMatchObject({ backorders: 0, useConfigBackorders: false, useConfigMinQty: true, useConfigNotifyStockQty: true });
    // The poster had its own No Backorders already: nothing of it moved, not even its version.
    expect(await settingsOf(db, "SR-POSTER-LTD")).toEqual(before);
    expect((await entriesOf(db, "SR-POSTER-LTD")).length).toBe(0);
    // Tee: No Backorders clamps the threshold −50 to 0: 25 → salable 25.
    expect(await figures(db, "SR-TEE-SEED")).toMatchObject({ qty: 25, salable: true });
    const [entry] = await entriesOf(db, "SR-TEE-SEED");
    expect(JSON.parse(entry.changes!)).toEqual([{ field: "backorders", label: "Backorders", old: null, new: 0 }]);
    expect([entry.action, entry.username, entry.source]).toEqual(["product_saved", "admin", "admin"]);
    expect((await db.select({ version: products.version }).from(products).where(eq(products.sku, "SR-TEE-SEED")))[0].version).toBe(2);
  });

  it("honours Use Config Settings: the product follows the configuration again, its own value kept", async () => {
    const db = await tempDb();
    await massUpdateInventory(db, { selection: await bySkus(db, "SR-POSTER-LTD"), update: update({ backorders: { useConfig: true } }), actor: ADMIN });
    expect(await settingsOf(db, "SR-POSTER-LTD")).toMatchObject({ backorders: 0, useConfigBackorders: true, minQty: 2 });
    // Backorders on (the configuration's) with its own threshold 2: ignored, unlimited; 6 − 0 = 6.
    expect(await figures(db, "SR-POSTER-LTD")).toMatchObject({ qty: 6, salable: true });
    const [entry] = await entriesOf(db, "SR-POSTER-LTD");
    expect(JSON.parse(entry.changes!)).toEqual([{ field: "backorders", label: "Backorders", old: 0, new: null }]);
  });

  it.each<[string, ReturnType<typeof update>, string, string]>([
    ["Qty Uses Decimals = No while the fabric holds 12.5", update({ isQtyDecimal: { value: false } }), "stockItem.isQtyDecimal", "SR-FABRIC-M"],
    ["Minimum Qty 1.5 on products without decimal quantities", update({ minSaleQty: { value: "1.5" } }), "stockItem.minSaleQty", "SR-TEE-SEED"],
    ["Minimum Qty 5 above the poster's own Maximum 2", update({ minSaleQty: { value: "5" } }), "stockItem.minSaleQty", "SR-POSTER-LTD"],
  ])("refuses the whole update, naming the product, when one cannot take it: %s", async (_name, values, field, sku) => {
    const db = await tempDb();
    const settingsBefore = await db.select().from(productInventory);
    const audits = await auditCount(db);
    const refusal = await refused(massUpdateInventory(db, { selection: { kind: "filter", grid: { filters: {} }, excluded: [] }, update: values, actor: ADMIN }));
    expect(refusal.message).toContain(`"${sku}"`);
    expect(refusal.message).toMatch(/^Nothing was updated\./);
    expect(Object.keys(refusal.fieldErrors)).toEqual([field]);
    expect(await db.select().from(productInventory)).toEqual(settingsBefore);
    expect(await auditCount(db)).toBe(audits);
  });

  it("Select All covers every product the filter matches, on every page, less those unticked; progress follows", async () => {
    const db = await tempDb();
    await transaction(db, (tx) => generateCatalog(tx, { products: 1200, sources: 0, reservationsPer100: 0, seed: 7 }));
    const [first] = await idsOf(db, "BENCH-0000001");
    const progress: [number, number | null][] = [];
    const result = await massUpdateInventory(db, {
      selection: { kind: "filter", grid: { q: "BENCH-", filters: {} }, excluded: [first] },
      update: update({ notifyStockQty: { value: "7" } }),
      actor: ADMIN,
      report: (done, total) => progress.push([done, total]),
    });
    expect(result).toMatchObject({ covered: 1199, changed: 1199 });
    expect(progress).toEqual([[0, 1199], [500, 1199], [1000, 1199], [1199, 1199]]);
    const own = await db
      .select({ n: count() })
      .from(productInventory)
      .where(and(eq(productInventory.notifyStockQty, 7), eq(productInventory.useConfigNotifyStockQty, false)));
    expect(own[0].n).toBe(1199);
    expect(await settingsOf(db, "BENCH-0000001")).not.toMatchObject({ notifyStockQty: 7, useConfigNotifyStockQty: false });
    expect(await settingsOf(db, "SR-TEE-SEED")).toMatchObject({ useConfigNotifyStockQty: true });
    // One entry per product, each under its own product's SKU (written in batches).
    const entries = await db
      .select({ entityId: auditLog.entityId, sku: auditLogSkus.sku, productSku: products.sku })
      .from(auditLog)
      .innerJoin(auditLogSkus, eq(auditLogSkus.auditId, auditLog.id))
      .innerJoin(products, eq(products.id, sql`cast(${auditLog.entityId} as integer)`));
    expect(entries.length).toBe(1199);
    expect(entries.filter((e) => e.sku !== e.productSku)).toEqual([]);
  });

  it("the figures and inventory-rules §8 follow: Out of Stock automatically, and back In Stock; an admin's Out of Stock stays", async () => {
    const db = await tempDb();
    // Bottle 3 and cap 40 with their own No Backorders and threshold 5: 3 ≤ 5 → Out of Stock, salable 0; cap 40 − 5 = 35.
    const first = await massUpdateInventory(db, {
      selection: await bySkus(db, "SR-BOTTLE-LOW", "SR-CAP"),
      update: update({ backorders: { value: "0" }, minQty: { value: "5" } }),
      actor: ADMIN,
    });
    expect(first).toEqual({ covered: 2, changed: 2, toOutOfStock: 1, toInStock: 0 });
    expect(await figures(db, "SR-BOTTLE-LOW")).toEqual({ qty: 0, salable: false, status: 0, automatic: true });
    expect(await figures(db, "SR-CAP")).toEqual({ qty: 35, salable: true, status: 1, automatic: false });
    const [entry] = await entriesOf(db, "SR-BOTTLE-LOW");
    expect(JSON.parse(entry.changes!)).toEqual([
      { field: "isInStock", label: "Stock Status", old: true, new: false },
      { field: "minQty", label: "Out-of-Stock Threshold", old: null, new: 5 },
      { field: "backorders", label: "Backorders", old: null, new: 0 },
    ]);

    // Backorders on: the threshold 5 is ignored (0), 3 > 0 → the automatic Out of Stock is lifted.
    // The mug was set Out of Stock by an admin: it stays so.
    const second = await massUpdateInventory(db, {
      selection: await bySkus(db, "SR-BOTTLE-LOW", "SR-MUG-OOS"),
      update: update({ backorders: { value: "1" } }),
      actor: ADMIN,
    });
    expect(second).toEqual({ covered: 2, changed: 2, toOutOfStock: 0, toInStock: 1 });
    expect(await figures(db, "SR-BOTTLE-LOW")).toEqual({ qty: 3, salable: true, status: 1, automatic: false });
    expect(await figures(db, "SR-MUG-OOS")).toMatchObject({ salable: false, status: 0, automatic: false });
  });

  it("the Action Log reverts one product's entry, and only that product", async () => {
    const db = await tempDb();
    await massUpdateInventory(db, { selection: await bySkus(db, "SR-TEE-SEED", "SR-CAP"), update: update({ backorders: { value: "0" } }), actor: ADMIN });
    expect([(await figures(db, "SR-TEE-SEED")).qty, (await figures(db, "SR-CAP")).qty]).toEqual([25, 40]);
    const [entry] = await entriesOf(db, "SR-TEE-SEED");
    await revertAuditEntry(db, entry.id, ADMIN);
    expect(await settingsOf(db, "SR-TEE-SEED")).toMatchObject({ useConfigBackorders: true });
    expect([(await figures(db, "SR-TEE-SEED")).qty, (await figures(db, "SR-CAP")).qty]).toEqual([75, 40]);
  });

  it("takes ids from the browser as ids only: unknown ones drop out; none left is refused", async () => {
    const db = await tempDb();
    const [tee] = await idsOf(db, "SR-TEE-SEED");
    const selection: MassSelection = { kind: "ids", ids: [tee, 99999, 2147483647] };
    expect(await massUpdateInventory(db, { selection, update: update({ manageStock: { value: true } }), actor: ADMIN })).toMatchObject({ covered: 1 });
    const refusal = await refused(massUpdateInventory(db, { selection: { kind: "ids", ids: [99999] }, update: update({ manageStock: { value: true } }), actor: ADMIN }));
    expect(refusal.message).toBe(NO_PRODUCTS);
  });
});
