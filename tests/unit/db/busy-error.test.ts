import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { DrizzleQueryError } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { databaseTrouble, isBusyError } from "@/db/errors";
import { driverError } from "../driver-error";

describe("isBusyError: the one test the action wrapper and the REST error mapper share", () => {
  it.each([
    // SQLite: every primary busy/locked code and its extended codes (matched by prefix).
    ["SQLITE_BUSY"],
    ["SQLITE_BUSY_RECOVERY"],
    ["SQLITE_BUSY_SNAPSHOT"],
    ["SQLITE_BUSY_TIMEOUT"],
    ["SQLITE_LOCKED"],
    ["SQLITE_LOCKED_SHAREDCACHE"],
    ["SQLITE_LOCKED_VTAB"],
    // PostgreSQL: serialization failure, deadlock, lock not available, too many connections, starting up.
    ["40001"],
    ["40P01"],
    ["55P03"],
    ["53300"],
    ["57P03"],
  ])("%s is busy: try again", (code) => {
    expect(isBusyError(driverError(code))).toBe(true);
  });

  it.each([
    ["SQLITE_CONSTRAINT_UNIQUE", "conflict"],
    ["23505", "conflict"],
    ["SQLITE_ERROR", null],
    ["SQLITE_CORRUPT", null],
    ["22003", null],
    ["42P01", null],
    ["ECONNREFUSED", null],
  ] as const)("%s is not busy (%s)", (code, trouble) => {
    expect(isBusyError(driverError(code))).toBe(false);
    expect(databaseTrouble(driverError(code))).toBe(trouble);
  });

  it("is not fooled by errors without a code, or by things that are not errors", () => {
    expect(isBusyError(new Error("SQLITE_BUSY: database is locked"))).toBe(false);
    expect(isBusyError({ code: "SQLITE_BUSY" })).toBe(false);
    expect(isBusyError("SQLITE_BUSY")).toBe(false);
    expect(isBusyError(undefined)).toBe(false);
    expect(isBusyError(Object.assign(new Error("numeric code"), { code: 40001 }))).toBe(false);
  });

  it("looks through drizzle's wrapper and other causes to the driver's code", () => {
    const wrapped = new DrizzleQueryError("select 1", [], driverError("SQLITE_BUSY_SNAPSHOT"));
    expect(isBusyError(wrapped)).toBe(true);
    expect(isBusyError(new Error("outer", { cause: new Error("middle", { cause: driverError("40P01") }) }))).toBe(true);
  });

  it("stops on a cycle of causes", () => {
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(isBusyError(a)).toBe(false);
  });

  describe("on a real SQLite database", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stockroom-busy-"));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("a second writer that cannot wait gets a code isBusyError recognises", () => {
      const file = path.join(dir, "busy.db");
      const holder = new Database(file);
      const other = new Database(file, { timeout: 0 });
      try {
        holder.pragma("journal_mode = WAL");
        holder.exec("CREATE TABLE t (x INTEGER)");
        holder.exec("BEGIN IMMEDIATE");
        let thrown: unknown;
        try {
          other.exec("BEGIN IMMEDIATE");
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(Database.SqliteError);
        expect(isBusyError(thrown)).toBe(true);
      } finally {
        holder.exec("ROLLBACK");
        holder.close();
        other.close();
      }
    });
  });

  const PG_URL = process.env.STOCKROOM_PG_URL?.trim() || undefined;

  it.skipIf(!PG_URL)("on a real PostgreSQL server, a lock that cannot be had in time is busy (55P03)", async () => {
    const holder = new pg.Client({ connectionString: PG_URL });
    const other = new pg.Client({ connectionString: PG_URL });
    await holder.connect();
    await other.connect();
    try {
      // Advisory locks need no table: this key is the test's own.
      await holder.query("SELECT pg_advisory_lock(424242)");
      await other.query("SET lock_timeout = '10ms'");
      const thrown = await other.query("SELECT pg_advisory_lock(424242)").then(() => undefined, (error: unknown) => error);
      expect(thrown).toMatchObject({ code: "55P03" });
      expect(isBusyError(thrown)).toBe(true);
    } finally {
      await holder.end();
      await other.end();
    }
  });
});
