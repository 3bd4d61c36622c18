import { and, count, eq, gt, lt } from "drizzle-orm";
import type { Tx } from "../client";
import { adminSessions, adminUsers } from "../schema";

export type SessionKind = "session" | "api";

export function countAdminUsers(db: Tx): number {
  return db.select({ n: count() }).from(adminUsers).get()?.n ?? 0;
}

export function createAdminUser(db: Tx, username: string, passwordHash: string) {
  return db.insert(adminUsers).values({ username, passwordHash }).returning({ id: adminUsers.id }).get();
}

export function getAdminByUsername(db: Tx, username: string) {
  return db.select().from(adminUsers).where(eq(adminUsers.username, username)).get();
}

/** Counts a failed sign-in; the account locks once `maxFailures` is reached. */
export function recordSignInFailure(db: Tx, userId: number, maxFailures: number, lockUntil: string) {
  db.transaction((tx) => {
    const user = tx.select({ failures: adminUsers.failures }).from(adminUsers).where(eq(adminUsers.id, userId)).get();
    const failures = (user?.failures ?? 0) + 1;
    tx.update(adminUsers)
      .set(failures >= maxFailures ? { failures: 0, lockExpires: lockUntil } : { failures })
      .where(eq(adminUsers.id, userId))
      .run();
  });
}

export function clearSignInFailures(db: Tx, userId: number) {
  db.update(adminUsers).set({ failures: 0, lockExpires: null }).where(eq(adminUsers.id, userId)).run();
}

export function createSession(db: Tx, row: { tokenHash: string; kind: SessionKind; userId: number; expiresAt: string }) {
  db.insert(adminSessions).values(row).run();
}

/** The active admin behind a session or token hash, or null when unknown, expired or disabled. */
export function getSessionUser(db: Tx, tokenHash: string, kind: SessionKind, nowIso: string) {
  return (
    db
      .select({ id: adminUsers.id, username: adminUsers.username })
      .from(adminSessions)
      .innerJoin(adminUsers, eq(adminUsers.id, adminSessions.userId))
      .where(
        and(
          eq(adminSessions.tokenHash, tokenHash),
          eq(adminSessions.kind, kind),
          gt(adminSessions.expiresAt, nowIso),
          eq(adminUsers.isActive, true),
        ),
      )
      .get() ?? null
  );
}

export function deleteSession(db: Tx, tokenHash: string) {
  db.delete(adminSessions).where(eq(adminSessions.tokenHash, tokenHash)).run();
}

export function deleteExpiredSessions(db: Tx, nowIso: string) {
  db.delete(adminSessions).where(lt(adminSessions.expiresAt, nowIso)).run();
}
