import { asc, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { stores, websites } from "../schema";

/** Every website (a stock's possible sales channels), in Magento's order. */
export function listWebsites(db: Tx) {
  return db.select().from(websites).orderBy(asc(websites.sortOrder), asc(websites.id)).all();
}

export function getStoreByCode(db: Tx, code: string) {
  return db.select().from(stores).where(eq(stores.code, code)).get();
}
