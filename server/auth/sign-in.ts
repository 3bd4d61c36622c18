import "server-only";
import type { Conn } from "@/db/connection";
import { createSession, recordSignInSuccess, reserveSignInAttempt, type SessionKind } from "@/db/queries/auth";
import { hashPassword, needsRehash, PASSWORD_PARAMS, verifyPassword, type ScryptParams } from "@/lib/auth/password";
import { AttemptThrottle } from "@/lib/auth/throttle";
import { LOCK_MS, MAX_FAILURES, newSecret, THROTTLE_FAILURES, THROTTLE_WINDOW_MS } from "@/lib/auth/tokens";

// Checked when the username is unknown, so every path costs one scrypt at today's cost.
let dummyHash: Promise<string> | undefined;

export type SignInResult =
  | { ok: true; userId: number; username: string }
  /** One answer for every failure; `retryAfterSeconds` when the client's throttle refused it unchecked. */
  | { ok: false; retryAfterSeconds?: number };

export interface SignInAttemptContext {
  /** The client's address (clientAddress): the throttle's key. */
  client: string;
  now?: Date;
  /** The process's throttle unless a test brings its own. */
  throttle?: AttemptThrottle;
  /** What a successful sign-in rehashes to: today's cost, or a cheap one in tests. */
  params?: ScryptParams;
}

const globalForThrottle = globalThis as unknown as { __stockroomSignInThrottle?: AttemptThrottle };

function envCount(name: string, fallback: number): number {
  const value = Number(process.env[name]?.trim() || fallback);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * One throttle per process, shared by the sign-in page and the REST token call (kept on
 * globalThis: the bundler may load this module once per route). ADMIN_SIGN_IN_THROTTLE_FAILURES
 * and ADMIN_SIGN_IN_THROTTLE_WINDOW_SECONDS change its limit (the e2e suite, whose every spec
 * comes from one address, raises it).
 */
function processThrottle(): AttemptThrottle {
  globalForThrottle.__stockroomSignInThrottle ??= new AttemptThrottle(
    envCount("ADMIN_SIGN_IN_THROTTLE_FAILURES", THROTTLE_FAILURES),
    envCount("ADMIN_SIGN_IN_THROTTLE_WINDOW_SECONDS", THROTTLE_WINDOW_MS / 1000) * 1000,
  );
  return globalForThrottle.__stockroomSignInThrottle;
}

/**
 * The address a client is throttled by: the last entry of X-Forwarded-For. Next's server sets
 * that header to the socket's address when a request comes without one, and a reverse proxy in
 * front (nginx's $proxy_add_x_forwarded_for, a load balancer) appends the address it saw: the
 * last entry is the one a client cannot choose, the first is whatever the client wrote.
 */
export function clientAddress(headers: Headers): string {
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  return hops.at(-1) ?? "unknown";
}

/**
 * Checks credentials with Magento's lockout (after MAX_FAILURES wrong passwords the account
 * refuses even the right one until the lock expires) and a per-client throttle in front of it.
 * Both are decided before the password is checked, so no number of parallel attempts gets past
 * either (reserveSignInAttempt, AttemptThrottle). Callers show one message for every failure.
 */
export async function authenticate(db: Conn, username: string, password: string, context: SignInAttemptContext): Promise<SignInResult> {
  const now = context.now ?? new Date();
  const slot = (context.throttle ?? processThrottle()).reserve(context.client, now.getTime());
  if (!slot.ok) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(slot.retryAfterMs / 1000)) };
  const result = await checkPassword(db, username, password, now, context.params ?? PASSWORD_PARAMS);
  if (result.ok) slot.release();
  return result;
}

async function checkPassword(db: Conn, username: string, password: string, now: Date, params: ScryptParams): Promise<SignInResult> {
  const lockUntil = new Date(now.getTime() + LOCK_MS).toISOString();
  const attempt = await reserveSignInAttempt(db, username, now.toISOString(), { maxFailures: MAX_FAILURES, lockUntil });
  // A locked or disabled account is checked too: the answer's timing tells nothing of its state.
  const valid = await verifyPassword(password, attempt?.passwordHash ?? (await (dummyHash ??= hashPassword("not-a-password"))));
  if (!attempt || attempt.refused || !valid) return { ok: false };
  const rehash = needsRehash(attempt.passwordHash, params) ? { from: attempt.passwordHash, to: await hashPassword(password, params) } : undefined;
  await recordSignInSuccess(db, attempt.userId, rehash);
  return { ok: true, userId: attempt.userId, username: attempt.username };
}

/**
 * Stores a new session or API token for the user and returns its secret (never stored);
 * `replaces` is the hash of the session the browser held until now, ended in the same write.
 */
export async function issueSecret(db: Conn, userId: number, kind: SessionKind, ttlMs: number, now = new Date(), replaces?: string) {
  const { secret, hash } = newSecret();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await createSession(db, { tokenHash: hash, kind, userId, expiresAt: expiresAt.toISOString() }, now.toISOString(), replaces);
  return { secret, expiresAt };
}
