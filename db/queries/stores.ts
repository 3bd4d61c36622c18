import { asc, count, eq } from "drizzle-orm";
import type { SearchCriteria } from "@/lib/validation/search-criteria";
import type { Conn } from "../connection";
import { storeGroups, stores, websites } from "../schema";
import { sqlSearch, type SearchFields } from "./search";

/** Every website (a stock's possible sales channels), in Magento's order. */
export async function listWebsites(db: Conn) {
  return db.select().from(websites).orderBy(asc(websites.sortOrder), asc(websites.id));
}

export async function getStoreByCode(db: Conn, code: string) {
  const [store] = await db.select().from(stores).where(eq(stores.code, code)).limit(1);
  return store;
}

export type WebsiteRow = typeof websites.$inferSelect;
export type StoreGroupRow = typeof storeGroups.$inferSelect;
export type StoreViewRow = typeof stores.$inferSelect;

export async function getWebsite(db: Conn, id: number): Promise<WebsiteRow | undefined> {
  const [row] = await db.select().from(websites).where(eq(websites.id, id)).limit(1);
  return row;
}

export async function getStoreGroup(db: Conn, id: number): Promise<StoreGroupRow | undefined> {
  const [row] = await db.select().from(storeGroups).where(eq(storeGroups.id, id)).limit(1);
  return row;
}

export async function getStoreView(db: Conn, id: number): Promise<StoreViewRow | undefined> {
  const [row] = await db.select().from(stores).where(eq(stores.id, id)).limit(1);
  return row;
}

/** Every store (group) with its website's name, for the Store View form's "Store" choice. */
export async function listStoreGroups(db: Conn) {
  return db
    .select({ id: storeGroups.id, name: storeGroups.name, code: storeGroups.code, websiteId: storeGroups.websiteId, websiteName: websites.name, defaultStoreId: storeGroups.defaultStoreId })
    .from(storeGroups)
    .innerJoin(websites, eq(websites.id, storeGroups.websiteId))
    .orderBy(asc(websites.sortOrder), asc(websites.id), asc(storeGroups.name), asc(storeGroups.id));
}

/** Every store view, enabled or not, in Magento's order. */
export async function listStoreViewsAll(db: Conn): Promise<StoreViewRow[]> {
  return db.select().from(stores).orderBy(asc(stores.sortOrder), asc(stores.id));
}

/** A store's views in Magento's order, for its "Default Store View" choice. */
export async function listStoreViewsOfGroup(db: Conn, groupId: number): Promise<StoreViewRow[]> {
  return db.select().from(stores).where(eq(stores.groupId, groupId)).orderBy(asc(stores.sortOrder), asc(stores.id));
}

/**
 * The All Stores grid: one row per store view, with its store and website; a website without
 * stores, or a store without views, still has its row (Magento's grid shows them too).
 */
const STORE_TREE_FIELDS: SearchFields = {
  website: { column: websites.name, type: "text" },
  website_code: { column: websites.code, type: "text" },
  group: { column: storeGroups.name, type: "text" },
  group_code: { column: storeGroups.code, type: "text" },
  store: { column: stores.name, type: "text" },
  store_code: { column: stores.code, type: "text" },
};

export const STORE_TREE_SORTS = ["website", "group", "store"] as const;

export async function listStoreTree(db: Conn, criteria: SearchCriteria) {
  const search = sqlSearch(STORE_TREE_FIELDS, criteria, [websites.id, storeGroups.id, stores.id]);
  const from = () =>
    db
      .select({
        websiteId: websites.id,
        websiteName: websites.name,
        websiteCode: websites.code,
        groupId: storeGroups.id,
        groupName: storeGroups.name,
        storeId: stores.id,
        storeName: stores.name,
        storeCode: stores.code,
        storeActive: stores.isActive,
      })
      .from(websites)
      .leftJoin(storeGroups, eq(storeGroups.websiteId, websites.id))
      .leftJoin(stores, eq(stores.groupId, storeGroups.id))
      .where(search.where)
      .$dynamic();
  const [{ n: total }] = await db
    .select({ n: count() })
    .from(websites)
    .leftJoin(storeGroups, eq(storeGroups.websiteId, websites.id))
    .leftJoin(stores, eq(stores.groupId, storeGroups.id))
    .where(search.where);
  const query = from().orderBy(...search.orderBy);
  const items = await (search.limit === undefined ? query : query.limit(search.limit).offset(search.offset!));
  return { items, total };
}
