import { PHASE_PRODUCTION_BUILD } from "next/constants";

// Opens (creates, migrates, seeds) the database when the server starts, so a generated admin
// password is printed at start-up and the first request does not pay for migrations; then starts
// sending stock alerts to the webhooks (never while `next build` runs).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDb } = await import("./server/db");
    const db = await getDb();
    if (process.env.NEXT_PHASE !== PHASE_PRODUCTION_BUILD) {
      const { startWebhookDispatcher } = await import("./server/webhooks/dispatcher");
      startWebhookDispatcher(db);
    }
  }
}
