import { and, asc, count, desc, eq, gt, inArray, lt, max, type SQL } from "drizzle-orm";
import { STOCK_ALERT_KINDS, type StockAlertKind } from "@/lib/inventory";
import { notFound } from "@/lib/refusal";
import { subscribedKinds, type WebhookValues } from "@/lib/validation/webhook";
import { newWebhookSecret, type DeliveryStatus, type WebhookAlert } from "@/lib/webhooks";
import { transaction, type Conn } from "../connection";
import { stockAlerts, webhookAttempts, webhookDeliveries, webhooks } from "../schema";
import { writeAudit, type AuditEntry } from "./audit";
import { alertViewQuery } from "./stock-alerts";

/*
 * Stores > Webhooks: the webhooks, their secrets and the delivery log. What sends the deliveries
 * is in webhook-dispatch.ts.
 */

type Actor = AuditEntry["actor"];

export interface Webhook {
  id: number;
  name: string;
  url: string;
  secret: string;
  events: StockAlertKind[];
  isActive: boolean;
  createdAt: string;
}

/** The kinds stored in `webhooks.events` (a JSON array); anything else in it is ignored. */
export function parseEvents(json: string): StockAlertKind[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? STOCK_ALERT_KINDS.filter((kind) => value.includes(kind)) : [];
}

const WEBHOOK_NOT_FOUND = "This webhook no longer exists.";
const DELIVERY_NOT_FOUND = "This delivery no longer exists.";

export async function getWebhook(db: Conn, id: number): Promise<Webhook | undefined> {
  const [row] = await db.select().from(webhooks).where(eq(webhooks.id, id)).limit(1);
  if (!row) return undefined;
  return { id: row.id, name: row.name, url: row.url, secret: row.secret, events: parseEvents(row.events), isActive: row.isActive, createdAt: row.createdAt };
}

export type WebhookListRow = Omit<Webhook, "secret" | "createdAt"> & Record<DeliveryStatus, number>;

/** Every webhook by name (a merchant has a handful), with its deliveries counted by status. */
export async function listWebhooks(db: Conn): Promise<WebhookListRow[]> {
  const rows = await db
    .select({ id: webhooks.id, name: webhooks.name, url: webhooks.url, events: webhooks.events, isActive: webhooks.isActive })
    .from(webhooks)
    .orderBy(asc(webhooks.name), asc(webhooks.id));
  const counts = await db
    .select({ webhookId: webhookDeliveries.webhookId, status: webhookDeliveries.status, n: count() })
    .from(webhookDeliveries)
    .groupBy(webhookDeliveries.webhookId, webhookDeliveries.status);
  return rows.map((row) => {
    const of = (status: DeliveryStatus) => counts.find((c) => c.webhookId === row.id && c.status === status)?.n ?? 0;
    return { ...row, events: parseEvents(row.events), pending: of("pending"), delivered: of("delivered"), failed: of("failed") };
  });
}

function columnsOf(values: WebhookValues) {
  return { name: values.name, url: values.url, events: JSON.stringify(subscribedKinds(values.events)), isActive: values.isActive };
}

/**
 * New Webhook (id null) or Edit Webhook; answers the id. A new webhook gets a secret and starts at
 * the newest stock alert: it receives what is raised from now on, not the history.
 */
export async function saveWebhook(db: Conn, id: number | null, values: WebhookValues, actor: Actor): Promise<number> {
  return transaction(db, async (tx) => {
    const columns = columnsOf(values);
    const details = { ...columns, events: subscribedKinds(values.events) };
    if (id === null) {
      const [{ newest }] = await tx.select({ newest: max(stockAlerts.id) }).from(stockAlerts);
      const [created] = await tx
        .insert(webhooks)
        .values({ ...columns, secret: newWebhookSecret(), lastAlertId: newest ?? 0 })
        .returning({ id: webhooks.id });
      await writeAudit(tx, { actor, action: "create", entityType: "webhook", entityId: created.id, details });
      return created.id;
    }
    const [updated] = await tx.update(webhooks).set(columns).where(eq(webhooks.id, id)).returning({ id: webhooks.id });
    if (!updated) throw notFound(WEBHOOK_NOT_FOUND);
    await writeAudit(tx, { actor, action: "update", entityType: "webhook", entityId: id, details });
    return id;
  });
}

/** "Generate new secret": deliveries from now on are signed with it (the audit log never holds a secret). */
export async function regenerateWebhookSecret(db: Conn, id: number, actor: Actor): Promise<void> {
  await transaction(db, async (tx) => {
    const [updated] = await tx.update(webhooks).set({ secret: newWebhookSecret() }).where(eq(webhooks.id, id)).returning({ id: webhooks.id });
    if (!updated) throw notFound(WEBHOOK_NOT_FOUND);
    await writeAudit(tx, { actor, action: "regenerate_secret", entityType: "webhook", entityId: id });
  });
}

