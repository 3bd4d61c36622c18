import { createHmac, randomBytes } from "node:crypto";
import { alertSummary, alertTitle, type StockAlertKind } from "@/lib/inventory";

/**
 * Stores > Webhooks, without I/O: what a delivery POSTs, how it is signed and when a failed one is
 * tried again (docs/webhooks.md says the same to the people who write receivers).
 */

/** A stock alert with the names a person reads (db/queries/stock-alerts.ts alertViewQuery). */
export interface WebhookAlert {
  id: number;
  kind: StockAlertKind;
  productId: number | null;
  sku: string;
  productName: string | null;
  stockId: number | null;
  stockName: string | null;
  salableQty: number;
  qtyLeft: number;
  notifyQty: number;
  createdAt: string;
}

export interface WebhookPayload {
  id: number;
  event: StockAlertKind;
  title: string;
  message: string;
  created_at: string;
  product: { id: number | null; sku: string; name: string | null };
  stock: { id: number | null; name: string | null };
  salable_qty: number;
  qty_left: number;
  notify_qty: number;
}

export function webhookPayload(alert: WebhookAlert): WebhookPayload {
  return {
    id: alert.id,
    event: alert.kind,
    title: alertTitle(alert.kind),
    message: alertSummary(alert),
    created_at: alert.createdAt,
    product: { id: alert.productId, sku: alert.sku, name: alert.productName },
    stock: { id: alert.stockId, name: alert.stockName },
    salable_qty: alert.salableQty,
    qty_left: alert.qtyLeft,
    notify_qty: alert.notifyQty,
  };
}

/**
 * `X-Stockroom-Signature`: HMAC-SHA256, keyed with the webhook's secret, of the timestamp header,
 * a dot and the raw body. The timestamp is signed too, so a receiver that refuses old timestamps
 * cannot be sent a captured delivery again.
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** A new signing secret: 32 random bytes, as URL-safe text. */
export function newWebhookSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** The longest wait between two attempts of one delivery. */
const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/** The wait after the `attempts`-th failed attempt: base × 2^(attempts−1), at most an hour. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
}

export type DeliveryStatus = "pending" | "delivered" | "failed";
