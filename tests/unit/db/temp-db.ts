import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach } from "vitest";
import { closeDb, openDb, transaction, type Db } from "@/db/connection";
import { seed, type SeedKind } from "@/db/seed";

/**
 * The engine the db tests run on: PostgreSQL when STOCKROOM_PG_URL names a server's
 * maintenance database (postgres://postgres@127.0.0.1:5432/postgres; `npm run test:unit:pg`),
 * otherwise SQLite files. Every test gets a database of its own either way. Tests are written for
 * both; one that truly applies to a single engine asks `engineKind(db)` (db/connection.ts), or
 * `it.skipIf(Boolean(process.env.STOCKROOM_PG_URL))` before it has a database, and says why.
 */
const PG_URL = process.env.STOCKROOM_PG_URL?.trim() || undefined;

/** Statements on the maintenance database (CREATE/DROP DATABASE cannot run in a transaction). */
async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const opened: Db[] = [];
const removals: (() => Promise<void>)[] = [];
const locations = new WeakMap<Db, string>();

/**
 * Where a new, empty database is, removed after the test: a file in a temp directory, or a fresh
 * PostgreSQL database. Collation C, so text sorts byte by byte as on SQLite (the tests' expected
 * orders were worked out that way).
 */
export async function tempLocation(): Promise<string> {
  if (!PG_URL) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stockroom-unit-"));
    removals.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    return path.join(dir, "test.db");
  }
  const name = `stockroom_test_${randomBytes(6).toString("hex")}`;
  await onServer(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  // FORCE: a test that failed half-way may leave a connection behind (a worker process, say).
  removals.push(() => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A migrated database of its own with nothing in it, closed and removed after the test. */
export async function emptyDb(): Promise<Db> {
  const location = await tempLocation();
  const db = await openDb(location);
  opened.push(db);
  locations.set(db, location);
  return db;
}

/** A migrated, seeded database of its own, closed and removed after the test. */
export async function tempDb(kind: SeedKind = "catalog"): Promise<Db> {
  const db = await emptyDb();
  await transaction(db, (tx) => seed(tx, kind));
  return db;
}

/** The file path or URL another process opens to reach the same database. */
export function locationOf(db: Db): string {
  const location = locations.get(db);
  if (!location) throw new Error("Not a database from tempDb/emptyDb.");
  return location;
}

afterEach(async () => {
  // Close every handle first (PostgreSQL drops a database only without sessions on it), and
  // remove every database even when one step fails, then report the first failure.
  const results = await Promise.allSettled(opened.splice(0).map((db) => closeDb(db)));
  for (const remove of removals.splice(0)) results.push(...(await Promise.allSettled([remove()])));
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
});
