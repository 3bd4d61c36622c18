import { and, count, eq, gt, lt, ne } from "drizzle-orm";
import { ADMINISTRATORS_ROLE_ID, NO_ACCESS, parseResources, type RoleAcl } from "@/lib/auth/acl";
import { transaction, type Conn } from "../connection";
import { adminRoles, adminSessions, adminUsers } from "../schema";

export type SessionKind = "session" | "api";

export async function countAdminUsers(db: Conn): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(adminUsers);
  return n;
}

/** An account with only a name and a password (the first admin, the command line, tests); an Administrator unless `roleId` says otherwise. */
export async function createAdminUser(db: Conn, username: string, passwordHash: string, roleId = ADMINISTRATORS_ROLE_ID) {
  return transaction(db, async (tx) => {
    const [created] = await tx.insert(adminUsers).values({ username, passwordHash, roleId }).returning({ id: adminUsers.id });
    return created;
  });
}

export async function getAdminByUsername(db: Conn, username: string) {
  const [user] = await db.select().from(adminUsers).where(eq(adminUsers.username, username)).limit(1);
  return user;
}

/** A sign-in attempt on a known account: its hash to check, or refused before any check. */
interface SignInAttempt {
  userId: number;
  username: string;
  passwordHash: string;
  /** Locked or disabled: the password must not let it in, whatever it is. */
  refused: boolean;
}

/**
 * Decides, under the write lock, whether an attempt may check a password, and counts it as a
 * failure before the check: the lock of Magento's lockout can never be read as open by an
 * attempt whose failure is not yet recorded. Of any number of parallel attempts, only the first
 * `maxFailures` reach a password check; the one that reaches `maxFailures` locks the account
 * until `lockUntil`. A right password then clears the count (recordSignInSuccess); a crash
 * between the two leaves a failure counted, never a lock missing. Undefined for an unknown user.
 */
export async function reserveSignInAttempt(
  db: Conn,
  username: string,
  nowIso: string,
  lockout: { maxFailures: number; lockUntil: string },
): Promise<SignInAttempt | undefined> {
  return transaction(db, async (tx) => {
    const user = await getAdminByUsername(tx, username);
    if (!user) return undefined;
    const attempt = { userId: user.id, username: user.username, passwordHash: user.passwordHash };
    const locked = user.lockExpires !== null && user.lockExpires > nowIso;
    if (locked || !user.isActive) return { ...attempt, refused: true };
    // Reaching the limit locks and starts the count again for after the lock.
    const failures = user.failures + 1;
    await tx
      .update(adminUsers)
      .set(failures >= lockout.maxFailures ? { failures: 0, lockExpires: lockout.lockUntil } : { failures })
      .where(eq(adminUsers.id, user.id));
    return { ...attempt, refused: false };
  });
}

/**
 * A right password: the failure count and any lock are cleared; a hash made at an older cost is
 * replaced by `rehash.to`, unless the password was changed meanwhile.
 */
export async function recordSignInSuccess(db: Conn, userId: number, rehash?: { from: string; to: string }) {
  await transaction(db, async (tx) => {
    await tx.update(adminUsers).set({ failures: 0, lockExpires: null }).where(eq(adminUsers.id, userId));
    if (rehash) {
      await tx
        .update(adminUsers)
        .set({ passwordHash: rehash.to })
        .where(and(eq(adminUsers.id, userId), eq(adminUsers.passwordHash, rehash.from)));
    }
  });
}

/** Lifts a lockout: `npm run admin -- unlock`, and tests that locked an account on purpose. */
export async function clearSignInFailures(db: Conn, userId: number) {
  await transaction(db, async (tx) => {
    await tx.update(adminUsers).set({ failures: 0, lockExpires: null }).where(eq(adminUsers.id, userId));
  });
}

/**
 * A new password for the account: every session and token of the account ends, except the
 * browser session `keepSession` (the admin who changed their own password stays signed in).
 */
