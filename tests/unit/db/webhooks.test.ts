import { execFile } from "node:child_process";
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { transaction, type Db } from "@/db/connection";
import { createAdminUser } from "@/db/queries/auth";
import { placeOrder } from "@/db/queries/orders";
import {
  deleteWebhook,
  getWebhook,
  listDeliveries,
  listWebhooks,
  regenerateWebhookSecret,
  resendDelivery,
  saveWebhook,
} from "@/db/queries/webhooks";
import { auditLog, products, stockAlerts, webhookAttempts, webhookDeliveries, webhooks } from "@/db/schema";
import type { StockAlertKind } from "@/lib/inventory";
import type { WebhookValues } from "@/lib/validation/webhook";
import { retryDelayMs } from "@/lib/webhooks";
import { runWebhookDispatch, webhookSettings } from "@/server/webhooks/dispatcher";
import { refused } from "./refused";
import { locationOf, tempDb } from "./temp-db";

const ADMIN = { id: 1, username: "admin" };
const run = promisify(execFile);
const SECOND = 1000;

// ── A receiver on a free port of this machine, as a merchant's endpoint ──

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

const servers: http.Server[] = [];

/** Answers the n-th request (1-based) with `status(n)`, after `delayMs`; keeps every request it got. */
async function receiver(status: (n: number) => number = () => 200, delayMs = 0) {
  const requests: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      requests.push({ headers: req.headers, body });
      res.statusCode = status(requests.length);
      setTimeout(() => res.end("ok"), delayMs);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/stock`, requests };
}

const savedEnv = { ...process.env };

beforeEach(() => {
  delete process.env.WEBHOOK_RETRY_BASE_SECONDS;
  delete process.env.WEBHOOK_MAX_ATTEMPTS;
  delete process.env.WEBHOOK_POLL_MS;
});

afterEach(async () => {
  process.env = { ...savedEnv };
  vi.restoreAllMocks();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

// ── Fixtures ──

async function setup(): Promise<Db> {
  const db = await tempDb();
  await createAdminUser(db, ADMIN.username, "not-a-real-hash");
  return db;
}

const ALL_EVENTS = { low_stock: true, out_of_stock: true, back_in_stock: true, backorder: true };

function values(url: string, extra: Partial<WebhookValues> = {}): WebhookValues {
  return { name: "Warehouse app", url, events: ALL_EVENTS, isActive: true, ...extra };
}

async function productId(db: Db, sku: string): Promise<number> {
  const [{ id }] = await db.select({ id: products.id }).from(products).where(eq(products.sku, sku)).limit(1);
  return id;
}

/** An alert as the index pass writes it (the pass itself is tested in inventory-index.test.ts). */
async function raise(db: Db, kind: StockAlertKind, sku = "SR-SOCKS"): Promise<number> {
  const id = await productId(db, sku);
  return transaction(db, async (tx) => {
    const [row] = await tx
      .insert(stockAlerts)
      .values({ kind, productId: id, sku, stockId: 1, salableQty: 0, qtyLeft: 0, notifyQty: 10 })
      .returning({ id: stockAlerts.id });
    return row.id;
  });
}

async function deliveries(db: Db) {
  return db.select().from(webhookDeliveries).orderBy(asc(webhookDeliveries.id));
}

async function attemptCodes(db: Db, deliveryId: number) {
  const rows = await db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId)).orderBy(asc(webhookAttempts.id));
  return rows.map((a) => a.statusCode ?? a.error);
}

const alertIdsOf = (requests: Received[]) => requests.map((r) => (JSON.parse(r.body) as { id: number }).id);
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

/** What a receiver does (docs/webhooks.md): HMAC-SHA256 of "<timestamp>.<raw body>" with the secret. */
function verified(request: Received, secret: string): boolean {
  const expected = `sha256=${createHmac("sha256", secret).update(`${request.headers["x-stockroom-timestamp"]}.${request.body}`).digest("hex")}`;
  const got = String(request.headers["x-stockroom-signature"]);
  return got.length === expected.length && timingSafeEqual(Buffer.from(got), Buffer.from(expected));
}

// ── Delivery ──

describe("a delivery", () => {
  it("POSTs the alert as JSON, signed with the webhook's secret over the timestamp and the raw body", async () => {
    const db = await setup();
    const hook = await receiver();
    const webhookId = await saveWebhook(db, null, values(hook.url), ADMIN);
    // Canvas Cap: 40 on the shelf, an order of 31 leaves 9 < Notify Qty 10 (the demo's Default Config).
    await placeOrder(db, { storeCode: "default", items: [{ sku: "SR-CAP", qty: 31 }] });
    const [alert] = await db.select().from(stockAlerts);
    const before = Math.floor(Date.now() / SECOND);

    await runWebhookDispatch(db);

    expect(hook.requests).toHaveLength(1);
    const [request] = hook.requests;
    const [delivery] = await deliveries(db);
    expect(request.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "Stockroom-Webhooks",
      "x-stockroom-event": "low_stock",
      "x-stockroom-delivery": String(delivery.id),
    });
    const timestamp = Number(request.headers["x-stockroom-timestamp"]);
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(Math.ceil(Date.now() / SECOND));
    expect(request.headers["x-stockroom-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verified(request, (await getWebhook(db, webhookId))!.secret)).toBe(true);
    expect(verified(request, "another secret")).toBe(false);
    expect(JSON.parse(request.body)).toEqual({
      id: alert.id,
      event: "low_stock",
      title: "Low Stock",
      message: "SR-CAP is low in Default Stock: 9 left, below the Notify Qty of 10.",
      created_at: alert.createdAt,
      product: { id: await productId(db, "SR-CAP"), sku: "SR-CAP", name: "Canvas Cap" },
      stock: { id: 1, name: "Default Stock" },
      salable_qty: 59,
      qty_left: 9,
      notify_qty: 10,
    });
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200, lastError: null, leaseUntil: null });
    expect(delivery.deliveredAt).not.toBeNull();
    expect(await attemptCodes(db, delivery.id)).toEqual([200]);
  });

  it("answered 500 twice, then 200: delivered on the third try after the backoff, exactly once", async () => {
    const db = await setup();
    const hook = await receiver((n) => (n <= 2 ? 500 : 200));
    await saveWebhook(db, null, values(hook.url), ADMIN);
    const alertId = await raise(db, "out_of_stock");
    const t0 = new Date();

    await runWebhookDispatch(db, t0);
    let [delivery] = await deliveries(db);
    // Backoff: base (30 s) × 2^(attempts − 1).
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, nextAttemptAt: later(t0, 30 * SECOND).toISOString() });

    await runWebhookDispatch(db, later(t0, 29 * SECOND));
    expect(hook.requests).toHaveLength(1);

    const t1 = later(t0, 30 * SECOND);
    await runWebhookDispatch(db, t1);
    [delivery] = await deliveries(db);
    expect(delivery).toMatchObject({ status: "pending", attempts: 2, nextAttemptAt: later(t1, 60 * SECOND).toISOString() });

    await runWebhookDispatch(db, later(t1, 60 * SECOND));
    await runWebhookDispatch(db, later(t1, 3600 * SECOND));
    [delivery] = await deliveries(db);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200 });
    expect(alertIdsOf(hook.requests)).toEqual([alertId, alertId, alertId]);
    expect(new Set(hook.requests.map((r) => r.headers["x-stockroom-delivery"])).size).toBe(1);
    expect(await attemptCodes(db, delivery.id)).toEqual([500, 500, 200]);
  });

  it("gives up after WEBHOOK_MAX_ATTEMPTS: failed, and sent no more", async () => {
    process.env.WEBHOOK_MAX_ATTEMPTS = "3";
    const db = await setup();
    const hook = await receiver(() => 503);
    await saveWebhook(db, null, values(hook.url), ADMIN);
    await raise(db, "low_stock");
    let now = new Date();
    for (let run = 0; run < 5; run++, now = later(now, 3600 * SECOND)) await runWebhookDispatch(db, now);

    const [delivery] = await deliveries(db);
    expect(delivery).toMatchObject({ status: "failed", attempts: 3, lastStatusCode: 503 });
    expect(hook.requests).toHaveLength(3);
    expect(await attemptCodes(db, delivery.id)).toEqual([503, 503, 503]);
  });

  it("records a receiver that cannot be reached as an error, and a redirect as a failure it does not follow", async () => {
    const db = await setup();
    const gone = await receiver();
    const unreachable = gone.url;
    const closing = servers.pop()!;
    await new Promise((resolve) => closing.close(resolve));
    const target = await receiver();
    const moving = await new Promise<string>((resolve) => {
      const server = http.createServer((_req, res) => {
        res.writeHead(301, { Location: target.url }).end();
      });
      servers.push(server);
      server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`));
    });
    await saveWebhook(db, null, values(unreachable, { name: "Gone" }), ADMIN);
    await saveWebhook(db, null, values(moving, { name: "Moved" }), ADMIN);
    await raise(db, "low_stock");

    await runWebhookDispatch(db);

    const [refusedConnection, redirected] = await deliveries(db);
    expect(refusedConnection).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null });
    expect(refusedConnection.lastError).toMatch(/ECONNREFUSED/);
    expect(redirected).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 301 });
    expect(redirected.lastError).toBe(`Redirects are not followed (Location: ${target.url}).`);
    expect(target.requests).toHaveLength(0);
  });
});

