import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { inArray, sql, type SQL } from "drizzle-orm";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { getTableConfig, type BaseSQLiteDatabase, type SQLiteSyncDialect, type SQLiteColumn, type SQLiteTable } from "drizzle-orm/sqlite-core";
import pg from "pg";
import { migratePostgres, migrateSqlite } from "./migrate";
import * as schema from "./schema";

/**
 * Two engines, one query language. Every query in db/ is written once, with drizzle's builders
 * over the tables of db/schema.ts, and always awaited: on SQLite (better-sqlite3) an awaited
 * builder runs synchronously, on PostgreSQL (pg) it is a round trip. The PostgreSQL tables are
 * the same columns with the same storage (db/schema.pg.ts), so drizzle's PostgreSQL driver runs
 * these builders unchanged; the type below is the common surface, and the lint rule in
 * eslint.config.mjs forbids the SQLite-only `.all() .get() .run() .values()`.
 */
type Handle = BaseSQLiteDatabase<"async", unknown, typeof schema>;

/**
 * The database as a whole. Reads outside a transaction see only committed data (a read-only
 * SQLite connection in WAL mode; a PostgreSQL pool), so a request never reads another request's
 * open transaction. Writes go through `transaction`.
 */
export type Db = Omit<Handle, "insert" | "update" | "delete" | "run" | "transaction">;
/** A handle inside an open transaction: the only one that can write; reads see its own writes. */
export type Tx = Handle;
/** What query functions take: the database or the caller's open transaction. */
export type Conn = Db | Tx;

export type EngineKind = "sqlite" | "pg";

interface Engine {
  kind: EngineKind;
  /** Runs `work` in one write transaction on a handle of its own. */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `work` in one read-only transaction (one consistent state). */
  snapshot<T>(work: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Transactions of this process, one after another (each engine has one writer at a time). */
  queue: Promise<unknown>;
  /** Set while this async call chain is inside one of the engine's transactions. */
  current: AsyncLocalStorage<true>;
}

// Kept on the handles themselves (a bundler may load this module more than once per process):
// every handle carries its engine, a transaction's handle is marked as such.
const ENGINE = Symbol.for("stockroom.db.engine");
const TRANSACTION = Symbol.for("stockroom.db.transaction");
type Marked = { [ENGINE]?: Engine; [TRANSACTION]?: true };
const engineOf = (conn: Conn) => (conn as Marked)[ENGINE];
const isTransaction = (conn: Conn): conn is Tx => (conn as Marked)[TRANSACTION] === true;
function mark<H extends object>(handle: H, engine: Engine, inTransaction: boolean): H {
  return Object.assign(handle, { [ENGINE]: engine, ...(inTransaction ? { [TRANSACTION]: true } : {}) });
}

/** Which engine a handle talks to: the few statements that differ between them ask this. */
export function engineKind(conn: Conn): EngineKind {
  const engine = engineOf(conn);
  if (!engine) throw new Error("This handle was not opened with openDb.");
  return engine.kind;
}

/** `postgres://…` selects PostgreSQL; anything else is a SQLite file path. */
export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//.test(location);

/** Opens (creating and migrating) a database: a SQLite file or a PostgreSQL URL. The only place that opens one. */
export async function openDb(location: string): Promise<Db> {
  return isPostgresUrl(location) ? openPostgres(location) : openSqlite(location);
}

/** Closes every connection of a database opened with openDb. */
export async function closeDb(db: Db): Promise<void> {
  await engineOf(db)?.close();
}

// ── SQLite: a writer connection (BEGIN IMMEDIATE) and a read-only reader, in WAL mode ──

function connectSqlite(file: string, options: Database.Options) {
  const sqlite = new Database(file, options);
  // Concurrent writers (several server processes, CLI scripts) wait for the lock instead of failing.
  sqlite.pragma("busy_timeout = 10000");
  return { sqlite, handle: drizzleSqlite(sqlite, { schema }) as unknown as Handle };
}

function openSqlite(file: string): Db {
  if (file === ":memory:") throw new Error("Stockroom needs a database file: its reads use a second connection.");
  fs.mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ file)), { recursive: true });
  const writer = connectSqlite(file, {});
  writer.sqlite.pragma("journal_mode = WAL");
  writer.sqlite.pragma("foreign_keys = ON");
  writer.sqlite.pragma("synchronous = NORMAL");
  migrateSqlite(writer.sqlite);
  const checkpointer = startCheckpointer(file, writer.sqlite);
  const reader = connectSqlite(file, { readonly: true });
  const engine: Engine = {
    kind: "sqlite",
    queue: Promise.resolve(),
    current: new AsyncLocalStorage<true>(),
    async write(work) {
      const { sqlite, handle } = writer;
      sqlite.exec("BEGIN IMMEDIATE");
      try {
        const result = await work(handle);
        sqlite.exec("COMMIT");
        return result;
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
        throw error;
      }
    },
    async snapshot(work) {
      const own = connectSqlite(file, { readonly: true });
      try {
        own.sqlite.exec("BEGIN");
        return await work(mark(own.handle, engine, false));
      } finally {
        if (own.sqlite.inTransaction) own.sqlite.exec("COMMIT");
        own.sqlite.close();
      }
    },
    async close() {
      await checkpointer.terminate();
      writer.sqlite.close();
      reader.sqlite.close();
    },
  };
  mark(writer.handle, engine, true);
  return mark(reader.handle, engine, false);
}

