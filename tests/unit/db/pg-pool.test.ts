import { sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { execute } from "@/db/connection";
import { locationOf, tempDb } from "./temp-db";

const PG_URL = process.env.STOCKROOM_PG_URL?.trim() || undefined;

describe("the PostgreSQL pool", () => {
  // PostgreSQL only: SQLite has no server that can end a connection.
  it.skipIf(!PG_URL)("survives the server ending its idle connections: no crash, and the next query answers", async () => {
    const db = await tempDb();
    await execute(db, sql`SELECT 1`); // leaves an idle connection in the pool
    const name = new URL(locationOf(db)).pathname.slice(1);
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      // As a restart or a failover does: every session on the database is terminated.
      const ended = await admin.query("SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
      expect(ended.rows[0].n).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    // Give the pool the server's message; unheard, the 'error' event would end this process.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await execute(db, sql`SELECT 2 AS two`)).toEqual([{ two: 2 }]);
  });
});
