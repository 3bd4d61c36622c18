import "server-only";
import type { Conn } from "@/db/connection";
import { getSessionUser, touchSession } from "@/db/queries/auth";
import { hashSecret, SESSION_IDLE_MS, SESSION_TTL_MS } from "@/lib/auth/tokens";
import { issueSecret } from "./sign-in";

interface SessionPolicy {
  /** A session ends after this long without a request (Magento's admin session lifetime). */
  idleMs: number;
  /** …and this long after sign-in, whatever happens. */
  lifetimeMs: number;
}

// A request refreshes its session's idle clock at most this often, so reading pages costs no
// write per request; the idle timeout may then end a session up to this much early.
const TOUCH_EVERY_MS = 60 * 1000;

function seconds(name: string, fallbackMs: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallbackMs;
  const value = Number(raw);
  if (Number.isInteger(value) && value > 0) return value * 1000;
  console.error(`${name}="${raw}" is not a whole number of seconds above 0: using ${fallbackMs / 1000}.`);
  return fallbackMs;
}

/** ADMIN_SESSION_IDLE_SECONDS (900) and ADMIN_SESSION_LIFETIME_SECONDS (28800), read per call. */
export function sessionPolicy(): SessionPolicy {
  return {
    idleMs: seconds("ADMIN_SESSION_IDLE_SECONDS", SESSION_IDLE_MS),
    lifetimeMs: seconds("ADMIN_SESSION_LIFETIME_SECONDS", SESSION_TTL_MS),
  };
}

/**
 * Signs a browser in with a new session id; the session it presented until now (its cookie's
 * secret, if any) is revoked in the same write, so a session id fixed before sign-in, or one
 * stolen earlier, never becomes or stays a signed-in session.
 */
export async function startSession(db: Conn, userId: number, previousSecret: string | undefined, now = new Date(), policy = sessionPolicy()) {
  return issueSecret(db, userId, "session", policy.lifetimeMs, now, previousSecret ? hashSecret(previousSecret) : undefined);
}

/**
 * The admin of a browser session's secret, or null when it is unknown, past its lifetime, idle
 * longer than the idle timeout, or its admin is disabled. A request keeps the session alive.
 */
export async function sessionAdmin(db: Conn, secret: string, now = new Date(), policy = sessionPolicy()) {
  const hash = hashSecret(secret);
  const idleSince = new Date(now.getTime() - policy.idleMs).toISOString();
  const user = await getSessionUser(db, hash, "session", now.toISOString(), idleSince);
  if (!user) return null;
  const refreshBefore = new Date(now.getTime() - Math.min(TOUCH_EVERY_MS, policy.idleMs / 10)).toISOString();
  if (!user.lastSeenAt || user.lastSeenAt <= refreshBefore) await touchSession(db, hash, now.toISOString());
  return { id: user.id, username: user.username, acl: user.acl, locale: user.locale };
}
