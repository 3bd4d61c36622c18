import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import type { AuditChange } from "@/lib/validation/action-log";
import { INTERFACE_LOCALES, type InterfaceLocale, type UserValues } from "@/lib/validation/permissions";
import { notFound, Refusal } from "@/lib/refusal";
import { transaction, type Conn, type Tx } from "../connection";
import { adminRoles, adminUsers } from "../schema";
import { writeAudit, type AuditEntry } from "./audit";
import { clearSignInFailures, setAdminActive, setAdminPassword } from "./auth";

/* System > Permissions > All Users. Accounts are disabled, never deleted (orders and credit memos name them). */

type Actor = NonNullable<AuditEntry["actor"]>;

const USER_NOT_FOUND = "This user no longer exists.";
const TAKEN = "A user with the same user name or email already exists.";
const LAST_ADMINISTRATOR =
  "This would leave no active user whose role has access to all resources. Give another active user such a role first.";
const OWN_ACCOUNT = "You can't disable your own account.";

/**
 * The rule behind every change of a user's status or role and of a role's access: at least one
 * active user keeps a role with access to all resources, so someone can still manage
 * permissions. Checked after the write, inside its transaction: a refusal rolls it back.
 */
export async function assertAdministratorRemains(tx: Tx, field: string): Promise<void> {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(adminUsers)
    .innerJoin(adminRoles, eq(adminRoles.id, adminUsers.roleId))
    .where(and(eq(adminUsers.isActive, true), eq(adminRoles.allResources, true)));
  if (n === 0) throw new Refusal("not_allowed", LAST_ADMINISTRATOR, { field });
}

/** What the grid and the form both show of an account (with its role's name: join adminRoles). */
const ACCOUNT = {
  id: adminUsers.id,
  username: adminUsers.username,
  firstName: adminUsers.firstName,
  lastName: adminUsers.lastName,
  email: adminUsers.email,
  roleName: adminRoles.name,
  isActive: adminUsers.isActive,
};

export interface UserListRow {
  id: number;
  username: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  roleName: string | null;
  isActive: boolean;
  /** Locked by too many failed sign-ins until this time (ISO), or null. */
  lockedUntil: string | null;
}

/** Every account by id (Magento's grid order), with its role; a lock that has expired is not shown. */
export async function listAdminUsers(db: Conn, now = new Date()): Promise<UserListRow[]> {
  const rows = await db
    .select({ ...ACCOUNT, lockExpires: adminUsers.lockExpires })
    .from(adminUsers)
    .leftJoin(adminRoles, eq(adminRoles.id, adminUsers.roleId))
    .orderBy(asc(adminUsers.id));
  const nowIso = now.toISOString();
  return rows.map(({ lockExpires, ...row }) => ({ ...row, lockedUntil: lockExpires !== null && lockExpires > nowIso ? lockExpires : null }));
}

export interface AdminUserRecord {
  id: number;
  username: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  roleId: number | null;
  roleName: string | null;
  interfaceLocale: InterfaceLocale;
  isActive: boolean;
}

export async function getAdminUser(db: Conn, id: number): Promise<AdminUserRecord | undefined> {
  const [row] = await db
    .select({ ...ACCOUNT, roleId: adminUsers.roleId, interfaceLocale: adminUsers.interfaceLocale })
    .from(adminUsers)
    .leftJoin(adminRoles, eq(adminRoles.id, adminUsers.roleId))
    .where(eq(adminUsers.id, id))
    .limit(1);
  return row;
}

/** The form's values as stored: no password (that is `passwordHash`) and no identity check. */
export type UserSave = Omit<UserValues, "password" | "passwordConfirmation" | "currentPassword">;

const localeLabel = (locale: string) => INTERFACE_LOCALES.find((l) => l.value === locale)?.label ?? locale;
const statusText = (active: boolean) => (active ? "Active" : "Inactive");

function userChanges(before: AdminUserRecord | undefined, after: UserSave, roleName: string, newPassword: boolean): AuditChange[] {
  const rows: AuditChange[] = [
    { field: "username", label: "User Name", old: before?.username ?? null, new: after.username },
    { field: "firstname", label: "First Name", old: before?.firstName ?? null, new: after.firstName },
    { field: "lastname", label: "Last Name", old: before?.lastName ?? null, new: after.lastName },
    { field: "email", label: "Email", old: before?.email ?? null, new: after.email },
    { field: "role", label: "Role", old: before?.roleName ?? null, new: roleName },
    { field: "is_active", label: "Status", old: before ? statusText(before.isActive) : null, new: statusText(after.isActive) },
    { field: "interface_locale", label: "Interface Locale", old: before ? localeLabel(before.interfaceLocale) : null, new: localeLabel(after.interfaceLocale) },
  ];
  const changed = rows.filter((c) => c.old !== c.new);
  return before && newPassword ? [...changed, { field: "password", label: "New password set", old: false, new: true }] : changed;
}

