import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { isPostgresUrl } from "@/db/connection";

/**
 * A database of the benchmark's own on the engine DATABASE_URL selects: a new database on that
 * PostgreSQL server (C collation, as the tests use), or a SQLite file in a temp folder. `drop`
 * removes it.
 */
export async function freshDatabase(label: string): Promise<{ location: string; engine: "pg" | "sqlite"; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL?.trim();
  if (url && isPostgresUrl(url)) {
    const name = `stockroom_bench_${label}_${crypto.randomBytes(3).toString("hex")}`;
    const onServer = async (statement: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    await onServer(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
    const location = new URL(url);
    location.pathname = `/${name}`;
    return { location: location.toString(), engine: "pg", drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `stockroom-bench-${label}-`));
  return {
    location: path.join(dir, "bench.db"),
    engine: "sqlite",
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
