import { and, eq, inArray, ne } from "drizzle-orm";
import { invalid, notFound, Refusal } from "@/lib/refusal";
import type { StoreGroupInput, StoreViewInput, WebsiteInput } from "@/lib/validation/stores";
import { transaction, type Conn, type Tx } from "../connection";
import { configData, orders, stockSalesChannels, stocks, storeGroups, stores, websites } from "../schema";
import { writeAudit, type AuditEntry } from "./audit";
import { getStoreGroup, getStoreView, getWebsite } from "./stores";

/*
 * Stores > Settings > All Stores: create, edit and delete websites, stores and store views with
 * Magento's rules. Every write is one transaction with its audit entry.
 */

type Actor = AuditEntry["actor"];

const WEBSITE_NOT_FOUND = "The website with id %id does not exist.";
const GROUP_NOT_FOUND = "The store with id %id does not exist.";
const STORE_NOT_FOUND = "The store view with id %id does not exist.";

const refuse = (phrase: string, parameters = {}) => new Refusal("not_allowed", phrase, { parameters });

async function codeTaken(tx: Tx, table: typeof websites | typeof storeGroups | typeof stores, code: string, id: number | null) {
  const [row] = await tx
    .select({ id: table.id })
    .from(table)
    .where(id === null ? eq(table.code, code) : and(eq(table.code, code), ne(table.id, id)))
    .limit(1);
  return row !== undefined;
}

/** New Web Site (id null) or Edit Web Site; answers the website's id. */
export async function saveWebsite(db: Conn, id: number | null, input: WebsiteInput, actor: Actor): Promise<number> {
  return transaction(db, async (tx) => {
    const before = id === null ? undefined : await getWebsite(tx, id);
    if (id !== null && !before) throw notFound(WEBSITE_NOT_FOUND, { id });
    if (await codeTaken(tx, websites, input.code, id)) throw invalid("Website with the same code already exists.", {}, "code");
    if (input.default_group_id !== undefined) {
      const group = await getStoreGroup(tx, input.default_group_id);
      if (!group || group.websiteId !== id) throw invalid("The default store must be one of this website's stores.", {}, "default_group_id");
    }
    const values = {
      name: input.name,
      code: input.code,
      sortOrder: input.sort_order,
      // "Set as Default" only ever makes a website the default; another one takes it away.
      isDefault: before?.isDefault || input.is_default,
      defaultGroupId: input.default_group_id ?? before?.defaultGroupId ?? null,
    };
    if (values.isDefault) await tx.update(websites).set({ isDefault: false }).where(eq(websites.isDefault, true));
    let savedId: number;
    if (before) {
      await tx.update(websites).set(values).where(eq(websites.id, before.id));
      savedId = before.id;
    } else {
      [{ id: savedId }] = await tx.insert(websites).values(values).returning({ id: websites.id });
    }
    await writeAudit(tx, { actor, action: before ? "website.update" : "website.create", entityType: "website", entityId: savedId, details: { before, after: values } });
    return savedId;
  });
}

/** New Store (id null) or Edit Store; answers the store's id. A store stays in its website. */
export async function saveStoreGroup(db: Conn, id: number | null, input: StoreGroupInput, actor: Actor): Promise<number> {
  return transaction(db, async (tx) => {
    const before = id === null ? undefined : await getStoreGroup(tx, id);
    if (id !== null && !before) throw notFound(GROUP_NOT_FOUND, { id });
    const website = await getWebsite(tx, input.website_id);
    if (!website) throw invalid("Choose a web site.", {}, "website_id");
    if (before && before.websiteId !== input.website_id) throw invalid("A store cannot be moved to another web site.", {}, "website_id");
    if (await codeTaken(tx, storeGroups, input.code, id)) throw invalid("Group with the same code already exists.", {}, "code");
    if (input.default_store_id !== undefined) {
      const view = await getStoreView(tx, input.default_store_id);
      if (!view || view.groupId !== id) throw invalid("The default store view must be one of this store's views.", {}, "default_store_id");
      if (!view.isActive) throw invalid("A disabled store view cannot be the default store view.", {}, "default_store_id");
    }
    const values = { websiteId: input.website_id, name: input.name, code: input.code, defaultStoreId: input.default_store_id ?? before?.defaultStoreId ?? null };
    let savedId: number;
    if (before) {
      await tx.update(storeGroups).set(values).where(eq(storeGroups.id, before.id));
      savedId = before.id;
    } else {
      [{ id: savedId }] = await tx.insert(storeGroups).values(values).returning({ id: storeGroups.id });
      // A website's first store becomes its Default Store, as in Magento.
      if (website.defaultGroupId === null) await tx.update(websites).set({ defaultGroupId: savedId }).where(eq(websites.id, website.id));
    }
    await writeAudit(tx, { actor, action: before ? "store_group.update" : "store_group.create", entityType: "store_group", entityId: savedId, details: { before, after: values } });
    return savedId;
  });
}

