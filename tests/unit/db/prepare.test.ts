import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { asc } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { closeDb, openDb, transaction, type Db } from "@/db/connection";
import { prepareDatabase } from "@/db/prepare";
import { adminUsers, effectiveInventory, products, salableIndex, sources, stocks, stores, websites } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { emptyDb, tempLocation } from "./temp-db";

const countProducts = async (db: Db) => (await db.select().from(products)).length;

describe("prepareDatabase (screens-and-api: Running)", () => {
  it("SEED=none gives only Magento's default website, store, source, stock and the admin", async () => {
    const db = await emptyDb();
    await prepareDatabase(db, { seed: "none", adminUsername: "boss", adminPassword: "s3cret-pass", log: () => {} });
    expect(await db.select().from(websites)).toMatchObject([{ id: 1, code: "base", name: "Main Website" }]);
    expect(await db.select().from(stores)).toMatchObject([{ id: 1, code: "default", name: "Default Store View" }]);
    expect(await db.select().from(sources)).toMatchObject([{ code: "default" }]);
    expect(await db.select().from(stocks)).toMatchObject([{ id: 1, name: "Default Stock" }]);
    expect(await countProducts(db)).toBe(0);
    expect(await db.select({ u: adminUsers.username }).from(adminUsers)).toEqual([{ u: "boss" }]);
  });

  it("without ADMIN_PASSWORD prints a generated password once, and it signs in", async () => {
    const db = await emptyDb();
    const lines: string[] = [];
    await prepareDatabase(db, { seed: "demo", log: (l) => lines.push(l) });
    expect(lines).toHaveLength(1);
    const password = lines[0].split(": ").pop()!;
    const [admin] = await db.select().from(adminUsers).orderBy(asc(adminUsers.id)).limit(1);
    expect(admin.username).toBe("admin");
    expect(admin.passwordHash).not.toContain(password);
    expect(await verifyPassword(password, admin.passwordHash)).toBe(true);
    await prepareDatabase(db, { seed: "demo", log: (l) => lines.push(l) });
    expect(lines).toHaveLength(1);
    // Two real scrypt hashes at production cost (N = 2^17): seconds on a busy two-core machine.
  }, 30_000);

  it("rebuilds an index a migration emptied, with the figures a full recompute gives", async () => {
    const db = await emptyDb();
    await prepareDatabase(db, { seed: "demo", adminPassword: "s3cret-pass", log: () => {} });
    const index = async () => ({
      salable: await db.select().from(salableIndex).orderBy(salableIndex.productId, salableIndex.stockId),
      effective: await db.select().from(effectiveInventory).orderBy(effectiveInventory.productId),
    });
    const before = await index();
    expect(before.salable.length).toBeGreaterThan(0);
    await transaction(db, (tx) => tx.delete(salableIndex));
    await prepareDatabase(db, { seed: "demo", adminPassword: "s3cret-pass", log: () => {} });
    expect(await index()).toEqual(before);
  });

  it("seeds the demo catalog once, never on a database that has data", async () => {
    const db = await emptyDb();
    const opts = { seed: "demo" as const, adminPassword: "x-password", log: () => {} };
    await prepareDatabase(db, opts);
    const count = await countProducts(db);
    expect(count).toBeGreaterThan(5);
    await prepareDatabase(db, opts);
    expect(await countProducts(db)).toBe(count);
  });
});

describe("several instances starting at once on one new database", () => {
  it("4 processes: every one starts, the migrations and the demo seed are applied once, one admin", async () => {
    const location = await tempLocation();
    const worker = path.join(__dirname, "start-worker.ts");
    const startAt = String(Date.now() + 1500);
    await Promise.all(
      Array.from({ length: 4 }, () =>
        promisify(execFile)(process.execPath, ["--import", "tsx", worker, location, startAt], {
          cwd: process.cwd(),
          env: { ...process.env, DATABASE_POOL_SIZE: "2" },
        }),
      ),
    );
    const db = await openDb(location);
    try {
      expect(await countProducts(db)).toBe(12);
      // The demo seed ran once: Main Website and Belgium, no more.
      expect(await db.select().from(websites)).toHaveLength(2);
      expect(await db.select({ u: adminUsers.username }).from(adminUsers)).toEqual([{ u: "admin" }]);
    } finally {
      await closeDb(db);
    }
  }, 90_000);
});