/** Deletes a webhook with its deliveries and their attempts (ON DELETE CASCADE). */
export async function deleteWebhook(db: Conn, id: number, actor: Actor): Promise<void> {
  await transaction(db, async (tx) => {
    const [deleted] = await tx.delete(webhooks).where(eq(webhooks.id, id)).returning({ name: webhooks.name, url: webhooks.url });
    if (!deleted) throw notFound(WEBHOOK_NOT_FOUND);
    await writeAudit(tx, { actor, action: "delete", entityType: "webhook", entityId: id, details: deleted });
  });
}

/**
 * Resend: the delivery is due again now, delivered or not; the next dispatch run sends it and logs
 * the attempt. It keeps its attempt count, so a delivery that had given up gets one more try.
 */
export async function resendDelivery(db: Conn, ref: { webhookId: number; deliveryId: number }, actor: Actor, now = new Date()): Promise<void> {
  await transaction(db, async (tx) => {
    const [resent] = await tx
      .update(webhookDeliveries)
      .set({ status: "pending", nextAttemptAt: now.toISOString(), deliveredAt: null })
      .where(and(eq(webhookDeliveries.id, ref.deliveryId), eq(webhookDeliveries.webhookId, ref.webhookId)))
      .returning({ alertId: webhookDeliveries.alertId });
    if (!resent) throw notFound(DELIVERY_NOT_FOUND);
    await writeAudit(tx, { actor, action: "resend", entityType: "webhook_delivery", entityId: ref.deliveryId, details: { webhookId: ref.webhookId, alertId: resent.alertId } });
  });
}

// ── The delivery log ──

export interface DeliveryAttempt {
  id: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  createdAt: string;
}

export interface DeliveryLogRow {
  id: number;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  /** Null only while the alert is being deleted with it. */
  alert: WebhookAlert | null;
  /** Oldest first. */
  attemptLog: DeliveryAttempt[];
}

export interface DeliveryLogPage {
  items: DeliveryLogRow[];
  total: number;
  /** Cursors for the newer and older pages, when there are such deliveries. */
  newerThan?: number;
  olderThan?: number;
}

const DELIVERY_LOG_PAGE_SIZE = 20;

/**
 * One page of a webhook's deliveries, newest first, read by keyset on the delivery id (`before`:
 * older than that id; `after`: newer), with their alerts and attempts.
 */
export async function listDeliveries(
  db: Conn,
  webhookId: number,
  cursor: { before?: number; after?: number } = {},
  limit = DELIVERY_LOG_PAGE_SIZE,
): Promise<DeliveryLogPage> {
  const ofWebhook = eq(webhookDeliveries.webhookId, webhookId);
  const newer = cursor.after !== undefined && cursor.before === undefined;
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        ofWebhook,
        cursor.before !== undefined ? lt(webhookDeliveries.id, cursor.before) : undefined,
        newer ? gt(webhookDeliveries.id, cursor.after!) : undefined,
      ),
    )
    .orderBy(newer ? asc(webhookDeliveries.id) : desc(webhookDeliveries.id))
    .limit(limit);
  if (newer) rows.reverse();
  const [{ total }] = await db.select({ total: count() }).from(webhookDeliveries).where(ofWebhook);
  const anyWhere = async (beyond: SQL) => (await db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(and(ofWebhook, beyond)).limit(1)).length > 0;
  const first = rows[0]?.id;
  const last = rows.at(-1)?.id;
  return {
    items: await withAlertsAndAttempts(db, rows),
    total,
    newerThan: first !== undefined && (await anyWhere(gt(webhookDeliveries.id, first))) ? first : undefined,
    olderThan: last !== undefined && (await anyWhere(lt(webhookDeliveries.id, last))) ? last : undefined,
  };
}

async function withAlertsAndAttempts(db: Conn, page: (typeof webhookDeliveries.$inferSelect)[]): Promise<DeliveryLogRow[]> {
  if (page.length === 0) return [];
  const alerts = await alertViewQuery(db).where(inArray(stockAlerts.id, page.map((d) => d.alertId)));
  const attempts = await db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, page.map((d) => d.id)))
    .orderBy(asc(webhookAttempts.id));
  return page.map((d) => ({
    id: d.id,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    deliveredAt: d.deliveredAt,
    alert: alerts.find((a) => a.id === d.alertId) ?? null,
    attemptLog: attempts
      .filter((a) => a.deliveryId === d.id)
      .map((a) => ({ id: a.id, statusCode: a.statusCode, error: a.error, durationMs: a.durationMs, createdAt: a.createdAt })),
  }));
}
