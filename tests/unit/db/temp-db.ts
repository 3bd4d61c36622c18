import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import { openDb, type Db } from "@/db/client";
import { seed, type SeedKind } from "@/db/seed";

const opened: { db: Db; dir: string }[] = [];

/** A migrated, seeded SQLite file of its own, removed after the test. */
export function tempDb(kind: SeedKind = "demo"): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stockroom-unit-"));
  const db = openDb(path.join(dir, "test.db"));
  db.transaction((tx) => seed(tx, kind));
  opened.push({ db, dir });
  return db;
}

afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
