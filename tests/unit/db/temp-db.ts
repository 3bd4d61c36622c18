import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import { closeDb, openDb, transaction, type Db } from "@/db/connection";
import { seed, type SeedKind } from "@/db/seed";

const opened: { db: Db; dir: string }[] = [];

/** A migrated, seeded SQLite file of its own, removed after the test. */
export async function tempDb(kind: SeedKind = "demo"): Promise<Db> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stockroom-unit-"));
  const db = openDb(path.join(dir, "test.db"));
  await transaction(db, (tx) => seed(tx, kind));
  opened.push({ db, dir });
  return db;
}

afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    closeDb(db);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
