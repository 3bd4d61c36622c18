import "server-only";
import { databaseLocation, openDb, type Db } from "@/db/connection";
import { prepareDatabase } from "@/db/prepare";

const globalForDb = globalThis as unknown as { __stockroomDb?: Promise<Db> };

/**
 * The process-wide database, opened lazily so `next build` never touches it. On first use an
 * empty database gets the defaults, the first admin and (SEED=demo) the demo catalog.
 */
export function getDb(): Promise<Db> {
  globalForDb.__stockroomDb ??= open();
  return globalForDb.__stockroomDb;
}

async function open(): Promise<Db> {
  const db = await openDb(databaseLocation());
  await prepareDatabase(db, {
    seed: process.env.SEED === "none" ? "none" : "demo",
    adminUsername: process.env.ADMIN_USERNAME,
    adminPassword: process.env.ADMIN_PASSWORD,
    log: (line) => console.log(line),
  });
  return db;
}
