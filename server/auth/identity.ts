import "server-only";
import { cookies, headers } from "next/headers";
import type { Conn } from "@/db/connection";
import { hashSecret, SESSION_COOKIE, throttledMessage } from "@/lib/auth/tokens";
import { Refusal } from "@/lib/refusal";
import type { AdminUser } from "./guard";
import { authenticate, clientAddress } from "./sign-in";

const WRONG_CURRENT_PASSWORD = "The password entered for the current user is invalid. Verify the password and try again.";

/**
 * Magento's identity check ("Your Password") before a change to accounts or roles. The password
 * goes through sign-in's check, lockout and throttle: a session left open on a shared screen
 * cannot be used to guess it.
 */
export async function verifyIdentity(db: Conn, admin: AdminUser, password: string, field = "currentPassword"): Promise<void> {
  const check = await authenticate(db, admin.username, password, { client: clientAddress(await headers()) });
  if (check.ok) return;
  throw check.retryAfterSeconds
    ? new Refusal("not_allowed", throttledMessage(check.retryAfterSeconds))
    : new Refusal("invalid", WRONG_CURRENT_PASSWORD, { field });
}

/** The hash of this browser's session, which a change of the admin's own password keeps signed in. */
export async function currentSessionHash(): Promise<string | undefined> {
  const secret = (await cookies()).get(SESSION_COOKIE)?.value;
  return secret ? hashSecret(secret) : undefined;
}
