import "server-only";
import type { Db } from "@/db/connection";
import { isBusyError } from "@/db/errors";
import { claimDueDeliveries, fanOutAlerts, recordAttempt, type ClaimedDelivery } from "@/db/queries/webhook-dispatch";
import { retryDelayMs, webhookPayload, webhookSignature } from "@/lib/webhooks";

/**
 * Sends the stock alerts to Stores > Webhooks (docs/webhooks.md). A run fans the new alerts out
 * into deliveries, then claims due deliveries a batch at a time and sends them, outside any
 * transaction, until none is due. Any number of instances may run it: claims never overlap.
 */

interface WebhookSettings {
  retryBaseMs: number;
  maxAttempts: number;
  pollMs: number;
}

/** How long a claim holds a delivery: well past the send's timeout. */
const LEASE_MS = 60_000;
const SEND_TIMEOUT_MS = 10_000;
/** Deliveries claimed and sent at once. */
const BATCH = 10;
const MAX_ERROR_LENGTH = 500;

function positiveEnv(name: string, fallback: number, integer: boolean): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (value > 0 && (!integer || Number.isInteger(value))) return value;
  console.error(`${name}="${raw}" is not a ${integer ? "whole number" : "number"} above 0: using ${fallback}.`);
  return fallback;
}

/** WEBHOOK_RETRY_BASE_SECONDS (30), WEBHOOK_MAX_ATTEMPTS (8), WEBHOOK_POLL_MS (5000), read per run. */
export function webhookSettings(): WebhookSettings {
  return {
    retryBaseMs: positiveEnv("WEBHOOK_RETRY_BASE_SECONDS", 30, false) * 1000,
    maxAttempts: positiveEnv("WEBHOOK_MAX_ATTEMPTS", 8, true),
    pollMs: positiveEnv("WEBHOOK_POLL_MS", 5000, true),
  };
}

interface Answer {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

function failureOf(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `No answer within ${SEND_TIMEOUT_MS / 1000} seconds.`;
  }
  // Node's fetch says "fetch failed"; its cause says why (connect ECONNREFUSED 127.0.0.1:9).
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return (cause instanceof Error ? cause.message : String(cause)).slice(0, MAX_ERROR_LENGTH);
}

/** POSTs one delivery, signed (docs/webhooks.md "Verifying a delivery"); never throws. */
async function send(delivery: ClaimedDelivery): Promise<Answer> {
  const body = JSON.stringify(webhookPayload(delivery.alert));
  // The receiver compares this with its own clock: always the real time.
  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(delivery.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Stockroom-Webhooks",
        "X-Stockroom-Event": delivery.alert.kind,
        "X-Stockroom-Delivery": String(delivery.id),
        "X-Stockroom-Timestamp": String(timestamp),
        "X-Stockroom-Signature": webhookSignature(delivery.secret, timestamp, body),
      },
      body,
      // A redirect could send the alert somewhere the merchant never named: it counts as a failure.
      redirect: "manual",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => undefined);
    const redirected = response.status >= 300 && response.status < 400;
    return {
      statusCode: response.status,
      error: redirected ? `Redirects are not followed (Location: ${response.headers.get("location") ?? "none"}).`.slice(0, MAX_ERROR_LENGTH) : null,
      durationMs: took(),
    };
  } catch (error) {
    return { statusCode: null, error: failureOf(error), durationMs: took() };
  }
}

/** 2xx is delivered; anything else is tried again after the backoff, and given up after the last attempt. */
async function sendAndRecord(db: Db, delivery: ClaimedDelivery, settings: WebhookSettings, clock: () => Date): Promise<void> {
  const answer = await send(delivery);
  const at = clock();
  const attempts = delivery.attempts + 1;
  const delivered = answer.statusCode !== null && answer.statusCode >= 200 && answer.statusCode < 300;
  await recordAttempt(db, delivery, {
    ...answer,
    at,
    status: delivered ? "delivered" : attempts >= settings.maxAttempts ? "failed" : "pending",
    nextAttemptAt: delivered ? at : new Date(at.getTime() + retryDelayMs(attempts, settings.retryBaseMs)),
  });
}

/**
 * One dispatch run: fan-out, then claim and send until nothing is due. `now` fixes the clock the
 * schedule reads (what is due, the next attempt, the log's times): tests step it past a backoff.
 */
export async function runWebhookDispatch(db: Db, now?: Date): Promise<void> {
  const settings = webhookSettings();
  const clock = () => now ?? new Date();
  await fanOutAlerts(db, clock());
  for (;;) {
    const batch = await claimDueDeliveries(db, clock(), LEASE_MS, BATCH);
    if (batch.length === 0) return;
    // Every send of the batch ends before the run goes on (or fails): nothing outlives the run.
    const results = await Promise.allSettled(batch.map((delivery) => sendAndRecord(db, delivery, settings, clock)));
    const failed = results.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
  }
}

const globalForDispatcher = globalThis as unknown as { __stockroomWebhookDispatcher?: true };

/**
 * Runs the dispatcher every WEBHOOK_POLL_MS for the life of the server process: each run is
 * armed when the last one ended, so runs never overlap; the timer never keeps the process
 * alive; a failed run is logged and the next one tries again.
 */
export function startWebhookDispatcher(db: Db): void {
  if (globalForDispatcher.__stockroomWebhookDispatcher) return;
  globalForDispatcher.__stockroomWebhookDispatcher = true;
  const arm = () => setTimeout(() => void tick(), webhookSettings().pollMs).unref();
  const tick = async () => {
    try {
      await runWebhookDispatch(db);
    } catch (error) {
      if (isBusyError(error)) console.warn("Webhook dispatch: the database is busy; trying again at the next poll.", error);
      else console.error("Webhook dispatch failed", error);
    }
    arm();
  };
  arm();
}
