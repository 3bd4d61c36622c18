/**
 * One app instance's start-up for the concurrent start test (prepare.test.ts): opens the database
 * (migrating it) and prepares it as the server does (demo seed and first admin when empty).
 * Run with `node --import tsx`; exits 0 on success.
 */
import { closeDb, openDb } from "@/db/connection";
import { prepareDatabase } from "@/db/prepare";

// tsx runs this file as CommonJS (package.json has no "type": "module"): no top-level await.
async function main() {
  const [location, startAt] = process.argv.slice(2);
  // Busy-wait rather than sleep: every process leaves the line within the same millisecond.
  while (Date.now() < Number(startAt));
  const db = await openDb(location);
  await prepareDatabase(db, { seed: "demo", adminPassword: "start-Race-123", log: () => {} });
  await closeDb(db);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
