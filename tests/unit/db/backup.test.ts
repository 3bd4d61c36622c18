import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { closeDb, openDb, transaction } from "@/db/connection";
import { products } from "@/db/schema";
import { locationOf, tempDb } from "./temp-db";

const run = promisify(execFile);

// PostgreSQL is backed up with pg_dump (README "Backups"); the script covers SQLite's file.
describe.skipIf(Boolean(process.env.STOCKROOM_PG_URL))("npm run db:backup -- FILE (SQLite)", () => {
  it("copies the database while a writer holds it open, and the copy is one consistent state", async () => {
    const db = await tempDb();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "stockroom-backup-")), "copy.db");
    try {
      // A write transaction is open (uncommitted) while the backup runs: the copy must not hold it.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const writing = transaction(db, async (tx) => {
        await tx.delete(products);
        await held;
        throw new Error("rolled back on purpose");
      });
      const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/db.ts", "backup", file], {
        cwd: process.cwd(),
        env: { ...process.env, DATABASE_URL: "", DATABASE_PATH: locationOf(db) },
      });
      release();
      await expect(writing).rejects.toThrow("rolled back on purpose");
      expect(stdout).toContain("Backed up");
      const copy = await openDb(file);
      try {
        expect(await copy.select({ sku: products.sku }).from(products)).toHaveLength(12);
      } finally {
        await closeDb(copy);
      }
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  }, 30_000);
});
