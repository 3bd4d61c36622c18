import "server-only";
import type { NextRequest } from "next/server";
import type { Conn } from "@/db/connection";
import { isBusyError } from "@/db/errors";
import { getAdminAcl } from "@/db/queries/auth";
import { listRecentAlerts, type AlertView } from "@/db/queries/stock-alerts";
import { ACCESS_DENIED, isAllowed, type AclResource, type RoleAcl } from "@/lib/auth/acl";
import { SESSION_COOKIE, SIGN_IN_ERROR, throttledMessage } from "@/lib/auth/tokens";
import { alertSummary, alertTitle } from "@/lib/inventory";
import { rssDocument, type RssItem } from "@/lib/rss";
import { STORE_BUSY } from "@/lib/validation/result";
import { signInSchema } from "@/lib/validation/auth";
import { authenticate, clientAddress, type SignInAttemptContext } from "./auth/sign-in";
import { sessionAdmin } from "./auth/session";

/** How many alerts the feed carries, newest first. */
const FEED_SIZE = 50;

const CHALLENGE = 'Basic realm="Stockroom RSS"';
const BASIC = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i;
// Credentials no account can have (PostgreSQL refuses text holding a NUL): refused unchecked.
const CONTROL = /[\u0000-\u001f\u007f]/;

type ReaderCheck = { ok: true; acl: RoleAcl } | { ok: false; retryAfterSeconds?: number };

/** Magento's resource for this feed (Magento_Rss's BackendAuthentication: "notifystock"). */
const FEED_RESOURCE: AclResource = "Magento_Catalog::catalog_inventory";

/** The username and password of `Authorization: Basic …` (RFC 7617), or null when there are none that could be right. */
function basicCredentials(request: NextRequest): { username: string; password: string } | null {
  const match = BASIC.exec(request.headers.get("authorization") ?? "");
  if (!match || match[1].length > 4096) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  const parsed = signInSchema.safeParse({ username: decoded.slice(0, colon), password: decoded.slice(colon + 1) });
  if (!parsed.success || CONTROL.test(parsed.data.username) || parsed.data.password.includes("\0")) return null;
  return parsed.data;
}

/**
 * Magento guards its admin RSS feeds with HTTP Basic authentication of an admin user. Here the
 * password goes through the sign-in's own check (server/auth/sign-in.ts authenticate: Magento's
 * lockout and the per-address throttle), so the feed is no way around either. A browser that is
 * signed in to the admin reads it with its session.
 */
async function checkReader(db: Conn, request: NextRequest, attempt: Omit<SignInAttemptContext, "client">): Promise<ReaderCheck> {
  const session = request.cookies.get(SESSION_COOKIE)?.value;
  const signedIn = session ? await sessionAdmin(db, session) : null;
  if (signedIn) return { ok: true, acl: signedIn.acl };
  const credentials = basicCredentials(request);
  if (!credentials) return { ok: false };
  const result = await authenticate(db, credentials.username, credentials.password, { ...attempt, client: clientAddress(request.headers) });
  return result.ok ? { ok: true, acl: await getAdminAcl(db, result.userId) } : { ok: false, retryAfterSeconds: result.retryAfterSeconds };
}

function feedItem(alert: AlertView, origin: string): RssItem {
  const stock = alert.stockName ? ` (${alert.stockName})` : "";
  // A deleted product has no page: its alert links to the notifications instead.
  const page = alert.productId !== null && alert.productName !== null ? `/admin/catalog/product/edit/id/${alert.productId}` : "/admin/notification";
  return {
    title: `${alertTitle(alert.kind)}: ${alert.sku}${stock}`,
    link: `${origin}${page}`,
    description: alertSummary(alert),
    guid: `stockroom-alert-${alert.id}`,
    pubDate: new Date(alert.createdAt),
  };
}

// A host name or address with an optional port: anything else in Host is not written into links.
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The origin the reader sent the request to, for absolute links. From the Host header: Next's
 * own URL writes 127.0.0.1 as "localhost", which may not reach a server listening on 127.0.0.1.
 */
function requestOrigin(request: NextRequest): string {
  const host = request.headers.get("host") ?? "";
  return HOST.test(host) ? `${request.nextUrl.protocol}//${host}` : request.nextUrl.origin;
}

const text = (body: string, status: number, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });

/**
 * GET /rss/catalog/notifystock, Magento's Notify Low Stock feed: the latest stock alerts of every
 * kind. 401 with the Basic challenge unless signed in or given an admin's credentials; 403 when
 * the admin's role lacks Magento_Catalog::catalog_inventory; 429 when this address has failed
 * too often (as the sign-in page).
 */
export async function notifyStockFeed(db: Conn, request: NextRequest, attempt: Omit<SignInAttemptContext, "client"> = {}): Promise<Response> {
  try {
    const reader = await checkReader(db, request, attempt);
    if (!reader.ok && reader.retryAfterSeconds) {
      return text(throttledMessage(reader.retryAfterSeconds), 429, { "retry-after": String(reader.retryAfterSeconds) });
    }
    if (!reader.ok) return text(SIGN_IN_ERROR, 401, { "www-authenticate": CHALLENGE });
    if (!isAllowed(reader.acl, FEED_RESOURCE)) return text(ACCESS_DENIED, 403);
    const origin = requestOrigin(request);
    const alerts = await listRecentAlerts(db, FEED_SIZE);
    const xml = rssDocument({
      title: "Stockroom: Low Stock Notifications",
      link: `${origin}/admin/notification`,
      self: `${origin}${request.nextUrl.pathname}`,
      description: "Stock alerts: products gone Low Stock, Out of Stock, Back in Stock or On Backorder.",
      lastBuildDate: new Date(),
      items: alerts.map((alert) => feedItem(alert, origin)),
    });
    // Private: the feed is an admin's view, never to be kept by a shared cache.
    return new Response(xml, { headers: { "content-type": "application/rss+xml; charset=utf-8", "cache-control": "private, no-store" } });
  } catch (error) {
    if (!isBusyError(error)) throw error;
    return text(STORE_BUSY, 503, { "retry-after": "2" });
  }
}
