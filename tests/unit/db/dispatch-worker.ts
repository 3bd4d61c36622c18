/**
 * Another instance's webhook dispatcher for webhooks.test.ts: opens the same database (a SQLite
 * file or a PostgreSQL URL), waits for the common start time, then runs one dispatch.
 * Run with `node --conditions react-server --import tsx` (the dispatcher is server-only).
 */
import { closeDb, openDb } from "@/db/connection";
import { runWebhookDispatch } from "@/server/webhooks/dispatcher";

// tsx runs this file as CommonJS (package.json has no "type": "module"): no top-level await.
async function main() {
  const [location, startAt] = process.argv.slice(2);
  const db = await openDb(location);
  // Busy-wait rather than sleep: every process starts within the same millisecond.
  while (Date.now() < Number(startAt));
  await runWebhookDispatch(db);
  await closeDb(db);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
