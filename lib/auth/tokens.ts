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
/** Admin browser sessions last 8 hours; REST tokens 4 hours (Magento's admin token lifetime). */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
export const API_TOKEN_TTL_MS = 4 * 60 * 60 * 1000;
/** Magento's defaults: 6 failed sign-ins lock the account for 30 minutes. */
export const MAX_FAILURES = 6;
export const LOCK_MS = 30 * 60 * 1000;
export const SIGN_IN_ERROR =
  "The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.";
