import path from "node:path";
import fs from "node:fs";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";
import { prepareDatabase } from "./prepare";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Opens (creating and migrating) one SQLite file. The only place that opens SQLite. */
export function openDb(file: string) {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  // Concurrent writers (several server processes, CLI scripts) wait for the lock instead of failing.
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

export type Db = ReturnType<typeof openDb>;
/** A transaction handle or the db itself: query functions accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

export function databasePath(): string {
  // Runtime configuration, not a build input: keep Turbopack from tracing the whole project.
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH ?? "./data/stockroom.db");
}

const globalForDb = globalThis as unknown as { __stockroomDb?: Db };

/**
 * The process-wide connection, opened lazily so `next build` never touches the database.
 * On first use an empty database gets the defaults, the first admin and (SEED=demo) demo data.
 */
export function getDb(): Db {
  if (!globalForDb.__stockroomDb) {
    const db = openDb(databasePath());
    globalForDb.__stockroomDb = db;
    prepareDatabase(db, {
      seed: process.env.SEED === "none" ? "none" : "demo",
      adminUsername: process.env.ADMIN_USERNAME,
      adminPassword: process.env.ADMIN_PASSWORD,
      log: (line) => console.log(line),
    });
  }
  return globalForDb.__stockroomDb;
}
