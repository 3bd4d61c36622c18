import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { createAdminUser } from "@/db/queries/auth";
import { saveConfigValues } from "@/db/queries/config";
import { placeOrder } from "@/db/queries/orders";
import { deleteStoreGroup, deleteStoreView, deleteWebsite, saveStoreGroup, saveStoreView, saveWebsite } from "@/db/queries/store-save";
import { saveStockForm } from "@/db/queries/stocks";
import { getStoreGroup, getWebsite, listStoreTree } from "@/db/queries/stores";
import { getStoreContext } from "@/db/queries/storefront";
import { auditLog, configData, stores, websites } from "@/db/schema";
import { storeViewSchema, websiteSchema } from "@/lib/validation/stores";
import { refused } from "./refused";
import { tempDb } from "./temp-db";

const ADMIN = { id: 1, username: "admin" };

async function setup(): Promise<Db> {
  const db = await tempDb();
  await createAdminUser(db, ADMIN.username, "not-a-real-hash");
  return db;
}

/** Belgium with its store and a be_nl view, as a merchant makes them on All Stores. */
async function belgium(db: Db) {
  const websiteId = await saveWebsite(db, null, { name: "Belgium", code: "be", sort_order: 1, is_default: false }, ADMIN);
  const groupId = await saveStoreGroup(db, null, { website_id: websiteId, name: "Belgium Store", code: "be_store" }, ADMIN);
  const storeId = await saveStoreView(db, null, { group_id: groupId, name: "Belgisch Nederlands", code: "be_nl", is_active: true, sort_order: 0, locale: "nl_NL" }, ADMIN);
  return { websiteId, groupId, storeId };
}

describe("All Stores: websites, stores and store views", () => {
  it("a new website's first store and first view become its defaults, and the grid lists them", async () => {
    const db = await setup();
    const { websiteId, groupId, storeId } = await belgium(db);
    expect((await getWebsite(db, websiteId))?.defaultGroupId).toBe(groupId);
    expect((await getStoreGroup(db, groupId))?.defaultStoreId).toBe(storeId);
    const { items, total } = await listStoreTree(db, { filterGroups: [], sortOrders: [{ field: "website", direction: "ASC" }], pageSize: 20, currentPage: 1 });
    expect(total).toBe(2);
    // By web site name: Belgium before Main Website.
    expect(items.map((r) => r.storeCode)).toEqual(["be_nl", "default"]);
    const actions = (await db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["website.create", "store_group.create", "store.create"]));
  });

  it("the new store view resolves at once (its website, its configuration) once enabled", async () => {
    const db = await setup();
    await belgium(db);
    const ctx = await getStoreContext(db, "be_nl");
    expect(ctx?.store.websiteId).not.toBe(1);
    expect(ctx?.stockId).toBeNull();
  });

  it.each([
    ["website", () => websiteSchema.safeParse({ name: "X", code: "1be", sort_order: 0, is_default: false }), "Website code may only contain"],
    ["store view", () => storeViewSchema.safeParse({ group_id: 1, name: "X", code: "be-nl", is_active: true, sort_order: 0, locale: "en_US" }), "The store code may contain only"],
    ["reserved store view code", () => storeViewSchema.safeParse({ group_id: 1, name: "X", code: "all", is_active: true, sort_order: 0, locale: "en_US" }), "reserved"],
  ])("a %s code breaking Magento's rule is refused with its message", (_what, parse, message) => {
    const result = parse();
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain(message);
  });

  it("codes are unique per kind, named at the Code field", async () => {
    const db = await setup();
    await belgium(db);
    const again = await refused(saveWebsite(db, null, { name: "Other", code: "be", sort_order: 0, is_default: false }, ADMIN));
    expect(again.message).toBe("Website with the same code already exists.");
    expect(again.field).toBe("code");
    const view = await refused(saveStoreView(db, null, { group_id: 1, name: "Dup", code: "default", is_active: true, sort_order: 0, locale: "en_US" }, ADMIN));
    expect(view.message).toBe("Store with the same code already exists.");
  });

  it("Set as Default moves the default to the new website; the old one becomes deletable", async () => {
    const db = await setup();
    const { websiteId } = await belgium(db);
    await saveWebsite(db, websiteId, { name: "Belgium", code: "be", sort_order: 1, is_default: true }, ADMIN);
    const defaults = await db.select({ id: websites.id }).from(websites).where(eq(websites.isDefault, true));
    expect(defaults).toEqual([{ id: websiteId }]);
  });

  it("the default website, its default store and a store's default view cannot be deleted or disabled", async () => {
    const db = await setup();
    expect((await refused(deleteWebsite(db, 1, ADMIN))).message).toContain("default website");
    expect((await refused(deleteStoreGroup(db, 1, ADMIN))).message).toContain("Default Store");
    expect((await refused(deleteStoreView(db, 1, ADMIN))).message).toContain("Default Store View");
    const disable = await refused(saveStoreView(db, 1, { group_id: 1, name: "Default Store View", code: "default", is_active: false, sort_order: 0, locale: "en_US" }, ADMIN));
    expect(disable.message).toBe("The default store cannot be disabled");
    expect(disable.field).toBe("is_active");
  });

  it("a website a stock sells to cannot be deleted, and the message names the stock", async () => {
    const db = await setup();
    const { websiteId } = await belgium(db);
    await saveStockForm(db, null, { name: "Belgium Stock", websites: [{ code: "be", selected: true }], sources: [] }, ADMIN);
    const refusal = await refused(deleteWebsite(db, websiteId, ADMIN));
    expect(refusal.message).toContain('the stock "Belgium Stock" sells to it');
    expect(await getWebsite(db, websiteId)).toBeDefined();
  });

  it("deleting a website removes its stores, views and the configuration saved at their scopes", async () => {
    const db = await setup();
    const { websiteId, storeId } = await belgium(db);
    await saveConfigValues(db, { scope: "stores", scopeId: storeId, values: { "cataloginventory/options/display_product_stock_status": "0" }, actor: ADMIN });
    await deleteWebsite(db, websiteId, ADMIN);
    expect(await db.select().from(stores).where(eq(stores.websiteId, websiteId))).toEqual([]);
    expect(await db.select().from(configData).where(eq(configData.scopeId, storeId))).toEqual([]);
  });

  it("a store view with orders is not deleted: disable it instead", async () => {
    const db = await setup();
    const second = await saveStoreView(db, null, { group_id: 1, name: "Second", code: "second", is_active: true, sort_order: 1, locale: "en_US" }, ADMIN);
    await placeOrder(db, { storeCode: "second", items: [{ sku: "SR-TEE-SEED", qty: 1 }] });
    const refusal = await refused(deleteStoreView(db, second, ADMIN));
    expect(refusal.message).toContain("Disable it instead");
  });
});
