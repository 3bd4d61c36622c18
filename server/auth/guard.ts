import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/server/db";
import { isAllowed, type AclResource, type RoleAcl } from "@/lib/auth/acl";
import { signInPath } from "@/lib/auth/return-path";
import { SESSION_COOKIE } from "@/lib/auth/tokens";
import { sessionAdmin } from "./session";

export interface AdminUser {
  id: number;
  username: string;
  /** Signed in with a REST token; absent for a browser session. The audit log records it as where a change came from. */
  via?: "rest";
  /** What the admin's role grants, read with the session on every request. */
  acl: RoleAcl;
  /** The account's Interface Locale (Magento's code, en_US or nl_NL); REST answers in English whatever it is. */
  locale?: string;
}

/**
 * The signed-in admin of this request, or null. Checked against the database every request:
 * the session's lifetime, its idle timeout and the admin's status (server/auth/session.ts).
 */
export const currentAdmin = cache(async (): Promise<AdminUser | null> => {
  const secret = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!secret) return null;
  return await sessionAdmin(await getDb(), secret);
});

/**
 * The one guard of every admin page and server action: a signed-out request is redirected to
 * sign-in before it reads or changes anything; with `returnTo` (the page's own path and query),
 * sign-in sends it back there.
 */
export async function requireAdmin(returnTo?: string): Promise<AdminUser> {
  const admin = await currentAdmin();
  if (!admin) redirect(signInPath(returnTo));
  return admin;
}

/**
 * requireAdmin, and the page's ACL resource: a signed-in admin whose role lacks it gets the 403
 * page (forbidden.tsx, Magento's "Sorry, you need permissions to view this content.") before the
 * page reads or writes anything.
 */
export async function requireResource(resource: AclResource, returnTo?: string): Promise<AdminUser> {
  const admin = await requireAdmin(returnTo);
  if (!isAllowed(admin.acl, resource)) forbidden();
  return admin;
}
