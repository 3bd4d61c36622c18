import { and, asc, eq, gt, inArray, isNull, lt, lte, max, or, sql } from "drizzle-orm";
import type { DeliveryStatus, WebhookAlert } from "@/lib/webhooks";
import { execute, transaction, type Conn } from "../connection";
import { stockAlerts, webhookAttempts, webhookDeliveries, webhooks } from "../schema";
import { alertViewQuery } from "./stock-alerts";
import { parseEvents } from "./webhooks";

/*
 * The webhook dispatcher's writes (server/webhooks/dispatcher.ts runs them): fan the stock alerts
 * out into deliveries, claim the due ones, record each attempt. Each is one write transaction, and
 * write transactions run one at a time across every instance (SQLite's write lock; PostgreSQL's
 * advisory lock, db/connection.ts), which is what makes the cursor and the claims safe.
 */

/**
 * Queues a delivery for every alert past each webhook's cursor that it subscribes to, then moves
 * every cursor to the newest alert, in one transaction. Alert ids grow in commit order (their
 * writers hold the same lock), so an alert can never appear behind a cursor that passed it: none
 * is lost, and the unique (webhook, alert) pair means none is queued twice. An inactive webhook's
 * cursor moves too: what is raised while it is off is not sent later.
 */
export async function fanOutAlerts(db: Conn, now: Date): Promise<void> {
  // A read first: an idle dispatcher never takes the write lock (the next poll sees a late commit).
  const [anyBehind] = await db
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(sql`${webhooks.lastAlertId} < (SELECT max(${stockAlerts.id}) FROM ${stockAlerts})`)
    .limit(1);
  if (!anyBehind) return;
  await transaction(db, async (tx) => {
    const [{ newest }] = await tx.select({ newest: max(stockAlerts.id) }).from(stockAlerts);
    if (newest === null) return;
    const behind = await tx
      .select({ id: webhooks.id, events: webhooks.events, isActive: webhooks.isActive, lastAlertId: webhooks.lastAlertId })
      .from(webhooks)
      .where(lt(webhooks.lastAlertId, newest));
    for (const webhook of behind) {
      const kinds = parseEvents(webhook.events);
      if (!webhook.isActive || kinds.length === 0) continue;
      // Drizzle's insert-from-select wants every column; the same statement runs on both engines.
      // The casts: PostgreSQL would read the parameters as text.
      await execute(
        tx,
        sql`INSERT INTO ${webhookDeliveries} (webhook_id, alert_id, next_attempt_at)
            SELECT cast(${webhook.id} as integer), ${stockAlerts.id}, cast(${now.toISOString()} as text)
              FROM ${stockAlerts}
             WHERE ${and(gt(stockAlerts.id, webhook.lastAlertId), lte(stockAlerts.id, newest), inArray(stockAlerts.kind, kinds))}
            ON CONFLICT (webhook_id, alert_id) DO NOTHING`,
      );
    }
    if (behind.length > 0) await tx.update(webhooks).set({ lastAlertId: newest }).where(lt(webhooks.lastAlertId, newest));
  });
}

/** A delivery this instance holds the lease of: where to send it, with what, and its attempts so far. */
export interface ClaimedDelivery {
  id: number;
  attempts: number;
  /** The lease written by the claim: the outcome is recorded only while it is still the row's. */
  lease: string;
  url: string;
  secret: string;
  alert: WebhookAlert;
}

/**
 * Claims up to `limit` due deliveries of active webhooks (pending, next attempt reached, no live
 * lease), oldest due first, by setting their lease. Claims are write transactions, so two
 * instances never claim the same delivery; a sender that dies leaves a lease that runs out.
 */
export async function claimDueDeliveries(db: Conn, now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
  const at = now.toISOString();
  const lease = new Date(now.getTime() + leaseMs).toISOString();
  const due = (conn: Conn) =>
    conn
      .select({
        id: webhookDeliveries.id,
        alertId: webhookDeliveries.alertId,
        attempts: webhookDeliveries.attempts,
        url: webhooks.url,
        secret: webhooks.secret,
      })
      .from(webhookDeliveries)
      .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
      .where(
        and(
          eq(webhookDeliveries.status, "pending"),
          lte(webhookDeliveries.nextAttemptAt, at),
          or(isNull(webhookDeliveries.leaseUntil), lte(webhookDeliveries.leaseUntil, at)),
          eq(webhooks.isActive, true),
        ),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id));
  // A read first, as in fanOutAlerts: no write lock while nothing is due.
  if ((await due(db).limit(1)).length === 0) return [];
  return transaction(db, async (tx) => {
    const claimed = await due(tx).limit(limit);
    if (claimed.length === 0) return [];
    await tx.update(webhookDeliveries).set({ leaseUntil: lease }).where(inArray(webhookDeliveries.id, claimed.map((d) => d.id)));
    const alerts = await alertViewQuery(tx).where(inArray(stockAlerts.id, claimed.map((d) => d.alertId)));
    // A delivery goes with its alert (ON DELETE CASCADE): each one claimed has its alert.
    return claimed.map(({ alertId, ...d }) => ({ ...d, lease, alert: alerts.find((a) => a.id === alertId)! }));
  });
}

export interface AttemptRecord {
  /** The answer's status code, or null when none came (network error, timeout). */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  at: Date;
  status: DeliveryStatus;
  nextAttemptAt: Date;
}

/**
 * Records one attempt: the delivery's new state and a row in its attempt log, releasing the lease.
 * Nothing is written when the lease is no longer this claim's (the delivery or its webhook was
 * deleted meanwhile, or the lease ran out and another claim took it); answers whether it was.
 */
export async function recordAttempt(db: Conn, claimed: ClaimedDelivery, record: AttemptRecord): Promise<boolean> {
  return transaction(db, async (tx) => {
    const [updated] = await tx
      .update(webhookDeliveries)
      .set({
        status: record.status,
        attempts: claimed.attempts + 1,
        nextAttemptAt: record.nextAttemptAt.toISOString(),
        leaseUntil: null,
        lastStatusCode: record.statusCode,
        lastError: record.error,
        ...(record.status === "delivered" ? { deliveredAt: record.at.toISOString() } : {}),
      })
      .where(and(eq(webhookDeliveries.id, claimed.id), eq(webhookDeliveries.leaseUntil, claimed.lease)))
      .returning({ id: webhookDeliveries.id });
    if (!updated) return false;
    await tx.insert(webhookAttempts).values({
      deliveryId: claimed.id,
      statusCode: record.statusCode,
      error: record.error,
      durationMs: record.durationMs,
      createdAt: record.at.toISOString(),
    });
    return true;
  });
}