/**
 * Copies the WAL back into the database file on a thread of its own. SQLite would do it on the
 * committing connection, inside the request that committed: after a save that rewrote a large
 * catalog's figures that copy held the server's only thread for a third of a second. When the
 * thread cannot start, the writer checkpoints itself as SQLite does by default.
 */
function startCheckpointer(file: string, writer: Database.Database): Worker {
  writer.pragma("wal_autocheckpoint = 0");
  const worker = new Worker(
    `const { workerData } = require("node:worker_threads");
     const db = new (require("better-sqlite3"))(workerData.file);
     db.pragma("busy_timeout = 10000");
     setInterval(() => { try { db.pragma("wal_checkpoint(PASSIVE)"); } catch {} }, workerData.everyMs);`,
    { eval: true, workerData: { file: path.resolve(/*turbopackIgnore: true*/ file), everyMs: 1000 } },
  );
  worker.unref();
  worker.on("error", () => writer.pragma("wal_autocheckpoint = 1000"));
  return worker;
}

// ── PostgreSQL: a pool; every write transaction holds one advisory lock ──

/**
 * Every write transaction, on every instance, takes this transaction-scoped advisory lock first:
 * writers run one at a time across the whole deployment, exactly as on SQLite, so a check and
 * the write it guards (an order against salable quantity, a save against its version) can never
 * interleave with another writer's. Readers never take it: they read the last committed state.
 */
const PG_WRITE_LOCK = 7_203_615;

async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // An idle connection the server ends (a restart, a failover, or a database dropped WITH (FORCE)
  // while pool.end(), which does not wait for sockets, is still closing it) is an 'error' event on
  // the pool; unheard, node-postgres's rule is that it crashes the process. The pool has already
  // dropped that connection and opens a new one when needed.
  pool.on("error", (error) => {
    // The message only: the error carries the whole client object.
    if (!pool.ending) console.error(`PostgreSQL: an idle connection failed; the next query opens a new one (${error.message}).`);
  });
  const client = await pool.connect();
  try {
    await migratePostgres(client);
  } finally {
    client.release();
  }
  const inClient = async <T>(begin: string, work: (handle: Handle) => Promise<T>, inTransaction: boolean) => {
    const own = await pool.connect();
    try {
      await own.query(begin);
      const result = await work(mark(drizzlePg(own, { schema }) as unknown as Handle, engine, inTransaction));
      await own.query("COMMIT");
      return result;
    } catch (error) {
      await own.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      own.release();
    }
  };
  const engine: Engine = {
    kind: "pg",
    queue: Promise.resolve(),
    current: new AsyncLocalStorage<true>(),
    write: (work) =>
      inClient("BEGIN", async (tx) => {
        await execute(tx, sql`SELECT pg_advisory_xact_lock(${PG_WRITE_LOCK})`);
        return work(tx);
      }, true),
    snapshot: (work) => inClient("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", work, false),
    close: () => pool.end(),
  };
  return mark(drizzlePg(pool, { schema }) as unknown as Handle, engine, false);
}

/**
 * The one way to write: `work` runs inside one transaction holding the engine's write lock and its
 * writes are all kept or, when it throws (a Refusal or anything else), all rolled back. Called
 * with a transaction handle it joins that transaction, so a query can be used alone or as part of
 * a larger write.
 */
