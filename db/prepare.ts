import { generatePassword, hashPasswordSync } from "@/lib/auth/password";
import { transaction, type Db } from "./connection";
import { seed } from "./seed";
import { countAdminUsers, createAdminUser } from "./queries/auth";
import { indexIsEmpty, refreshInventoryIndex } from "./queries/inventory-index";
import { websites } from "./schema";

export interface PrepareOptions {
  seed: "demo" | "none";
  adminUsername?: string;
  adminPassword?: string;
  log: (line: string) => void;
}

/**
 * Makes a migrated database usable: an empty one gets the defaults (and the demo catalog with
 * SEED=demo); an index a migration emptied is rebuilt; a database without admins gets the first one.
 */
export async function prepareDatabase(db: Db, opts: PrepareOptions): Promise<void> {
  await transaction(db, async (tx) => {
    if ((await tx.select({ id: websites.id }).from(websites).limit(1)).length > 0) return;
    await seed(tx, opts.seed);
  });
  if (await indexIsEmpty(db)) {
    await transaction(db, async (tx) => {
      // Another process may have rebuilt it while we waited for the write lock.
      if (await indexIsEmpty(tx)) await refreshInventoryIndex(tx, "all");
    });
  }
  if ((await countAdminUsers(db)) > 0) return;
  const username = opts.adminUsername || "admin";
  const password = opts.adminPassword || generatePassword();
  const hash = hashPasswordSync(password);
  const created = await transaction(db, async (tx) => {
    // Another process may have created it while we hashed.
    if ((await countAdminUsers(tx)) > 0) return false;
    await createAdminUser(tx, username, hash);
    return true;
  });
  if (created && !opts.adminPassword) {
    opts.log(`Stockroom: created admin "${username}" with generated password: ${password}`);
  }
}