/** New Store View (id null) or Edit Store View; answers the store view's id. */
export async function saveStoreView(db: Conn, id: number | null, input: StoreViewInput, actor: Actor): Promise<number> {
  return transaction(db, async (tx) => {
    const before = id === null ? undefined : await getStoreView(tx, id);
    if (id !== null && !before) throw notFound(STORE_NOT_FOUND, { id });
    const group = await getStoreGroup(tx, input.group_id);
    if (!group) throw invalid("Choose a store.", {}, "group_id");
    // Its website decides its stock, configuration and orders: a view moves only within it.
    if (before && group.websiteId !== before.websiteId) throw invalid("A store view cannot be moved to another web site.", {}, "group_id");
    if (await codeTaken(tx, stores, input.code, id)) throw invalid("Store with the same code already exists.", {}, "code");
    const isDefault = before !== undefined && (await getStoreGroup(tx, before.groupId))?.defaultStoreId === before.id;
    if (isDefault && !input.is_active) throw invalid("The default store cannot be disabled", {}, "is_active");
    if (isDefault && input.group_id !== before.groupId) throw invalid("The default store view of a store cannot be moved to another store.", {}, "group_id");
    const values = { groupId: group.id, websiteId: group.websiteId, name: input.name, code: input.code, isActive: input.is_active, sortOrder: input.sort_order, locale: input.locale };
    let savedId: number;
    if (before) {
      await tx.update(stores).set(values).where(eq(stores.id, before.id));
      savedId = before.id;
    } else {
      [{ id: savedId }] = await tx.insert(stores).values(values).returning({ id: stores.id });
      // A store's first (enabled) view becomes its Default Store View.
      if (group.defaultStoreId === null && values.isActive) {
        await tx.update(storeGroups).set({ defaultStoreId: savedId }).where(eq(storeGroups.id, group.id));
      }
    }
    await writeAudit(tx, { actor, action: before ? "store.update" : "store.create", entityType: "store", entityId: savedId, details: { before, after: values } });
    return savedId;
  });
}

/** Orders keep their store view (it names where they were placed): such a view is disabled, never deleted. */
async function refuseWithOrders(tx: Tx, storeIds: number[], phrase: string) {
  if (storeIds.length === 0) return;
  const [order] = await tx.select({ id: orders.id }).from(orders).where(inArray(orders.storeId, storeIds)).limit(1);
  if (order) throw refuse(phrase);
}

/** Magento removes the configuration saved at a deleted scope with it. */
async function deleteScopeConfig(tx: Tx, websiteIds: number[], storeIds: number[]) {
  if (websiteIds.length > 0) await tx.delete(configData).where(and(eq(configData.scope, "websites"), inArray(configData.scopeId, websiteIds)));
  if (storeIds.length > 0) await tx.delete(configData).where(and(eq(configData.scope, "stores"), inArray(configData.scopeId, storeIds)));
}

const storeIdsWhere = async (tx: Tx, where: ReturnType<typeof eq>) => (await tx.select({ id: stores.id }).from(stores).where(where)).map((s) => s.id);

export async function deleteWebsite(db: Conn, id: number, actor: Actor): Promise<void> {
  await transaction(db, async (tx) => {
    const website = await getWebsite(tx, id);
    if (!website) throw notFound(WEBSITE_NOT_FOUND, { id });
    if (website.isDefault) throw refuse("This website cannot be deleted: it is the default website.");
    const [channel] = await tx
      .select({ name: stocks.name })
      .from(stockSalesChannels)
      .innerJoin(stocks, eq(stocks.id, stockSalesChannels.stockId))
      .where(eq(stockSalesChannels.code, website.code))
      .limit(1);
    if (channel) {
      throw refuse('This website cannot be deleted while the stock "%stock" sells to it. Remove the website from that stock\'s Sales Channels first.', { stock: channel.name });
    }
    const storeIds = await storeIdsWhere(tx, eq(stores.websiteId, id));
    await refuseWithOrders(tx, storeIds, "This website cannot be deleted: its store views have orders.");
    await deleteScopeConfig(tx, [id], storeIds);
    await tx.delete(websites).where(eq(websites.id, id));
    await writeAudit(tx, { actor, action: "website.delete", entityType: "website", entityId: id, details: { before: website } });
  });
}

export async function deleteStoreGroup(db: Conn, id: number, actor: Actor): Promise<void> {
  await transaction(db, async (tx) => {
    const group = await getStoreGroup(tx, id);
    if (!group) throw notFound(GROUP_NOT_FOUND, { id });
    const website = await getWebsite(tx, group.websiteId);
    if (website?.defaultGroupId === id) throw refuse("This store cannot be deleted: it is its web site's Default Store.");
    const storeIds = await storeIdsWhere(tx, eq(stores.groupId, id));
    await refuseWithOrders(tx, storeIds, "This store cannot be deleted: its store views have orders.");
    await deleteScopeConfig(tx, [], storeIds);
    await tx.delete(storeGroups).where(eq(storeGroups.id, id));
    await writeAudit(tx, { actor, action: "store_group.delete", entityType: "store_group", entityId: id, details: { before: group } });
  });
}

export async function deleteStoreView(db: Conn, id: number, actor: Actor): Promise<void> {
  await transaction(db, async (tx) => {
    const view = await getStoreView(tx, id);
    if (!view) throw notFound(STORE_NOT_FOUND, { id });
    const group = await getStoreGroup(tx, view.groupId);
    if (group?.defaultStoreId === id) throw refuse("This store view cannot be deleted: it is its store's Default Store View.");
    await refuseWithOrders(tx, [id], "This store view cannot be deleted: it has orders. Disable it instead.");
    await deleteScopeConfig(tx, [], [id]);
    await tx.delete(stores).where(eq(stores.id, id));
    await writeAudit(tx, { actor, action: "store.delete", entityType: "store", entityId: id, details: { before: view } });
  });
}
