import { generatePassword, hashPasswordSync } from "@/lib/auth/password";
import type { Db } from "./client";
import { seed } from "./seed";
import { countAdminUsers, createAdminUser } from "./queries/auth";
import { websites } from "./schema";

export interface PrepareOptions {
  seed: "demo" | "none";
  adminUsername?: string;
  adminPassword?: string;
  log: (line: string) => void;
}

/**
 * Makes a migrated database usable: an empty one gets the defaults (and the demo catalog with
 * SEED=demo); a database without admins gets the first one.
 */
export function prepareDatabase(db: Db, opts: PrepareOptions): void {
  db.transaction(
    (tx) => {
      if (tx.select({ id: websites.id }).from(websites).limit(1).get()) return;
      seed(tx, opts.seed);
    },
    { behavior: "immediate" },
  );
  if (countAdminUsers(db) > 0) return;
  const username = opts.adminUsername || "admin";
  const password = opts.adminPassword || generatePassword();
  const hash = hashPasswordSync(password);
  db.transaction(
    (tx) => {
      // Another process may have created it while we hashed.
      if (countAdminUsers(tx) === 0) createAdminUser(tx, username, hash);
    },
    { behavior: "immediate" },
  );
  if (!opts.adminPassword) {
    opts.log(`Stockroom: created admin "${username}" with generated password: ${password}`);
  }
}
