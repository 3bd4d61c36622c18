import { eq } from "drizzle-orm";
import type { Tx } from "../client";
import { stores } from "../schema";

export function getStoreByCode(db: Tx, code: string) {
  return db.select().from(stores).where(eq(stores.code, code)).get();
}
