// Database command-line tools, run with tsx, on the configured database (DATABASE_URL, else DATABASE_PATH):
//   npm run db:migrate             apply pending migrations (opening the database does it)
//   npm run db:seed                prepare it as the server does on start (empty → seeded)
//   npm run db:reset               empty it and seed again (SEED=none for no demo catalog)
//   npm run db:backup -- FILE      SQLite only: a consistent copy into FILE, while the server runs
//   npm run generate -- --products 100000 [--sources 3] [--reservations 150] [--seed 42]
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { closeDb, databaseLocation, isPostgresUrl, openDb, transaction } from "@/db/connection";
import { generateCatalog } from "@/db/generate";
import { prepareDatabase } from "@/db/prepare";
import { resetDatabase } from "@/db/reset";
import { sources } from "@/db/schema";
import { seed } from "@/db/seed";

const seedKind = process.env.SEED === "none" ? "none" : "demo";

/** The database's location for messages: a PostgreSQL URL without its password. */
function shown(location: string): string {
  if (!isPostgresUrl(location)) return location;
  try {
    const url = new URL(location);
    url.password = "";
    url.searchParams.delete("password");
    return url.toString();
  } catch {
    return "the PostgreSQL database in DATABASE_URL";
  }
}

async function generate(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      products: { type: "string", default: "1000" },
      sources: { type: "string", default: "3" },
      reservations: { type: "string", default: "150" },
      seed: { type: "string", default: "42" },
    },
  });
  const location = databaseLocation();
  const db = await openDb(location);
  const started = performance.now();
  try {
    await transaction(db, async (tx) => {
      if ((await tx.select({ code: sources.code }).from(sources).limit(1)).length === 0) await seed(tx, "none");
      await generateCatalog(tx, {
        products: Number(values.products),
        sources: Number(values.sources),
        reservationsPer100: Number(values.reservations),
        seed: Number(values.seed),
      });
    });
  } finally {
    await closeDb(db);
  }
  console.log(`Generated ${values.products} products in ${((performance.now() - started) / 1000).toFixed(1)} s → ${shown(location)}`);
}

/** SQLite's online backup: one consistent state, copied while other connections keep writing. */
async function backup(location: string, file: string | undefined) {
  if (!file) {
    console.error("usage: tsx scripts/db.ts backup FILE");
    process.exitCode = 2;
    return;
  }
  if (isPostgresUrl(location)) {
    console.error('On PostgreSQL, back up with pg_dump: pg_dump --format=custom --file=stockroom.dump "$DATABASE_URL"');
    process.exitCode = 2;
    return;
  }
  if (!fs.existsSync(location)) {
    console.error(`No database at ${location}.`);
    process.exitCode = 1;
    return;
  }
  const sqlite = new Database(location, { readonly: true, fileMustExist: true });
  try {
    await sqlite.backup(path.resolve(file));
  } finally {
    sqlite.close();
  }
  console.log(`Backed up ${location} → ${path.resolve(file)}`);
}

async function main([command, ...args]: string[]) {
  if (command === "generate") return generate(args);
  const location = databaseLocation();
  if (command === "backup") return backup(location, args[0]);
  if (command !== "migrate" && command !== "seed" && command !== "reset") {
    console.error("usage: tsx scripts/db.ts migrate|seed|reset|backup FILE|generate [--products N …]");
    process.exitCode = 2;
    return;
  }
  // Opening the database applies its pending migrations.
  const db = await openDb(location);
  try {
    if (command === "migrate") {
      console.log(`Migrated ${shown(location)}`);
    } else if (command === "seed") {
      await prepareDatabase(db, { seed: seedKind, adminUsername: process.env.ADMIN_USERNAME, adminPassword: process.env.ADMIN_PASSWORD, log: console.log });
      console.log(`Prepared ${shown(location)}`);
    } else {
      await resetDatabase(db, seedKind);
      console.log(`Reset ${shown(location)}`);
    }
  } finally {
    await closeDb(db);
  }
}

void main(process.argv.slice(2));
