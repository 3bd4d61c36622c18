import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { closeDb, openDb } from "@/db/connection";
import { prepareDatabase } from "@/db/prepare";
import { products, sources, stocks, stores, websites, adminUsers } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";

const dirs: string[] = [];
const countProducts = (db: ReturnType<typeof openDb>) => db.select().from(products).all().length;
function freshDb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stockroom-prepare-"));
  dirs.push(dir);
  return openDb(path.join(dir, "p.db"));
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("prepareDatabase (screens-and-api: Running)", () => {
  it("SEED=none gives only Magento's default website, store, source, stock and the admin", async () => {
    const db = freshDb();
    await prepareDatabase(db, { seed: "none", adminUsername: "boss", adminPassword: "s3cret-pass", log: () => {} });
    expect(db.select().from(websites).all()).toMatchObject([{ id: 1, code: "base", name: "Main Website" }]);
    expect(db.select().from(stores).all()).toMatchObject([{ id: 1, code: "default", name: "Default Store View" }]);
    expect(db.select().from(sources).all()).toMatchObject([{ code: "default" }]);
    expect(db.select().from(stocks).all()).toMatchObject([{ id: 1, name: "Default Stock" }]);
    expect(countProducts(db)).toBe(0);
    expect(db.select({ u: adminUsers.username }).from(adminUsers).all()).toEqual([{ u: "boss" }]);
    closeDb(db);
  });

  it("without ADMIN_PASSWORD prints a generated password once, and it signs in", async () => {
    const db = freshDb();
    const lines: string[] = [];
    await prepareDatabase(db, { seed: "demo", log: (l) => lines.push(l) });
    expect(lines).toHaveLength(1);
    const password = lines[0].split(": ").pop()!;
    const admin = db.select().from(adminUsers).get()!;
    expect(admin.username).toBe("admin");
    expect(admin.passwordHash).not.toContain(password);
    expect(await verifyPassword(password, admin.passwordHash)).toBe(true);
    await prepareDatabase(db, { seed: "demo", log: (l) => lines.push(l) });
    expect(lines).toHaveLength(1);
    closeDb(db);
  });

  it("seeds the demo catalog once, never on a database that has data", async () => {
    const db = freshDb();
    const opts = { seed: "demo" as const, adminPassword: "x-password", log: () => {} };
    await prepareDatabase(db, opts);
    const count = countProducts(db);
    expect(count).toBeGreaterThan(5);
    await prepareDatabase(db, opts);
    expect(countProducts(db)).toBe(count);
    closeDb(db);
  });
});