export async function setAdminPassword(db: Conn, userId: number, passwordHash: string, keepSession?: string) {
  await transaction(db, async (tx) => {
    await tx.update(adminUsers).set({ passwordHash }).where(eq(adminUsers.id, userId));
    const others = keepSession ? ne(adminSessions.tokenHash, keepSession) : undefined;
    await tx.delete(adminSessions).where(and(eq(adminSessions.userId, userId), others));
  });
}

/** Enables or disables an account; disabling ends its sessions and tokens. */
export async function setAdminActive(db: Conn, userId: number, isActive: boolean) {
  await transaction(db, async (tx) => {
    await tx.update(adminUsers).set({ isActive }).where(eq(adminUsers.id, userId));
    if (!isActive) await tx.delete(adminSessions).where(eq(adminSessions.userId, userId));
  });
}

/**
 * Stores a session or API token, dropping the expired ones on the way. `replaces` is the session
 * the browser held before this sign-in: it ends in the same transaction.
 */
export async function createSession(
  db: Conn,
  row: { tokenHash: string; kind: SessionKind; userId: number; expiresAt: string },
  nowIso: string,
  replaces?: string,
) {
  await transaction(db, async (tx) => {
    await tx.delete(adminSessions).where(lt(adminSessions.expiresAt, nowIso));
    if (replaces) await tx.delete(adminSessions).where(and(eq(adminSessions.tokenHash, replaces), eq(adminSessions.kind, "session")));
    await tx.insert(adminSessions).values({ ...row, lastSeenAt: nowIso });
  });
}

/**
 * The active admin behind a session or token hash, with what their role grants, or null when
 * unknown, expired or disabled, or, given `idleSinceIso`, not seen since then (a browser
 * session's idle timeout). Read on every request: a role's change applies at once.
 */
export async function getSessionUser(
  db: Conn,
  tokenHash: string,
  kind: SessionKind,
  nowIso: string,
  idleSinceIso?: string,
): Promise<{ id: number; username: string; lastSeenAt: string | null; acl: RoleAcl; locale: string } | null> {
  const [user] = await db
    .select({
      id: adminUsers.id,
      username: adminUsers.username,
      locale: adminUsers.interfaceLocale,
      lastSeenAt: adminSessions.lastSeenAt,
      allResources: adminRoles.allResources,
      resources: adminRoles.resources,
    })
    .from(adminSessions)
    .innerJoin(adminUsers, eq(adminUsers.id, adminSessions.userId))
    .leftJoin(adminRoles, eq(adminRoles.id, adminUsers.roleId))
    .where(
      and(
        eq(adminSessions.tokenHash, tokenHash),
        eq(adminSessions.kind, kind),
        gt(adminSessions.expiresAt, nowIso),
        idleSinceIso === undefined ? undefined : gt(adminSessions.lastSeenAt, idleSinceIso),
        eq(adminUsers.isActive, true),
      ),
    )
    .limit(1);
  if (!user) return null;
  const { allResources, resources, ...rest } = user;
  const acl = allResources === null || resources === null ? NO_ACCESS : { allResources, resources: parseResources(resources) };
  return { ...rest, acl };
}

/** What an account's role grants (an account without a role: nothing). */
export async function getAdminAcl(db: Conn, userId: number): Promise<RoleAcl> {
  const [role] = await db
    .select({ allResources: adminRoles.allResources, resources: adminRoles.resources })
    .from(adminUsers)
    .innerJoin(adminRoles, eq(adminRoles.id, adminUsers.roleId))
    .where(eq(adminUsers.id, userId))
    .limit(1);
  return role ? { allResources: role.allResources, resources: parseResources(role.resources) } : NO_ACCESS;
}

/** Records a browser session's request, for its idle timeout. */
export async function touchSession(db: Conn, tokenHash: string, nowIso: string) {
  await transaction(db, async (tx) => {
    await tx.update(adminSessions).set({ lastSeenAt: nowIso }).where(eq(adminSessions.tokenHash, tokenHash));
  });
}

export async function deleteSession(db: Conn, tokenHash: string) {
  await transaction(db, async (tx) => {
    await tx.delete(adminSessions).where(eq(adminSessions.tokenHash, tokenHash));
  });
}
