import { asc, eq } from "drizzle-orm";
import type { Conn } from "../connection";
import { stores, websites } from "../schema";

/** Every website (a stock's possible sales channels), in Magento's order. */
export async function listWebsites(db: Conn) {
  return db.select().from(websites).orderBy(asc(websites.sortOrder), asc(websites.id));
}

export async function getStoreByCode(db: Conn, code: string) {
  const [store] = await db.select().from(stores).where(eq(stores.code, code)).limit(1);
  return store;
}
