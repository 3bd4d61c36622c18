import { and, count, eq, gt, lt } from "drizzle-orm";
import { transaction, type Conn } from "../connection";
import { adminSessions, adminUsers } from "../schema";

export type SessionKind = "session" | "api";

export async function countAdminUsers(db: Conn): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(adminUsers);
  return n;
}

export async function createAdminUser(db: Conn, username: string, passwordHash: string) {
  return transaction(db, async (tx) => {
    const [created] = await tx.insert(adminUsers).values({ username, passwordHash }).returning({ id: adminUsers.id });
    return created;
  });
}

export async function getAdminByUsername(db: Conn, username: string) {
  const [user] = await db.select().from(adminUsers).where(eq(adminUsers.username, username)).limit(1);
  return user;
}

/** Counts a failed sign-in; the account locks once `maxFailures` is reached. */
export async function recordSignInFailure(db: Conn, userId: number, maxFailures: number, lockUntil: string) {
  await transaction(db, async (tx) => {
    const [user] = await tx.select({ failures: adminUsers.failures }).from(adminUsers).where(eq(adminUsers.id, userId)).limit(1);
    const failures = (user?.failures ?? 0) + 1;
    await tx
      .update(adminUsers)
      .set(failures >= maxFailures ? { failures: 0, lockExpires: lockUntil } : { failures })
      .where(eq(adminUsers.id, userId));
  });
}

export async function clearSignInFailures(db: Conn, userId: number) {
  await transaction(db, async (tx) => {
    await tx.update(adminUsers).set({ failures: 0, lockExpires: null }).where(eq(adminUsers.id, userId));
  });
}

/** Stores a session or API token, dropping the expired ones on the way. */
export async function createSession(db: Conn, row: { tokenHash: string; kind: SessionKind; userId: number; expiresAt: string }, nowIso: string) {
  await transaction(db, async (tx) => {
    await tx.delete(adminSessions).where(lt(adminSessions.expiresAt, nowIso));
    await tx.insert(adminSessions).values(row);
  });
}

/** The active admin behind a session or token hash, or null when unknown, expired or disabled. */
export async function getSessionUser(db: Conn, tokenHash: string, kind: SessionKind, nowIso: string) {
  const [user] = await db
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
    .limit(1);
  return user ?? null;
}

export async function deleteSession(db: Conn, tokenHash: string) {
  await transaction(db, async (tx) => {
    await tx.delete(adminSessions).where(eq(adminSessions.tokenHash, tokenHash));
  });
}
