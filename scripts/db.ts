// Database command-line tools, run with tsx:
//   npm run db:seed                prepare DATABASE_PATH as the server does on start (empty → seeded)
//   npm run db:reset               empty it and seed again (SEED=none for no demo catalog)
//   npm run generate -- --products 100000 [--sources 3] [--reservations 150] [--seed 42]
import { parseArgs } from "node:util";
import { closeDb, databasePath, openDb, transaction } from "@/db/connection";
import { generateCatalog } from "@/db/generate";
import { prepareDatabase } from "@/db/prepare";
import { resetDatabase } from "@/db/reset";
import { sources } from "@/db/schema";
import { seed } from "@/db/seed";

const seedKind = process.env.SEED === "none" ? "none" : "demo";

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
  const db = openDb(databasePath());
  const started = performance.now();
  await transaction(db, async (tx) => {
    if ((await tx.select({ code: sources.code }).from(sources).limit(1)).length === 0) await seed(tx, "none");
    await generateCatalog(tx, {
      products: Number(values.products),
      sources: Number(values.sources),
      reservationsPer100: Number(values.reservations),
      seed: Number(values.seed),
    });
  });
  closeDb(db);
  console.log(`Generated ${values.products} products in ${((performance.now() - started) / 1000).toFixed(1)} s → ${databasePath()}`);
}

async function main([command, ...args]: string[]) {
  if (command === "generate") return generate(args);
  const db = openDb(databasePath());
  if (command === "seed") {
    await prepareDatabase(db, { seed: seedKind, adminUsername: process.env.ADMIN_USERNAME, adminPassword: process.env.ADMIN_PASSWORD, log: console.log });
    console.log(`Prepared ${databasePath()}`);
  } else if (command === "reset") {
    await resetDatabase(db, seedKind);
    console.log(`Reset ${databasePath()}`);
  } else {
    console.error("usage: tsx scripts/db.ts seed|reset|generate [--products N …]");
    process.exitCode = 2;
  }
  closeDb(db);
}

void main(process.argv.slice(2));
