import "server-only";
import type { Conn } from "@/db/connection";
import { getSessionUser } from "@/db/queries/auth";
import { hashSecret } from "@/lib/auth/tokens";
import type { AdminUser } from "./guard";

const BEARER = /^Bearer\s+([A-Za-z0-9_-]{1,512})\s*$/i;

/**
 * The admin behind a REST call's `Authorization: Bearer <token>` (an "api" token from
 * POST /rest/V1/integration/admin/token), or null when it is missing, unknown, expired or its
 * admin is disabled. Checked against the database on every call (with what the admin's role
 * grants, which the router checks against the route's resource); a browser session cookie is
 * not a token.
 */
export async function bearerAdmin(db: Conn, request: Request, now = new Date()): Promise<AdminUser | null> {
  const match = BEARER.exec(request.headers.get("authorization") ?? "");
  if (!match) return null;
  const user = await getSessionUser(db, hashSecret(match[1]), "api", now.toISOString());
  return user && { id: user.id, username: user.username, via: "rest", acl: user.acl };
}
