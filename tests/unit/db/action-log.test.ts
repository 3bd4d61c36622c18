import { asc, count, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { transaction, type Db } from "@/db/connection";
import { getAuditEntry, listActionLog } from "@/db/queries/action-log";
import { writeAudit } from "@/db/queries/audit";
import { ENTRY_NOT_FOUND, NOT_REVERTABLE, revertAuditEntry } from "@/db/queries/audit-revert";
import { createAdminUser } from "@/db/queries/auth";
import { saveConfigValues } from "@/db/queries/config";
import { listConfigRows } from "@/db/queries/inventory";
import { placeOrder } from "@/db/queries/orders";
import { getProductForEdit } from "@/db/queries/product-page";
import { saveProduct } from "@/db/queries/product-save";
import { saveSourceItems } from "@/db/queries/source-items";
import { auditLog, configHistory, products, salableIndex, sourceItems } from "@/db/schema";
import { actionLabel, changeLines, entityOf, sourceLabel, userLabel } from "@/lib/action-log";
import { parseActionLogQuery } from "@/lib/validation/action-log";
import { signedIn } from "../rest/rest-client";
import { refused } from "./refused";
import { tempDb } from "./temp-db";

// The REST calls below go through the router on the test's own database.
let restDb: Db;
vi.mock("@/server/db", () => ({ getDb: async () => restDb }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

/*
 * System > Action Log over the demo catalog: Default Config Backorders "Allow Qty Below 0" (1) with
 * Out-of-Stock Threshold −50, so SR-TEE-SEED (qty 25) is salable 25 + 50 = 75 on Default Stock;
 * with No Backorders the threshold is ignored and it is 25 (inventory-rules §1.3, §2).
 */

const BACKORDERS = "cataloginventory/item_options/backorders";
const MIN_QTY = "cataloginventory/item_options/min_qty";
const TEE = "SR-TEE-SEED";

async function withAdmins() {
  const db = await tempDb();
  const { id } = await createAdminUser(db, "merchant", "not-a-real-hash");
  const { id: clerkId } = await createAdminUser(db, "clerk", "not-a-real-hash");
  return { db, merchant: { id, username: "merchant" }, clerk: { id: clerkId, username: "clerk" } };
}

const view = (params: Record<string, string> = {}) => parseActionLogQuery(params);
const list = (db: Db, params: Record<string, string> = {}) => listActionLog(db, view(params));

async function idOf(db: Db, sku: string) {
  const [row] = await db.select({ id: products.id }).from(products).where(eq(products.sku, sku)).limit(1);
  return row.id;
}

async function salable(db: Db, sku: string) {
  const [row] = await db
    .select({ qty: salableIndex.salableQty })
    .from(salableIndex)
    .where(eq(salableIndex.productId, await idOf(db, sku)))
    .limit(1);
  return row.qty;
}

async function stored(db: Db, path: string) {
  return (await listConfigRows(db)).find((r) => r.scope === "default" && r.scopeId === 0 && r.path === path)?.value ?? null;
}

const auditCount = async (db: Db) => (await db.select({ n: count() }).from(auditLog))[0].n;
const lastEntry = async (db: Db) => (await list(db)).rows[0];

const setBackorders = (db: Db, value: string | null, actor: { id: number; username: string; via?: "rest" } | null) =>
  saveConfigValues(db, { scope: "default", scopeId: 0, values: { [BACKORDERS]: value }, actor });

describe("the Action Log list", () => {
  it("shows each entry newest first: who, where, the action in words, the entity linked, field: old → new", async () => {
    const { db, merchant } = await withAdmins();
    await setBackorders(db, "0", merchant);
    await saveSourceItems(db, [{ sku: TEE, source_code: "default", quantity: 30, status: 1 }], null);
    const { rows, total } = await list(db);
    expect(total).toBe(2);
    const [items, config] = rows;
    expect([userLabel(items), sourceLabel(items), actionLabel(items)]).toEqual(["System", "System", "Source items saved"]);
    expect(items.skus).toEqual([TEE]);
    expect(entityOf(items, items.entity)).toEqual({ label: `Source items: ${TEE}`, href: null });
    expect(changeLines(items)).toEqual([`${TEE} at default: Qty 30, In Stock`]);
    expect([userLabel(config), sourceLabel(config), actionLabel(config)]).toEqual(["merchant", "Admin", "Configuration saved"]);
    expect(entityOf(config, config.entity)).toEqual({
      label: "Configuration: Default Config",
      href: "/admin/system_config/edit/section/cataloginventory",
    });
    expect(changeLines(config)).toEqual(["Backorders: Allow Qty Below 0 → No Backorders"]);
  });

  it("an order names its lines' SKUs and links to the order", async () => {
    const { db, clerk } = await withAdmins();
    const items = [{ sku: TEE, qty: 2 }, { sku: "SR-CAP", qty: 1 }];
    const { order } = await placeOrder(db, { storeCode: "default", items, actor: clerk, via: "preview" });
    const [entry] = (await list(db, { sku: "SR-CAP" })).rows;
    expect([userLabel(entry), sourceLabel(entry), actionLabel(entry)]).toEqual(["clerk", "Admin", "Order placed"]);
    expect(entityOf(entry, entry.entity)).toEqual({
      label: `Order #${order.incrementId}`,
      href: `/admin/sales/order/view/order_id/${order.id}`,
    });
    expect(changeLines(entry)).toEqual([`${TEE} × 2`, "SR-CAP × 1"]);
  });

  it("a REST call is recorded as the token's admin over the REST API", async () => {
    restDb = await tempDb();
    const api = await signedIn(restDb);
    const answer = await api.put("stockroom/config/default/0", { values: { [BACKORDERS]: "0" } });
    expect(answer.status).toBe(200);
    const entry = await lastEntry(restDb);
    expect(entry).toMatchObject({ source: "rest", username: "admin" });
    expect([userLabel(entry), sourceLabel(entry)]).toEqual(["REST: admin", "REST API"]);
    expect((await list(restDb, { where: "rest" })).total).toBe(1);
    expect((await list(restDb, { where: "admin" })).total).toBe(0);
  });

  it("filters in SQL by user, entity type, SKU (any SKU an entry touched) and date, days in UTC, both ends included", async () => {
    const { db, merchant, clerk } = await withAdmins();
    await setBackorders(db, "0", merchant);
    const tee = await idOf(db, TEE);
    await saveProduct(db, { id: tee, product: {}, stockItem: { qty: 30 }, actor: clerk });
    await saveSourceItems(
      db,
      [
        { sku: "SR-CAP", source_code: "default", quantity: 5, status: 1 },
        { sku: TEE, source_code: "default", quantity: 31, status: 1 },
      ],
      clerk,
    );
    const entries = await db.select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id));
    const days = ["2024-03-01T23:59:59.999Z", "2024-03-02T00:00:00.000Z", "2024-03-03T12:00:00.000Z"];
    for (const [i, { id }] of entries.entries()) await transaction(db, (tx) => tx.update(auditLog).set({ createdAt: days[i] }).where(eq(auditLog.id, id)));
    const ids = async (params: Record<string, string>) => (await list(db, params)).rows.map((r) => r.id);
    const [configId, productId, itemsId] = entries.map((e) => e.id);

    expect(await ids({ user: "clerk" })).toEqual([itemsId, productId]);
    expect(await ids({ user: "nobody" })).toEqual([]);
    expect(await ids({ entity: "product" })).toEqual([productId]);
    expect(await ids({ sku: TEE })).toEqual([itemsId, productId]);
    expect(await ids({ sku: "SR-CAP" })).toEqual([itemsId]);
    expect(await ids({ from: "2024-03-02" })).toEqual([itemsId, productId]);
    expect(await ids({ to: "2024-03-01" })).toEqual([configId]);
    expect(await ids({ from: "2024-03-02", to: "2024-03-02" })).toEqual([productId]);
    expect(await ids({ user: "clerk", sku: TEE, from: "2024-03-03" })).toEqual([itemsId]);
    // A malformed filter is ignored rather than failing the page.
    expect(await ids({ from: "2024-02-30", entity: "Robert'); DROP TABLE" })).toEqual([itemsId, productId, configId]);
    expect((await list(db, { sku: TEE })).total).toBe(2);
  });

  it("pages newest first by keyset: Next and Previous walk the same order a typed page number gives", async () => {
    const { db, merchant } = await withAdmins();
    for (let i = 0; i < 45; i++) await setBackorders(db, String(i % 2), merchant);
    const all = (await db.select({ id: auditLog.id }).from(auditLog)).map((r) => r.id).sort((a, b) => b - a);
    const first = await list(db);
    expect(first).toMatchObject({ total: 45, page: 1, pages: 3 });
    expect(first.rows.map((r) => r.id)).toEqual(all.slice(0, 20));
    const second = await list(db, { page: "2", after: first.nextCursor! });
    expect(second.rows.map((r) => r.id)).toEqual(all.slice(20, 40));
    const third = await list(db, { page: "3", after: second.nextCursor! });
    expect(third.rows.map((r) => r.id)).toEqual(all.slice(40));
    expect(third.nextCursor).toBeNull();
    const back = await list(db, { page: "2", before: third.prevCursor! });
    expect(back.rows.map((r) => r.id)).toEqual(all.slice(20, 40));
    expect((await list(db, { page: "3" })).rows.map((r) => r.id)).toEqual(all.slice(40));
    expect((await list(db, { limit: "50" })).rows).toHaveLength(45);
  });

  it("shows entries written before the Action Log with what their details say", async () => {
    const { db } = await withAdmins();
    await transaction(db, (tx) =>
      tx.insert(auditLog).values([
        {
          username: "merchant",
          action: "config.save",
          entityType: "config",
          entityId: "default/0",
          details: JSON.stringify({ changes: [{ path: BACKORDERS, oldValue: null, newValue: "2" }], statusSwitched: {} }),
        },
        {
          username: "merchant",
          action: "product_saved",
          entityType: "product",
          entityId: "1",
          details: JSON.stringify({ sku: TEE, version: 2, changes: [{ field: "Quantity", from: "25", to: "30" }] }),
        },
      ]),
    );
    const [product, config] = (await list(db)).rows;
    expect(sourceLabel(config)).toBeNull();
    expect(changeLines(config)).toEqual(["Backorders: Use system value → Allow Qty Below 0 and Notify Customer"]);
    expect(changeLines(product)).toEqual(["Quantity: 25 → 30"]);
    expect(entityOf(product, product.entity)).toEqual({ label: `Product: ${TEE}`, href: "/admin/catalog/product/edit/id/1" });
  });

  it("links an entity only while it exists", async () => {
    const { db, merchant } = await withAdmins();
    const cap = await idOf(db, "SR-CAP");
    await saveProduct(db, { id: cap, product: { price: 12 }, stockItem: {}, actor: merchant });
    await transaction(db, (tx) => tx.delete(products).where(eq(products.id, cap)));
    const entry = await lastEntry(db);
    expect(entry.entity).toEqual({ exists: false, name: null });
    expect(entityOf(entry, entry.entity)).toEqual({ label: "Product: SR-CAP", href: null });
  });
});

describe("Revert", () => {
  it("a configuration change: the old value is saved again through the configuration save, the figures follow, and the revert is logged", async () => {
    const { db, merchant, clerk } = await withAdmins();
    expect(await salable(db, TEE)).toBe(75);
    await setBackorders(db, "0", merchant);
    expect(await salable(db, TEE)).toBe(25);
    const changed = await lastEntry(db);

    await revertAuditEntry(db, changed.id, clerk);
    expect(await stored(db, BACKORDERS)).toBe("1");
    expect(await salable(db, TEE)).toBe(75);
    const revert = await lastEntry(db);
    expect(revert).toMatchObject({ action: "config.save", entityId: "default/0", username: "clerk", source: "admin", revertOf: changed.id });
    expect(actionLabel(revert)).toBe("Configuration reverted");
    expect(changeLines(revert)).toEqual(["Backorders: No Backorders → Allow Qty Below 0"]);
    // The configuration page's own history follows too.
    const [history] = await db.select().from(configHistory).orderBy(asc(configHistory.id)).limit(1).offset(1);
    expect(history).toMatchObject({ path: BACKORDERS, oldValue: "0", newValue: "1", username: "clerk" });

    // A revert is itself a change that can be reverted.
    await revertAuditEntry(db, revert.id, merchant);
    expect(await stored(db, BACKORDERS)).toBe("0");
    expect(await salable(db, TEE)).toBe(25);
  });

  it("a value that was inherited before goes back to inheriting (Use system value)", async () => {
    const { db, merchant } = await withAdmins();
    await saveConfigValues(db, { scope: "default", scopeId: 0, values: { [MIN_QTY]: null }, actor: merchant });
    await saveConfigValues(db, { scope: "default", scopeId: 0, values: { [MIN_QTY]: "-10" }, actor: merchant });
    const entry = await lastEntry(db);
    expect(changeLines(entry)).toEqual(["Out-of-Stock Threshold: Use system value → -10"]);
    expect(await salable(db, TEE)).toBe(35);
    await revertAuditEntry(db, entry.id, merchant);
    expect(await stored(db, MIN_QTY)).toBeNull();
    expect(await salable(db, TEE)).toBe(25);
  });

  it("a product inventory change: the product save writes the old settings back, with the index and the audit", async () => {
    const { db, merchant } = await withAdmins();
    const tee = await idOf(db, TEE);
    await saveProduct(db, { id: tee, product: {}, stockItem: { backorders: 0, useConfigBackorders: false, qty: 20 }, actor: merchant });
    expect(await salable(db, TEE)).toBe(20);
    const changed = await lastEntry(db);
    expect(changeLines(changed)).toEqual(["Quantity: 25 → 20", "Backorders: Use Config Settings → No Backorders"]);

    await revertAuditEntry(db, changed.id, merchant);
    const now = (await getProductForEdit(db, { id: tee }))!;
    expect(now.values.stockItem).toMatchObject({ qty: 25, useConfigBackorders: true });
    expect(now.lock.version).toBe(3);
    expect(await salable(db, TEE)).toBe(75);
    const revert = await lastEntry(db);
    expect(revert).toMatchObject({ action: "product_saved", entityId: String(tee), revertOf: changed.id, skus: [TEE] });
    expect(changeLines(revert)).toEqual(["Quantity: 20 → 25", "Backorders: No Backorders → Use Config Settings"]);
  });

  it("is refused, naming the field and its value now, when it was changed again since; nothing is written", async () => {
    const { db, merchant } = await withAdmins();
    await setBackorders(db, "0", merchant);
    const first = await lastEntry(db);
    await setBackorders(db, "2", merchant);
    const audits = await auditCount(db);

    const refusal = await refused(revertAuditEntry(db, first.id, merchant));
    expect(refusal).toMatchObject({
      kind: "stale",
      message: 'Backorders was changed again after this entry (now "Allow Qty Below 0 and Notify Customer"). Nothing was reverted.',
    });
    expect(await stored(db, BACKORDERS)).toBe("2");
    expect(await auditCount(db)).toBe(audits);
  });

  it("of a product is refused when a field it changed holds another value now, even through another screen", async () => {
    const { db, merchant } = await withAdmins();
    const tee = await idOf(db, TEE);
    await saveProduct(db, { id: tee, product: {}, stockItem: { backorders: 0, useConfigBackorders: false, qty: 20 }, actor: merchant });
    const changed = await lastEntry(db);
    // A source item save moves the quantity the product entry set.
    await saveSourceItems(db, [{ sku: TEE, source_code: "default", quantity: 18, status: 1 }], merchant);
    const audits = await auditCount(db);
    const refusal = await refused(revertAuditEntry(db, changed.id, merchant));
    expect(refusal.message).toBe('Quantity was changed again after this entry (now "18"). Nothing was reverted.');
    expect((await getProductForEdit(db, { id: tee }))!.values.stockItem).toMatchObject({ qty: 18, backorders: 0, useConfigBackorders: false });
    expect(await auditCount(db)).toBe(audits);
  });

  it("names every field changed since", async () => {
    const { db, merchant } = await withAdmins();
    await saveConfigValues(db, { scope: "default", scopeId: 0, values: { [BACKORDERS]: "0", [MIN_QTY]: "2" }, actor: merchant });
    const entry = await lastEntry(db);
    await saveConfigValues(db, { scope: "default", scopeId: 0, values: { [BACKORDERS]: "1", [MIN_QTY]: null }, actor: merchant });
    const refusal = await refused(revertAuditEntry(db, entry.id, merchant));
    expect(refusal.message).toBe(
      'Backorders (now "Allow Qty Below 0") and Out-of-Stock Threshold (now "Use system value") were changed again after this entry. Nothing was reverted.',
    );
  });

  it("applies to configuration and product inventory entries only, and to entries that exist", async () => {
    const { db, merchant } = await withAdmins();
    await saveSourceItems(db, [{ sku: TEE, source_code: "default", quantity: 30, status: 1 }], merchant);
    const entry = await lastEntry(db);
    expect(await refused(revertAuditEntry(db, entry.id, merchant))).toMatchObject({ kind: "not_allowed", message: NOT_REVERTABLE });
    expect(await refused(revertAuditEntry(db, entry.id + 1, merchant))).toMatchObject({ kind: "not_found", message: ENTRY_NOT_FOUND });
    expect(await db.select().from(sourceItems).where(eq(sourceItems.sku, TEE))).toMatchObject([{ quantity: 30 }]);
  });

  it("writes the SKUs an entry names once each", async () => {
    const { db, merchant } = await withAdmins();
    await transaction(db, (tx) => writeAudit(tx, { actor: merchant, action: "save", entityType: "source_item", skus: [TEE, TEE, "SR-CAP"] }));
    const entry = await lastEntry(db);
    expect((await getAuditEntry(db, entry.id))!.skus).toEqual(["SR-CAP", TEE]);
  });
});
