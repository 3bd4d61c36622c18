import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { PoolClient } from "pg";

/**
 * Applies db/migrations/<engine> under a lock, so several instances starting at once on one new
 * database wait for each other instead of racing to create the same tables. Bookkeeping matches
 * drizzle-kit's (`__drizzle_migrations`: the file's hash and the journal's timestamp), so
 * `drizzle-kit migrate` and this runner agree on what has been applied.
 */
const folder = (engine: "sqlite" | "pg") => path.join(process.cwd(), "db", "migrations", engine);

/** What drizzle-kit's journal lists: each migration's name and the time that orders it. */
interface JournalEntry {
  tag: string;
  when: number;
}

/** The engine's migrations in order, as db/migrations/<engine>/meta/_journal.json lists them. */
export function migrationJournal(engine: "sqlite" | "pg"): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder(engine), "meta", "_journal.json"), "utf8")) as { entries: JournalEntry[] };
  return journal.entries.map(({ tag, when }) => ({ tag, when }));
}

/**
 * drizzle's rule, which both runners below follow: a migration counts as applied once the newest
 * recorded one is at least as new (`lastAppliedAt` null: nothing was ever applied).
 */
export const isApplied = (when: number, lastAppliedAt: number | null) => lastAppliedAt !== null && lastAppliedAt >= when;

/** An arbitrary constant: the advisory lock key PostgreSQL instances migrate under. */
const PG_MIGRATION_LOCK = 7_203_614;

export function migrateSqlite(sqlite: Database.Database): void {
  const migrations = readMigrationFiles({ migrationsFolder: folder("sqlite") });
  // IMMEDIATE takes the write lock up front (waiting busy_timeout for another process's migration).
  sqlite.exec("BEGIN IMMEDIATE");
  try {
    sqlite.exec(`CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)`);
    // better-sqlite3's own statement (this runs before drizzle is involved).
    // eslint-disable-next-line no-restricted-syntax
    const last = sqlite.prepare(`SELECT max(created_at) AS at FROM "__drizzle_migrations"`).get() as { at: number | null };
    const record = sqlite.prepare(`INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)`);
    for (const m of migrations) {
      if (isApplied(m.folderMillis, last.at === null ? null : Number(last.at))) continue;
      for (const statement of m.sql) if (statement.trim()) sqlite.exec(statement);
      record.run(m.hash, m.folderMillis);
    }
    sqlite.exec("COMMIT");
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    throw error;
  }
}

export async function migratePostgres(client: PoolClient): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder: folder("pg") });
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [PG_MIGRATION_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS drizzle`);
    await client.query(`CREATE TABLE IF NOT EXISTS drizzle."__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`);
    const { rows } = await client.query<{ at: string | null }>(`SELECT max(created_at) AS at FROM drizzle."__drizzle_migrations"`);
    const last = rows[0].at === null ? null : Number(rows[0].at);
    for (const m of migrations) {
      if (isApplied(m.folderMillis, last)) continue;
      for (const statement of m.sql) if (statement.trim()) await client.query(statement);
      await client.query(`INSERT INTO drizzle."__drizzle_migrations" (hash, created_at) VALUES ($1, $2)`, [m.hash, m.folderMillis]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