// ── Fan-out ──

describe("fan-out", () => {
  it("sends a webhook only the kinds it subscribes to", async () => {
    const db = await setup();
    const hook = await receiver();
    await saveWebhook(db, null, values(hook.url, { events: { ...ALL_EVENTS, low_stock: false, back_in_stock: false, backorder: false } }), ADMIN);
    await raise(db, "low_stock");
    const outOfStock = await raise(db, "out_of_stock");
    await raise(db, "back_in_stock");

    await runWebhookDispatch(db);

    expect(alertIdsOf(hook.requests)).toEqual([outOfStock]);
    expect(hook.requests[0].headers["x-stockroom-event"]).toBe("out_of_stock");
    expect(await deliveries(db)).toHaveLength(1);
  });

  it("starts a new webhook at the newest alert: no history, everything after", async () => {
    const db = await setup();
    const hook = await receiver();
    await raise(db, "low_stock");
    await raise(db, "out_of_stock");
    await saveWebhook(db, null, values(hook.url), ADMIN);
    await runWebhookDispatch(db);
    expect(hook.requests).toHaveLength(0);

    const next = await raise(db, "back_in_stock");
    await runWebhookDispatch(db);
    expect(alertIdsOf(hook.requests)).toEqual([next]);
  });

  it("sends an inactive webhook nothing, not even later what was raised while it was off", async () => {
    const db = await setup();
    const hook = await receiver();
    const id = await saveWebhook(db, null, values(hook.url, { isActive: false }), ADMIN);
    await raise(db, "low_stock");
    await runWebhookDispatch(db);
    await saveWebhook(db, id, values(hook.url), ADMIN);
    await runWebhookDispatch(db);
    expect(hook.requests).toHaveLength(0);

    const next = await raise(db, "out_of_stock");
    await runWebhookDispatch(db);
    expect(alertIdsOf(hook.requests)).toEqual([next]);
  });

  it("dispatchers running at once, in this process and in two others, send each alert exactly once", async () => {
    const db = await setup();
    // Slow receivers and more deliveries than one claim takes: the runs overlap.
    const first = await receiver(() => 200, 100);
    const second = await receiver(() => 200, 100);
    await saveWebhook(db, null, values(first.url, { name: "First" }), ADMIN);
    await saveWebhook(db, null, values(second.url, { name: "Second" }), ADMIN);
    const raised: number[] = [];
    for (let i = 0; i < 3; i++) {
      for (const kind of ["low_stock", "out_of_stock", "back_in_stock", "backorder"] as const) raised.push(await raise(db, kind));
    }
    // Other processes on the same database: their own connections, so only the engine's write lock keeps the claims apart.
    const worker = path.join(__dirname, "dispatch-worker.ts");
    const startAt = Date.now() + 4000;
    const otherInstance = () =>
      run(process.execPath, ["--conditions", "react-server", "--import", "tsx", worker, locationOf(db), String(startAt)], {
        cwd: process.cwd(),
        env: { ...process.env, DATABASE_POOL_SIZE: "2" },
      });
    const here = async () => {
      await new Promise((resolve) => setTimeout(resolve, startAt - Date.now()));
      await Promise.all([runWebhookDispatch(db), runWebhookDispatch(db)]);
    };
    await Promise.all([otherInstance(), otherInstance(), here()]);

    expect(alertIdsOf(first.requests).sort((a, b) => a - b)).toEqual(raised);
    expect(alertIdsOf(second.requests).sort((a, b) => a - b)).toEqual(raised);
    const rows = await deliveries(db);
    expect(rows).toHaveLength(24);
    expect(rows.every((d) => d.status === "delivered" && d.attempts === 1)).toBe(true);
    expect(await db.select().from(webhookAttempts)).toHaveLength(24);
  }, 90_000);
});

