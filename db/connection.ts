import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

type Handle = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * The database as a whole. Reads outside a transaction go through a read-only connection: in WAL
 * mode it sees only committed data, so a request never reads another request's open transaction
 * (an `await` inside a transaction lets other requests run). Writes go through `transaction`.
 */
export type Db = Omit<Handle, "insert" | "update" | "delete" | "run" | "transaction">;
/** A handle inside an open transaction: the only one that can write; reads see its own writes. */
export type Tx = Handle;
/** What query functions take: the database or the caller's open transaction. */
export type Conn = Db | Tx;

interface Engine {
  writer: Handle;
  /** Transactions of this process, one after another (SQLite has one writer at a time). */
  queue: Promise<unknown>;
  /** Set while this async call chain is inside one of the engine's transactions. */
  current: AsyncLocalStorage<true>;
}

// Kept on the handles themselves (a bundler may load this module more than once per process):
// the database carries its engine, a writer is marked as the one open transaction's handle.
const ENGINE = Symbol.for("stockroom.db.engine");
const TRANSACTION = Symbol.for("stockroom.db.transaction");
type Marked = { [ENGINE]?: Engine; [TRANSACTION]?: true };
const engineOf = (conn: Conn) => (conn as Marked)[ENGINE];
const isTransaction = (conn: Conn): conn is Tx => (conn as Marked)[TRANSACTION] === true;

function connect(file: string, options: Database.Options): Handle {
  const sqlite = new Database(file, options);
  // Concurrent writers (several server processes, CLI scripts) wait for the lock instead of failing.
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema });
}

/** Opens (creating and migrating) one SQLite file. The only place that opens SQLite. */
export function openDb(file: string): Db {
  if (file === ":memory:") throw new Error("Stockroom needs a database file: its reads use a second connection.");
  fs.mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ file)), { recursive: true });
  const writer = connect(file, {});
  writer.$client.pragma("journal_mode = WAL");
  writer.$client.pragma("foreign_keys = ON");
  writer.$client.pragma("synchronous = NORMAL");
  migrate(writer, { migrationsFolder: MIGRATIONS_FOLDER });
  const reader = connect(file, { readonly: true });
  Object.assign(reader, { [ENGINE]: { writer, queue: Promise.resolve(), current: new AsyncLocalStorage<true>() } });
  Object.assign(writer, { [TRANSACTION]: true });
  return reader;
}

/** Closes both connections of a database opened with openDb. */
export function closeDb(db: Db): void {
  engineOf(db)?.writer.$client.close();
  db.$client.close();
}

/**
 * The one way to write: `work` runs inside BEGIN IMMEDIATE … COMMIT and its writes are all kept or,
 * when it throws (a Refusal or anything else), all rolled back. Called with a transaction handle
 * it joins that transaction, so a query can be used alone or as part of a larger write.
 */
export async function transaction<T>(conn: Conn, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (isTransaction(conn)) return work(conn);
  const engine = engineOf(conn);
  if (!engine) throw new Error("transaction() needs a database opened with openDb.");
  if (engine.current.getStore()) {
    throw new Error("A transaction was started with the database inside another: pass its tx instead.");
  }
  const run = engine.queue.then(() => engine.current.run(true, () => runImmediate(engine.writer, work)));
  engine.queue = run.catch(() => undefined);
  return run;
}

/**
 * Several reads from one consistent state (a long report over the whole catalog) without holding
 * the write lock: a read transaction on a connection of its own, so no other request shares its
 * snapshot. Inside a transaction it simply reads through it.
 */
export async function readSnapshot<T>(conn: Conn, work: (snapshot: Conn) => Promise<T>): Promise<T> {
  if (isTransaction(conn)) return work(conn);
  const snapshot = connect(conn.$client.name, { readonly: true });
  try {
    snapshot.$client.exec("BEGIN");
    return await work(snapshot as Db);
  } finally {
    if (snapshot.$client.inTransaction) snapshot.$client.exec("COMMIT");
    snapshot.$client.close();
  }
}

async function runImmediate<T>(writer: Handle, work: (tx: Tx) => Promise<T>): Promise<T> {
  const sqlite = writer.$client;
  sqlite.exec("BEGIN IMMEDIATE");
  try {
    const result = await work(writer);
    sqlite.exec("COMMIT");
    return result;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    throw error;
  }
}

export function databasePath(): string {
  // Runtime configuration, not a build input: keep Turbopack from tracing the whole project.
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH ?? "./data/stockroom.db");
}
