/**
 * One shopper process for the cross-process oversell test (orders.test.ts): opens the same
 * database (a SQLite file or a PostgreSQL URL), waits for the common start time, then places
 * `attempts` orders of one unit.
 * Run with `node --import tsx`; prints {"accepted": n}.
 */
import { closeDb, openDb } from "@/db/connection";
import { placeOrder } from "@/db/queries/orders";
import { Refusal } from "@/lib/refusal";

// tsx runs this file as CommonJS (package.json has no "type": "module"): no top-level await.
async function main() {
  const [location, sku, attempts, startAt] = process.argv.slice(2);
  const db = await openDb(location);
  // Busy-wait rather than sleep: every process leaves the line within the same millisecond.
  while (Date.now() < Number(startAt));
  let accepted = 0;
  for (let i = 0; i < Number(attempts); i++) {
    try {
      await placeOrder(db, { storeCode: "default", items: [{ sku, qty: 1 }] });
      accepted++;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
    }
  }
  await closeDb(db);
  process.stdout.write(JSON.stringify({ accepted }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
