import { createHash, randomBytes } from "node:crypto";

/** A new random secret (sent to the client) and its SHA-256 (stored). */
export function newSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString("base64url");
  return { secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export const SESSION_COOKIE = "stockroom_admin";
/**
 * Admin browser sessions end after 900 s without a request (Magento's admin session lifetime)
 * and 8 hours after sign-in whatever happens; both can be changed by env (server/auth/session.ts).
 * REST tokens last 4 hours (Magento's admin token lifetime).
 */
export const SESSION_IDLE_MS = 900 * 1000;
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
export const API_TOKEN_TTL_MS = 4 * 60 * 60 * 1000;
/** Magento's defaults: 6 failed sign-ins lock the account for 30 minutes. */
export const MAX_FAILURES = 6;
export const LOCK_MS = 30 * 60 * 1000;
/** Per client address: at most 10 failed sign-ins (page and REST token together) in any minute. */
export const THROTTLE_FAILURES = 10;
export const THROTTLE_WINDOW_MS = 60 * 1000;
export const SIGN_IN_ERROR =
  "The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.";
export const throttledMessage = (retryAfterSeconds: number) =>
  `Too many failed sign-in attempts from your network address. Wait ${retryAfterSeconds} ${retryAfterSeconds === 1 ? "second" : "seconds"}, then try again.`;
