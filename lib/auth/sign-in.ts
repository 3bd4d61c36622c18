import type { Tx } from "@/db/client";
import {
  clearSignInFailures,
  createSession,
  deleteExpiredSessions,
  getAdminByUsername,
  recordSignInFailure,
  type SessionKind,
} from "@/db/queries/auth";
import { hashPassword, verifyPassword } from "./password";
import { LOCK_MS, MAX_FAILURES, newSecret } from "./tokens";

// Verified against when the username is unknown, so both paths cost one scrypt.
let dummyHash: Promise<string> | undefined;

export type SignInResult = { ok: true; userId: number; username: string } | { ok: false };

/**
 * Checks credentials with Magento's lockout: after MAX_FAILURES wrong passwords the account
 * refuses even the right one until the lock expires. Callers show one message for every failure.
 */
export async function authenticate(db: Tx, username: string, password: string, now = new Date()): Promise<SignInResult> {
  const user = getAdminByUsername(db, username);
  if (!user) {
    dummyHash ??= hashPassword("not-a-password");
    await verifyPassword(password, await dummyHash);
    return { ok: false };
  }
  const locked = user.lockExpires !== null && user.lockExpires > now.toISOString();
  const valid = await verifyPassword(password, user.passwordHash);
  if (locked || !user.isActive) return { ok: false };
  if (!valid) {
    recordSignInFailure(db, user.id, MAX_FAILURES, new Date(now.getTime() + LOCK_MS).toISOString());
    return { ok: false };
  }
  clearSignInFailures(db, user.id);
  return { ok: true, userId: user.id, username: user.username };
}

/** Stores a new session or API token for the user and returns its secret (never stored). */
export function issueSecret(db: Tx, userId: number, kind: SessionKind, ttlMs: number, now = new Date()) {
  deleteExpiredSessions(db, now.toISOString());
  const { secret, hash } = newSecret();
  const expiresAt = new Date(now.getTime() + ttlMs);
  createSession(db, { tokenHash: hash, kind, userId, expiresAt: expiresAt.toISOString() });
  return { secret, expiresAt };
}