/** The user name and the email (case aside) belong to no other account. */
async function assertUnique(tx: Tx, values: UserSave, id: number | null): Promise<void> {
  const other = id === null ? undefined : ne(adminUsers.id, id);
  const [byName] = await tx.select({ id: adminUsers.id }).from(adminUsers).where(and(eq(adminUsers.username, values.username), other)).limit(1);
  if (byName) throw new Refusal("invalid", TAKEN, { field: "username" });
  const [byEmail] = await tx
    .select({ id: adminUsers.id })
    .from(adminUsers)
    .where(and(sql`lower(${adminUsers.email}) = ${values.email.toLowerCase()}`, other))
    .limit(1);
  if (byEmail) throw new Refusal("invalid", TAKEN, { field: "email" });
}

async function roleNameOf(tx: Tx, roleId: number): Promise<string> {
  const [role] = await tx.select({ name: adminRoles.name }).from(adminRoles).where(eq(adminRoles.id, roleId)).limit(1);
  if (!role) throw new Refusal("invalid", "This role no longer exists. Choose another.", { field: "roleId" });
  return role.name;
}

/**
 * New User (id null, with `passwordHash`) or Edit User; answers the id. A new password ends the
 * account's sessions and tokens (but `keepSession`, the browser of an admin saving their own
 * account); so does disabling it. Refused when it would leave no active user with access to all
 * resources, or when the admin disables their own account.
 */
export async function saveAdminUser(
  db: Conn,
  id: number | null,
  values: UserSave,
  actor: Actor,
  password?: { hash: string; keepSession?: string },
): Promise<number> {
  return transaction(db, async (tx) => {
    const before = id === null ? undefined : await getAdminUser(tx, id);
    if (id !== null && !before) throw notFound(USER_NOT_FOUND);
    if (id === actor.id && !values.isActive) throw new Refusal("not_allowed", OWN_ACCOUNT, { field: "isActive" });
    await assertUnique(tx, values, id);
    const roleName = await roleNameOf(tx, values.roleId);
    const { isActive, ...columns } = values;
    let saved = id;
    if (saved === null) {
      if (!password) throw new Error("A new user needs a password.");
      [{ id: saved }] = await tx.insert(adminUsers).values({ ...columns, isActive, passwordHash: password.hash }).returning({ id: adminUsers.id });
    } else {
      await tx.update(adminUsers).set(columns).where(eq(adminUsers.id, saved));
      await setAdminActive(tx, saved, isActive);
      if (password) await setAdminPassword(tx, saved, password.hash, password.keepSession);
    }
    await assertAdministratorRemains(tx, before && before.roleId !== values.roleId ? "roleId" : "isActive");
    const changes = userChanges(before, values, roleName, password !== undefined);
    await writeAudit(tx, { actor, action: id === null ? "create" : "update", entityType: "admin_user", entityId: saved, changes });
    return saved;
  });
}

/**
 * Account Setting's Interface Locale: the signed-in admin's own account only (the id is the
 * session's, never the browser's), audited as an Edit User of that account. No change, no entry.
 */
export async function setOwnInterfaceLocale(db: Conn, actor: Actor, locale: InterfaceLocale): Promise<void> {
  await transaction(db, async (tx) => {
    const before = await getAdminUser(tx, actor.id);
    if (!before) throw notFound(USER_NOT_FOUND);
    if (before.interfaceLocale === locale) return;
    await tx.update(adminUsers).set({ interfaceLocale: locale }).where(eq(adminUsers.id, actor.id));
    const changes: AuditChange[] = [
      { field: "interface_locale", label: "Interface Locale", old: localeLabel(before.interfaceLocale), new: localeLabel(locale) },
    ];
    await writeAudit(tx, { actor, action: "update", entityType: "admin_user", entityId: actor.id, changes });
  });
}

/** The grid's Disable / Enable: disabling ends the account's sessions and tokens at once. */
export async function setAdminUserActive(db: Conn, id: number, isActive: boolean, actor: Actor): Promise<void> {
  await transaction(db, async (tx) => {
    const before = await getAdminUser(tx, id);
    if (!before) throw notFound(USER_NOT_FOUND);
    if (id === actor.id && !isActive) throw new Refusal("not_allowed", OWN_ACCOUNT);
    await setAdminActive(tx, id, isActive);
    await assertAdministratorRemains(tx, "isActive");
    const changes: AuditChange[] = [{ field: "is_active", label: "Status", old: statusText(before.isActive), new: statusText(isActive) }];
    await writeAudit(tx, { actor, action: isActive ? "enable" : "disable", entityType: "admin_user", entityId: id, changes });
  });
}

/** The grid's Unlock: lifts a lockout after too many failed sign-ins. */
export async function unlockAdminUser(db: Conn, id: number, actor: Actor): Promise<void> {
  await transaction(db, async (tx) => {
    if (!(await getAdminUser(tx, id))) throw notFound(USER_NOT_FOUND);
    await clearSignInFailures(tx, id);
    await writeAudit(tx, { actor, action: "unlock", entityType: "admin_user", entityId: id });
  });
}