export async function transaction<T>(conn: Conn, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (isTransaction(conn)) return work(conn);
  const engine = engineOf(conn);
  if (!engine) throw new Error("transaction() needs a database opened with openDb.");
  if (engine.current.getStore()) {
    throw new Error("A transaction was started with the database inside another: pass its tx instead.");
  }
  const run = engine.queue.then(() => engine.current.run(true, () => engine.write(work)));
  engine.queue = run.catch(() => undefined);
  return run;
}

/**
 * Several reads from one consistent state (a long report over the whole catalog) without holding
 * the write lock: a read transaction on a connection of its own. Inside a transaction it simply
 * reads through it.
 */
export async function readSnapshot<T>(conn: Conn, work: (snapshot: Conn) => Promise<T>): Promise<T> {
  if (isTransaction(conn)) return work(conn);
  const engine = engineOf(conn);
  if (!engine) throw new Error("readSnapshot() needs a database opened with openDb.");
  return engine.snapshot(work);
}

/**
 * Lets a long write give other requests a turn. better-sqlite3 runs each statement on the
 * server's only thread: between two batches of a pass over the whole catalog, this returns to
 * the event loop so reads (on the reader connection, which sees the last commit) keep answering.
 * Idle, the turns cost microseconds.
 */
export async function yieldToOtherRequests(): Promise<void> {
  // A request takes several turns of the event loop (read, route, query, respond): give it a few.
  for (let turn = 0; turn < 4; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * After rows were inserted with explicit ids (the seed's Magento ids), moves PostgreSQL's identity
 * sequence past them; SQLite's AUTOINCREMENT already does.
 */
export async function syncIdentity(tx: Tx, table: string, column: string): Promise<void> {
  if (engineKind(tx) !== "pg") return;
  await execute(
    tx,
    sql`SELECT setval(pg_get_serial_sequence(${table}, ${column}), coalesce((SELECT max(${sql.identifier(column)}) FROM ${sql.identifier(table)}), 0) + 1, false)`,
  );
}

/** Runs one raw statement and returns its rows (the two drivers name this differently). */
export async function execute<R = Record<string, unknown>>(conn: Conn, statement: SQL): Promise<R[]> {
  if (engineKind(conn) === "pg") return (await (conn as unknown as NodePgDatabase).execute(statement)).rows as R[];
  const { dialect, $client } = conn as unknown as { dialect: SQLiteSyncDialect; $client: Database.Database };
  const query = dialect.sqlToQuery(statement);
  const prepared = $client.prepare(query.sql);
  // better-sqlite3 runs statements that return no rows with run(), the others with all().
  if (!prepared.reader) {
    prepared.run(...query.params);
    return [];
  }
  return prepared.all(...query.params) as R[];
}

/**
 * Runs a query builder and returns its rows as positional arrays, skipping drizzle's per-field
 * mapping (which dominates, with its garbage, in a pass over a whole catalog). Values come as the
 * driver gives them: booleans as 0/1 on both engines. SQLite statements are prepared once.
 */
export async function positionalRows<R extends unknown[]>(conn: Conn, query: { toSQL(): { sql: string; params: unknown[] } }): Promise<R[]> {
  const { sql: text, params } = query.toSQL();
  if (engineKind(conn) === "pg") {
    const client = (conn as unknown as { $client: pg.Pool | pg.PoolClient }).$client;
    return (await client.query<R>({ text, values: params, rowMode: "array" })).rows;
  }
  const client = (conn as unknown as { $client: Database.Database }).$client;
  return cachedStatement(client, text).raw(true).all(...params) as R[];
}

function cachedStatement(client: Database.Database, text: string): Database.Statement {
  let cache = sqliteStatements.get(client);
  if (!cache) sqliteStatements.set(client, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = client.prepare(text)));
  return statement;
}

/** `string_agg` / `group_concat` in `orderBy` order: the one aggregate the two engines spell differently. */
export function joinedText(conn: Conn, value: SQL, separator: string, orderBy: SQL): SQL<string> {
  return engineKind(conn) === "pg"
    ? sql<string>`string_agg(${value}, ${sql.raw(`'${separator}'`)} ORDER BY ${orderBy})`
    : sql<string>`group_concat(${value}, ${sql.raw(`'${separator}'`)} ORDER BY ${orderBy})`;
}

/** Where the process's database is: DATABASE_URL (PostgreSQL) or the SQLite file at DATABASE_PATH. */
export function databaseLocation(): string {
  const url = process.env.DATABASE_URL?.trim();
  if (url) return url;
  // Runtime configuration, not a build input: keep Turbopack from tracing the whole project.
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH ?? "./data/stockroom.db");
}

// ── Bulk upsert: the one write path for passes over the whole catalog ──

const PG_ARRAY_TYPE: Record<string, string> = {
  SQLiteInteger: "int4[]",
  SQLiteBoolean: "int4[]",
  SQLiteReal: "float8[]",
  SQLiteText: "text[]",
};
const sqliteStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * Inserts `rows` into `table`, updating the row with the same `conflict` key in place: the way a
 * pass over the whole catalog writes its figures. Drizzle would build one statement text per
 * batch; this binds rows straight to the driver instead: on SQLite one prepared statement run per
 * row (microseconds each), on PostgreSQL one statement per 10,000 rows unnesting column arrays.
 * Every row must carry the same keys (the first row's keys name the columns written).
 */
export async function upsertRows<T extends SQLiteTable>(
  tx: Tx,
  table: T,
  conflict: (keyof T["$inferSelect"] & string)[],
  rows: T["$inferInsert"][],
): Promise<void> {
  await writeRows(tx, table, rows, conflict);
}

/** `upsertRows` without a conflict key: plain bulk inserts (generating a large catalog). */
export async function insertRows<T extends SQLiteTable>(tx: Tx, table: T, rows: T["$inferInsert"][]): Promise<void> {
  await writeRows(tx, table, rows, null);
}

async function writeRows<T extends SQLiteTable>(tx: Tx, table: T, rows: T["$inferInsert"][], conflict: string[] | null): Promise<void> {
  if (!isTransaction(tx)) throw new Error("Bulk writes need a transaction: call them inside transaction().");
  if (rows.length === 0) return;
  const config = getTableConfig(table);
  const byKey = table as unknown as Record<string, SQLiteColumn>;
  const columns = Object.entries(byKey).filter(([key, column]) => config.columns.includes(column) && key in rows[0]);
  const names = columns.map(([, c]) => `"${c.name}"`);
  let onConflict = "";
  if (conflict) {
    const conflictNames = conflict.map((key) => `"${byKey[key].name}"`);
    const updates = names.filter((n) => !conflictNames.includes(n)).map((n) => `${n} = excluded.${n}`);
    onConflict = `ON CONFLICT (${conflictNames.join(", ")}) DO ${updates.length ? `UPDATE SET ${updates.join(", ")}` : "NOTHING"}`;
  }
  const toDriver = (value: unknown) => (typeof value === "boolean" ? (value ? 1 : 0) : value ?? null);

  if (engineKind(tx) === "sqlite") {
    const client = (tx as unknown as { $client: Database.Database }).$client;
    const text = `INSERT INTO "${config.name}" (${names.join(", ")}) VALUES (${names.map(() => "?").join(", ")}) ${onConflict}`;
    const statement = cachedStatement(client, text);
    for (const row of rows) {
      statement.run(columns.map(([key]) => toDriver((row as Record<string, unknown>)[key])));
    }
    return;
  }
  const client = (tx as unknown as { $client: pg.PoolClient }).$client;
  const arrays = columns.map(([, c], i) => `$${i + 1}::${PG_ARRAY_TYPE[c.columnType]}`);
  const text = `INSERT INTO "${config.name}" (${names.join(", ")}) SELECT * FROM unnest(${arrays.join(", ")}) ${onConflict}`;
  for (let start = 0; start < rows.length; start += 10_000) {
    const chunk = rows.slice(start, start + 10_000);
    await client.query(text, columns.map(([key]) => chunk.map((row) => toDriver((row as Record<string, unknown>)[key]))));
  }
}

/**
 * `column IN (values)` for a batch of a pass over many products: on PostgreSQL one array
 * parameter (a list of thousands of parameters costs it more to bind and plan than the lookup
 * itself), on SQLite the list.
 */
export function inValues(conn: Conn, column: SQLiteColumn, values: readonly (string | number)[]): SQL {
  if (engineKind(conn) !== "pg") return inArray(column, [...values]);
  return sql`${column} = ANY(${sql.param([...values])}::${sql.raw(PG_ARRAY_TYPE[column.columnType])})`;
}
