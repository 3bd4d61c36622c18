import "server-only";
import type { Conn } from "@/db/connection";
import {
  clearSignInFailures,
  createSession,
  getAdminByUsername,
  recordSignInFailure,
  type SessionKind,
} from "@/db/queries/auth";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { LOCK_MS, MAX_FAILURES, newSecret } from "@/lib/auth/tokens";

// Verified against when the username is unknown, so both paths cost one scrypt.
let dummyHash: Promise<string> | undefined;

export type SignInResult = { ok: true; userId: number; username: string } | { ok: false };

/**
 * Checks credentials with Magento's lockout: after MAX_FAILURES wrong passwords the account
 * refuses even the right one until the lock expires. Callers show one message for every failure.
 */
export async function authenticate(db: Conn, username: string, password: string, now = new Date()): Promise<SignInResult> {
  const user = await getAdminByUsername(db, username);
  if (!user) {
    dummyHash ??= hashPassword("not-a-password");
    await verifyPassword(password, await dummyHash);
    return { ok: false };
  }
  const locked = user.lockExpires !== null && user.lockExpires > now.toISOString();
  const valid = await verifyPassword(password, user.passwordHash);
  if (locked || !user.isActive) return { ok: false };
  if (!valid) {
    await recordSignInFailure(db, user.id, MAX_FAILURES, new Date(now.getTime() + LOCK_MS).toISOString());
    return { ok: false };
  }
  await clearSignInFailures(db, user.id);
  return { ok: true, userId: user.id, username: user.username };
}

/** Stores a new session or API token for the user and returns its secret (never stored). */
export async function issueSecret(db: Conn, userId: number, kind: SessionKind, ttlMs: number, now = new Date()) {
  const { secret, hash } = newSecret();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await createSession(db, { tokenHash: hash, kind, userId, expiresAt: expiresAt.toISOString() }, now.toISOString());
  return { secret, expiresAt };
}