// ── The admin's side ──

describe("Stores > Webhooks", () => {
  it("a new webhook gets a random secret; Generate new secret replaces it; saves are audited without it", async () => {
    const db = await setup();
    const id = await saveWebhook(db, null, values("https://example.com/hooks", { events: { ...ALL_EVENTS, backorder: false } }), ADMIN);
    const created = (await getWebhook(db, id))!;
    expect(created).toMatchObject({ name: "Warehouse app", url: "https://example.com/hooks", isActive: true, events: ["low_stock", "out_of_stock", "back_in_stock"] });
    expect(created.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await saveWebhook(db, null, values("https://example.com/other"), ADMIN);
    expect((await getWebhook(db, other))!.secret).not.toBe(created.secret);

    await saveWebhook(db, id, values("https://example.com/v2", { name: "Renamed", isActive: false }), ADMIN);
    await regenerateWebhookSecret(db, id, ADMIN);
    const after = (await getWebhook(db, id))!;
    expect(after).toMatchObject({ name: "Renamed", url: "https://example.com/v2", isActive: false, events: ["low_stock", "out_of_stock", "back_in_stock", "backorder"] });
    expect(after.secret).not.toBe(created.secret);

    const audit = await db.select().from(auditLog).where(eq(auditLog.entityType, "webhook")).orderBy(asc(auditLog.id));
    expect(audit.map((a) => [a.action, a.entityId, a.username])).toEqual([
      ["create", String(id), "admin"],
      ["create", String(other), "admin"],
      ["update", String(id), "admin"],
      ["regenerate_secret", String(id), "admin"],
    ]);
    expect(audit.some((a) => a.details?.includes(created.secret) || a.details?.includes(after.secret))).toBe(false);
  });

  it("refuses to change a webhook that no longer exists", async () => {
    const db = await setup();
    const message = "This webhook no longer exists.";
    expect((await refused(saveWebhook(db, 99, values("https://example.com"), ADMIN))).message).toBe(message);
    expect((await refused(regenerateWebhookSecret(db, 99, ADMIN))).message).toBe(message);
    expect((await refused(deleteWebhook(db, 99, ADMIN))).message).toBe(message);
    expect((await refused(resendDelivery(db, { webhookId: 99, deliveryId: 1 }, ADMIN))).message).toBe("This delivery no longer exists.");
  });

  it("lists webhooks with their deliveries counted by status; deleting one deletes its deliveries and attempts", async () => {
    const db = await setup();
    const ok = await receiver();
    const broken = await receiver(() => 500);
    const okId = await saveWebhook(db, null, values(ok.url, { name: "B ok" }), ADMIN);
    const brokenId = await saveWebhook(db, null, values(broken.url, { name: "A broken" }), ADMIN);
    await raise(db, "low_stock");
    await raise(db, "out_of_stock");
    await runWebhookDispatch(db);

    expect((await listWebhooks(db)).map((w) => [w.id, w.name, w.pending, w.delivered, w.failed])).toEqual([
      [brokenId, "A broken", 2, 0, 0],
      [okId, "B ok", 0, 2, 0],
    ]);
    await deleteWebhook(db, brokenId, ADMIN);
    expect((await listWebhooks(db)).map((w) => w.id)).toEqual([okId]);
    expect((await deliveries(db)).map((d) => d.webhookId)).toEqual([okId, okId]);
    expect(await db.select().from(webhookAttempts)).toHaveLength(2);
    expect(await db.select().from(webhooks)).toHaveLength(1);
  });

  it("Resend sends a delivered delivery again and logs the new attempt", async () => {
    const db = await setup();
    const hook = await receiver();
    const webhookId = await saveWebhook(db, null, values(hook.url), ADMIN);
    const alertId = await raise(db, "backorder");
    await runWebhookDispatch(db);
    const [delivered] = await deliveries(db);
    expect(delivered.status).toBe("delivered");

    await resendDelivery(db, { webhookId, deliveryId: delivered.id }, ADMIN);
    const [queued] = await deliveries(db);
    expect(queued).toMatchObject({ status: "pending", attempts: 1, deliveredAt: null });
    await runWebhookDispatch(db);

    const [again] = await deliveries(db);
    expect(again).toMatchObject({ status: "delivered", attempts: 2 });
    expect(alertIdsOf(hook.requests)).toEqual([alertId, alertId]);
    expect(await attemptCodes(db, again.id)).toEqual([200, 200]);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "resend"));
    expect(audit).toMatchObject({ entityType: "webhook_delivery", entityId: String(delivered.id) });
    // Another webhook's delivery is not this one's to resend.
    const otherId = await saveWebhook(db, null, values(hook.url), ADMIN);
    await refused(resendDelivery(db, { webhookId: otherId, deliveryId: delivered.id }, ADMIN));
  });

  it("Resend gives a delivery that had given up one more try", async () => {
    process.env.WEBHOOK_MAX_ATTEMPTS = "1";
    const db = await setup();
    const hook = await receiver((n) => (n === 1 ? 500 : 204));
    const webhookId = await saveWebhook(db, null, values(hook.url), ADMIN);
    await raise(db, "low_stock");
    await runWebhookDispatch(db);
    const [failed] = await deliveries(db);
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });

    await resendDelivery(db, { webhookId, deliveryId: failed.id }, ADMIN);
    await runWebhookDispatch(db);
    expect((await deliveries(db))[0]).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 204 });
  });

  it("the delivery log pages newest first by keyset, with each delivery's alert and attempts", async () => {
    const db = await setup();
    const hook = await receiver((n) => (n === 1 ? 500 : 200));
    const webhookId = await saveWebhook(db, null, values(hook.url), ADMIN);
    for (let i = 0; i < 5; i++) await raise(db, "low_stock");
    await runWebhookDispatch(db);
    const ids = (await deliveries(db)).map((d) => d.id);

    const first = await listDeliveries(db, webhookId, {}, 2);
    expect(first.total).toBe(5);
    expect(first.items.map((d) => d.id)).toEqual([ids[4], ids[3]]);
    expect([first.newerThan, first.olderThan]).toEqual([undefined, ids[3]]);
    const second = await listDeliveries(db, webhookId, { before: ids[3] }, 2);
    expect(second.items.map((d) => d.id)).toEqual([ids[2], ids[1]]);
    expect([second.newerThan, second.olderThan]).toEqual([ids[2], ids[1]]);
    const last = await listDeliveries(db, webhookId, { before: ids[1] }, 2);
    expect(last.items.map((d) => d.id)).toEqual([ids[0]]);
    expect([last.newerThan, last.olderThan]).toEqual([ids[0], undefined]);
    const back = await listDeliveries(db, webhookId, { after: ids[2] }, 2);
    expect(back.items.map((d) => d.id)).toEqual([ids[4], ids[3]]);
    expect([back.newerThan, back.olderThan]).toEqual([undefined, ids[3]]);

    const oldest = last.items[0];
    expect(oldest.alert).toMatchObject({ kind: "low_stock", sku: "SR-SOCKS", productName: "Wool Socks", stockName: "Default Stock" });
    expect(oldest).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500 });
    expect(oldest.attemptLog.map((a) => a.statusCode)).toEqual([500]);
    expect((await listDeliveries(db, webhookId + 1)).items).toEqual([]);
  });
});

