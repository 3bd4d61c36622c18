import { and, asc, count, eq, ne } from "drizzle-orm";
import { ADMINISTRATORS_ROLE_ID, parseResources, withAncestors, type AclResource } from "@/lib/auth/acl";
import type { AuditChange } from "@/lib/validation/action-log";
import type { RoleValues } from "@/lib/validation/permissions";
import { notFound, Refusal } from "@/lib/refusal";
import { transaction, type Conn, type Tx } from "../connection";
import { adminRoles, adminUsers } from "../schema";
import { assertAdministratorRemains } from "./admin-users";
import { writeAudit, type AuditEntry } from "./audit";

/* System > Permissions > User Roles: the roles and what they grant (lib/auth/acl.ts). */

type Actor = AuditEntry["actor"];

const ROLE_NOT_FOUND = "This role no longer exists.";
const BUILT_IN = "The Administrators role always has access to all resources: it cannot be changed or deleted.";

export interface RoleListRow {
  id: number;
  name: string;
  allResources: boolean;
  users: number;
}

/** Every role by name, with how many users have it. */
export async function listAdminRoles(db: Conn): Promise<RoleListRow[]> {
  const roles = await db
    .select({ id: adminRoles.id, name: adminRoles.name, allResources: adminRoles.allResources })
    .from(adminRoles)
    .orderBy(asc(adminRoles.name), asc(adminRoles.id));
  const counts = await db.select({ roleId: adminUsers.roleId, n: count() }).from(adminUsers).groupBy(adminUsers.roleId);
  return roles.map((role) => ({ ...role, users: counts.find((c) => c.roleId === role.id)?.n ?? 0 }));
}

export interface AdminRole {
  id: number;
  name: string;
  allResources: boolean;
  resources: AclResource[];
}

export async function getAdminRole(db: Conn, id: number): Promise<AdminRole | undefined> {
  const [row] = await db.select().from(adminRoles).where(eq(adminRoles.id, id)).limit(1);
  return row && { id: row.id, name: row.name, allResources: row.allResources, resources: parseResources(row.resources) };
}

/** The role of `npm run admin -- create USER --role NAME`. */
export async function getAdminRoleByName(db: Conn, name: string): Promise<AdminRole | undefined> {
  const [row] = await db.select({ id: adminRoles.id }).from(adminRoles).where(eq(adminRoles.name, name)).limit(1);
  return row && getAdminRole(db, row.id);
}

const accessText = (all: boolean) => (all ? "All" : "Custom");

/** Field by field, what the Action Log shows: only what changed (everything, for a new role). */
function roleChanges(before: AdminRole | undefined, after: Omit<AdminRole, "id">): AuditChange[] {
  const rows: AuditChange[] = [
    { field: "role_name", label: "Role Name", old: before?.name ?? null, new: after.name },
    { field: "all_resources", label: "Resource Access", old: before ? accessText(before.allResources) : null, new: accessText(after.allResources) },
    { field: "resources", label: "Resources", old: before ? before.resources.join(", ") : null, new: after.resources.join(", ") },
  ];
  return rows.filter((c) => c.old !== c.new);
}

async function assertNameFree(tx: Tx, name: string, id: number | null): Promise<void> {
  const [taken] = await tx
    .select({ id: adminRoles.id })
    .from(adminRoles)
    .where(and(eq(adminRoles.name, name), id === null ? undefined : ne(adminRoles.id, id)))
    .limit(1);
  if (taken) throw new Refusal("invalid", 'A role with the name "%name" already exists.', { parameters: { name }, field: "roleName" });
}

/**
 * New Role (id null) or Edit Role; answers the id. The ticked resources are kept with their
 * ancestors (also under All, for when the role is set back to Custom). Refused when it would
 * leave no active user with access to all resources.
 */
export async function saveAdminRole(db: Conn, id: number | null, values: Omit<RoleValues, "currentPassword">, actor: Actor): Promise<number> {
  return transaction(db, async (tx) => {
    if (id === ADMINISTRATORS_ROLE_ID) throw new Refusal("not_allowed", BUILT_IN);
    const before = id === null ? undefined : await getAdminRole(tx, id);
    if (id !== null && !before) throw notFound(ROLE_NOT_FOUND);
    await assertNameFree(tx, values.roleName, id);
    const resources = withAncestors(values.resources);
    const columns = { name: values.roleName, allResources: values.allResources, resources: JSON.stringify(resources) };
    let saved = id;
    if (saved === null) {
      [{ id: saved }] = await tx.insert(adminRoles).values(columns).returning({ id: adminRoles.id });
    } else {
      await tx.update(adminRoles).set(columns).where(eq(adminRoles.id, saved));
    }
    await assertAdministratorRemains(tx, "allResources");
    const changes = roleChanges(before, { name: values.roleName, allResources: values.allResources, resources });
    await writeAudit(tx, { actor, action: id === null ? "create" : "update", entityType: "admin_role", entityId: saved, changes });
    return saved;
  });
}

/** Deletes a role no user has; the built-in Administrators role is never deleted. */
export async function deleteAdminRole(db: Conn, id: number, actor: Actor): Promise<void> {
  await transaction(db, async (tx) => {
    if (id === ADMINISTRATORS_ROLE_ID) throw new Refusal("not_allowed", BUILT_IN);
    const role = await getAdminRole(tx, id);
    if (!role) throw notFound(ROLE_NOT_FOUND);
    const [{ n }] = await tx.select({ n: count() }).from(adminUsers).where(eq(adminUsers.roleId, id));
    if (n > 0) {
      throw new Refusal("conflict", 'You can\'t delete the role "%name": %count user(s) have it. Give them another role first.', {
        parameters: { name: role.name, count: n },
      });
    }
    await tx.delete(adminRoles).where(eq(adminRoles.id, id));
    await writeAudit(tx, { actor, action: "delete", entityType: "admin_role", entityId: id, details: { name: role.name } });
  });
}
