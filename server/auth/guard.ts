import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/server/db";
import { signInPath } from "@/lib/auth/return-path";
import { SESSION_COOKIE } from "@/lib/auth/tokens";
import { sessionAdmin } from "./session";

export interface AdminUser {
  id: number;
  username: string;
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