describe("the retry schedule", () => {
  it("waits base × 2^(attempts − 1) after a failed attempt, never more than an hour", () => {
    expect([1, 2, 3, 7, 8, 20].map((n) => retryDelayMs(n, 30 * SECOND) / SECOND)).toEqual([30, 60, 120, 1920, 3600, 3600]);
    expect(retryDelayMs(3, 200)).toBe(800);
  });
});

describe("settings from the environment", () => {
  it("defaults to a 30 s backoff base, 8 attempts and a 5 s poll; reads decimals for the base; ignores nonsense", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(webhookSettings()).toEqual({ retryBaseMs: 30_000, maxAttempts: 8, pollMs: 5000 });
    process.env.WEBHOOK_RETRY_BASE_SECONDS = "0.2";
    process.env.WEBHOOK_MAX_ATTEMPTS = "3";
    process.env.WEBHOOK_POLL_MS = "200";
    expect(webhookSettings()).toEqual({ retryBaseMs: 200, maxAttempts: 3, pollMs: 200 });
    process.env.WEBHOOK_RETRY_BASE_SECONDS = "-1";
    process.env.WEBHOOK_MAX_ATTEMPTS = "2.5";
    process.env.WEBHOOK_POLL_MS = "soon";
    expect(webhookSettings()).toEqual({ retryBaseMs: 30_000, maxAttempts: 8, pollMs: 5000 });
  });
});
