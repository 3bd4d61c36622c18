import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { engineKind, execute, transaction } from "@/db/connection";
import { getMigrationState } from "@/db/queries/health";
import { migrationJournal } from "@/db/migrate";
import { healthAnswer } from "@/server/health";
import { emptyDb } from "./temp-db";

describe("GET /health: database reachable and migrated", () => {
  it("a database the runner migrated has no pending migration: 200 ok", async () => {
    const db = await emptyDb();
    const state = await getMigrationState(db);
    expect(state).toEqual({ engine: engineKind(db), pending: [] });
    expect(healthAnswer({ reachable: true, state }, "1.2.3")).toEqual({
      status: 200,
      body: { status: "ok", database: engineKind(db) === "pg" ? "postgresql" : "sqlite", migrations: "current", version: "1.2.3" },
    });
  });

  it("a database missing the newest migration (a deploy ahead of its migrations) is 503, naming it", async () => {
    const db = await emptyDb();
    const table = engineKind(db) === "pg" ? sql`drizzle."__drizzle_migrations"` : sql`"__drizzle_migrations"`;
    await transaction(db, (tx) => execute(tx, sql`DELETE FROM ${table} WHERE created_at = (SELECT max(created_at) FROM ${table})`));
    const newest = migrationJournal(engineKind(db)).at(-1)!.tag;
    const state = await getMigrationState(db);
    expect(state.pending).toEqual([newest]);
    expect(healthAnswer({ reachable: true, state }, "1.2.3")).toEqual({
      status: 503,
      body: {
        status: "unavailable",
        database: engineKind(db) === "pg" ? "postgresql" : "sqlite",
        migrations: "pending",
        version: "1.2.3",
        reason: `1 migration is not applied: ${newest}.`,
      },
    });
  });

  it("a database that does not answer is 503 with the reason, its migrations unknown", () => {
    expect(healthAnswer({ reachable: false, engine: "pg", reason: "The database can't be reached." }, "0.1.0")).toEqual({
      status: 503,
      body: { status: "unavailable", database: "postgresql", migrations: "unknown", version: "0.1.0", reason: "The database can't be reached." },
    });
  });
});
