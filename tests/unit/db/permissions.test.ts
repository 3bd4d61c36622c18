import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { count, eq } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { transaction, type Db } from "@/db/connection";
import { deleteAdminRole, getAdminRole, listAdminRoles, saveAdminRole } from "@/db/queries/admin-roles";
import { getAdminUser, listAdminUsers, saveAdminUser, setAdminUserActive, unlockAdminUser, type UserSave } from "@/db/queries/admin-users";
import { createAdminUser, getAdminByUsername, getSessionUser } from "@/db/queries/auth";
import { resetDatabase } from "@/db/reset";
import { adminRoles, adminSessions, adminUsers, auditLog } from "@/db/schema";
import { ADMINISTRATORS_ROLE_ID, ALL_ACCESS, type AclResource } from "@/lib/auth/acl";
import { API_TOKEN_TTL_MS, hashSecret } from "@/lib/auth/tokens";
import { issueSecret } from "@/server/auth/sign-in";
import { refused } from "./refused";
import { prepareDatabase } from "@/db/prepare";
import { emptyDb, locationOf, tempDb, tempLocation } from "./temp-db";

const LAST_ADMINISTRATOR =
  "This would leave no active user whose role has access to all resources. Give another active user such a role first.";
const TAKEN = "A user with the same user name or email already exists.";
const CUSTOM = { allResources: false, resources: [] as AclResource[] };

/** A database with the first admin (an Administrator, as the first start makes it) as the actor. */
async function withAdmin(): Promise<{ db: Db; admin: { id: number; username: string } }> {
  const db = await tempDb("none");
  const { id } = await createAdminUser(db, "admin", "not-a-real-hash");
  return { db, admin: { id, username: "admin" } };
}

const warehouse = { roleName: "Warehouse", allResources: false, resources: ["Magento_InventoryApi::source", "Magento_Catalog::products"] as AclResource[] };

function clerk(roleId: number, more: Partial<UserSave> = {}): UserSave {
  return { username: "clerk", firstName: "Cleo", lastName: "Clerk", email: "cleo@example.com", roleId, interfaceLocale: "en_US", isActive: true, ...more };
}

/** A new API token of the account: the hash its requests are looked up by. */
async function tokenOf(db: Db, userId: number): Promise<string> {
  return hashSecret((await issueSecret(db, userId, "api", API_TOKEN_TTL_MS)).secret);
}

/** What a refused write must leave as it was. */
async function stored(db: Db) {
  const users = await db.select().from(adminUsers).orderBy(adminUsers.id);
  const roles = await db.select().from(adminRoles).orderBy(adminRoles.id);
  const [{ n: audits }] = await db.select({ n: count() }).from(auditLog);
  const [{ n: sessions }] = await db.select({ n: count() }).from(adminSessions);
  return { users, roles, audits, sessions };
}

const hash = "scrypt$1024$8$1$c2FsdA$a2V5";

/**
 * Runs every migration's statements on a new database, inserting an account (as the admin of
 * an existing store) just before the migration that brought roles; answers that account's role.
 */
async function roleAfterMigrating(): Promise<unknown> {
  const location = await tempLocation();
  const engine = /^postgres/.test(location) ? "pg" : "sqlite";
  const migrations = readMigrationFiles({ migrationsFolder: path.join(process.cwd(), "db", "migrations", engine) });
  const rolesAt = migrations.findIndex((m) => m.sql.some((statement) => statement.includes("CREATE TABLE") && statement.includes("admin_roles")));
  const existing = `INSERT INTO admin_users (username, password_hash) VALUES ('owner', 'x')`;
  const statements = migrations.flatMap((m, i) => [...(i === rolesAt ? [existing] : []), ...m.sql.filter((q) => q.trim())]);
  const select = "SELECT role_id FROM admin_users WHERE username = 'owner'";
  if (engine === "sqlite") {
    const sqlite = new Database(location);
    try {
      for (const statement of statements) sqlite.exec(statement);
      // better-sqlite3's own statement, before drizzle is involved (as db/migrate.ts).
      // eslint-disable-next-line no-restricted-syntax
      return (sqlite.prepare(select).get() as { role_id: unknown }).role_id;
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
    return (await client.query<{ role_id: unknown }>(select)).rows[0].role_id;
  } finally {
    await client.end();
  }
}

describe("roles", () => {
  it("an account from before roles is an Administrator after the migration", async () => {
    expect(await roleAfterMigrating()).toBe(ADMINISTRATORS_ROLE_ID);
  });

  it("the first admin from ADMIN_USERNAME / ADMIN_PASSWORD on an empty database is an Administrator", async () => {
    const db = await emptyDb();
    await prepareDatabase(db, { seed: "none", adminUsername: "owner", adminPassword: "owner-Secret-1", log: () => {} });
    expect((await getAdminByUsername(db, "owner"))?.roleId).toBe(ADMINISTRATORS_ROLE_ID);
  }, 30_000);

  it("the first migration brings Administrators (All), and accounts made with only a name and password are Administrators", async () => {
    const { db, admin } = await withAdmin();
    expect(await getAdminRole(db, ADMINISTRATORS_ROLE_ID)).toEqual({ id: 1, name: "Administrators", allResources: true, resources: [] });
    expect(await getAdminUser(db, admin.id)).toMatchObject({ roleId: 1, roleName: "Administrators", interfaceLocale: "en_US" });
  });

  it("a custom role keeps the ticked resources with their ancestors, and the save is logged", async () => {
    const { db, admin } = await withAdmin();
    const id = await saveAdminRole(db, null, warehouse, admin);
    expect((await getAdminRole(db, id))?.resources).toEqual([
      "Magento_Catalog::catalog",
      "Magento_Catalog::catalog_inventory",
      "Magento_Catalog::products",
      "Magento_Backend::stores",
      "Magento_InventoryApi::inventory",
      "Magento_InventoryApi::source",
    ]);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityType, "admin_role"));
    expect(entry).toMatchObject({ action: "create", entityId: String(id), username: "admin" });
    expect(JSON.parse(entry.changes!)).toContainEqual({ field: "role_name", label: "Role Name", old: null, new: "Warehouse" });
  });

  it("a name is used once", async () => {
    const { db, admin } = await withAdmin();
    await saveAdminRole(db, null, warehouse, admin);
    const before = await stored(db);
    const refusal = await refused(saveAdminRole(db, null, warehouse, admin));
    expect(refusal).toMatchObject({ field: "roleName", message: 'A role with the name "Warehouse" already exists.' });
    expect(await stored(db)).toEqual(before);
  });

  it.each([
    ["changed", (db: Db, admin: { id: number; username: string }) => saveAdminRole(db, 1, { roleName: "Admins", ...CUSTOM }, admin)],
    ["deleted", (db: Db, admin: { id: number; username: string }) => deleteAdminRole(db, 1, admin)],
  ])("the built-in Administrators role cannot be %s", async (_what, write) => {
    const { db, admin } = await withAdmin();
    const before = await stored(db);
    expect((await refused(write(db, admin))).message).toBe(
      "The Administrators role always has access to all resources: it cannot be changed or deleted.",
    );
    expect(await stored(db)).toEqual(before);
  });

  it("a role that users have cannot be deleted; once they have another, it can", async () => {
    const { db, admin } = await withAdmin();
    const roleId = await saveAdminRole(db, null, warehouse, admin);
    const userId = await saveAdminUser(db, null, clerk(roleId), admin, { hash });
    const before = await stored(db);
    expect((await refused(deleteAdminRole(db, roleId, admin))).message).toBe(
      'You can\'t delete the role "Warehouse": 1 user(s) have it. Give them another role first.',
    );
    expect(await stored(db)).toEqual(before);
    await saveAdminUser(db, userId, clerk(ADMINISTRATORS_ROLE_ID), admin);
    await deleteAdminRole(db, roleId, admin);
    expect((await listAdminRoles(db)).map((r) => [r.name, r.users])).toEqual([["Administrators", 2]]);
  });
});

describe("users", () => {
  it("New User stores the account with its role, its hash and its locale; the grid lists it", async () => {
    const { db, admin } = await withAdmin();
    const roleId = await saveAdminRole(db, null, warehouse, admin);
    const id = await saveAdminUser(db, null, clerk(roleId, { interfaceLocale: "nl_NL" }), admin, { hash });
    expect(await getAdminUser(db, id)).toMatchObject({ username: "clerk", email: "cleo@example.com", roleName: "Warehouse", interfaceLocale: "nl_NL" });
    const [row] = await db.select({ passwordHash: adminUsers.passwordHash }).from(adminUsers).where(eq(adminUsers.id, id));
    expect(row.passwordHash).toBe(hash);
    expect((await listAdminUsers(db)).map((u) => [u.username, u.roleName, u.isActive])).toEqual([
      ["admin", "Administrators", true],
      ["clerk", "Warehouse", true],
    ]);
  });

  it.each([
    ["the user name", { username: "admin" }, "username"],
    ["the email, whatever its case", { email: "CLEO@example.com" }, "email"],
  ])("%s of another account is refused", async (_what, change, field) => {
    const { db, admin } = await withAdmin();
    await saveAdminUser(db, null, clerk(1), admin, { hash });
    const before = await stored(db);
    const refusal = await refused(saveAdminUser(db, null, clerk(1, { username: "clerk2", ...change }), admin, { hash }));
    expect(refusal).toMatchObject({ field, message: TAKEN });
    expect(await stored(db)).toEqual(before);
  });

  it("a role that no longer exists is refused at the Role field", async () => {
    const { db, admin } = await withAdmin();
    expect(await refused(saveAdminUser(db, null, clerk(99), admin, { hash }))).toMatchObject({ field: "roleId" });
  });

  it("a new password or disabling ends the account's sessions and tokens", async () => {
    const { db, admin } = await withAdmin();
    const id = await saveAdminUser(db, null, clerk(1), admin, { hash });
    const token = await tokenOf(db, id);
    const now = new Date().toISOString();
    expect(await getSessionUser(db, token, "api", now)).toMatchObject({ id, acl: ALL_ACCESS });
    await saveAdminUser(db, id, clerk(1), admin, { hash: "scrypt$1024$8$1$b3RoZXI$b3RoZXI" });
    expect(await getSessionUser(db, token, "api", now)).toBeNull();
    const again = await tokenOf(db, id);
    await setAdminUserActive(db, id, false, admin);
    expect(await getSessionUser(db, again, "api", now)).toBeNull();
    expect((await getAdminUser(db, id))?.isActive).toBe(false);
  });

  it("a role's change applies to the next request of its users' sessions", async () => {
    const { db, admin } = await withAdmin();
    const roleId = await saveAdminRole(db, null, warehouse, admin);
    const id = await saveAdminUser(db, null, clerk(roleId), admin, { hash });
    const token = await tokenOf(db, id);
    const now = new Date().toISOString();
    expect((await getSessionUser(db, token, "api", now))?.acl.resources).toContain("Magento_Catalog::products");
    await saveAdminRole(db, roleId, { ...warehouse, resources: ["Magento_Sales::ship"] }, admin);
    const acl = (await getSessionUser(db, token, "api", now))?.acl;
    expect(acl?.resources).not.toContain("Magento_Catalog::products");
    expect(acl?.resources).toContain("Magento_Sales::ship");
  });

  it("an admin cannot disable their own account", async () => {
    const { db, admin } = await withAdmin();
    await saveAdminUser(db, null, clerk(1), admin, { hash });
    const before = await stored(db);
    expect((await refused(setAdminUserActive(db, admin.id, false, admin))).message).toBe("You can't disable your own account.");
    expect(await stored(db)).toEqual(before);
  });

  it("Unlock clears a lockout and is logged", async () => {
    const { db, admin } = await withAdmin();
    const id = await saveAdminUser(db, null, clerk(1), admin, { hash });
    await lockAccount(db, id);
    expect((await listAdminUsers(db)).find((u) => u.id === id)?.lockedUntil).not.toBeNull();
    await unlockAdminUser(db, id, admin);
    expect((await listAdminUsers(db)).find((u) => u.id === id)?.lockedUntil).toBeNull();
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "unlock"));
    expect(entry).toMatchObject({ entityType: "admin_user", entityId: String(id) });
  });
});

/** The lock six failed sign-ins leave. */
async function lockAccount(db: Db, id: number) {
  await transaction(db, async (tx) => {
    await tx.update(adminUsers).set({ failures: 0, lockExpires: new Date(Date.now() + 60_000).toISOString() }).where(eq(adminUsers.id, id));
  });
}

describe("the last active administrator (a user whose role has All) stays", () => {
  /** The first admin, and "manager" with a custom role granting All ("Managers"), who acts. */
  async function twoAdministrators() {
    const { db, admin } = await withAdmin();
    const managers = await saveAdminRole(db, null, { roleName: "Managers", allResources: true, resources: [] }, admin);
    const managerId = await saveAdminUser(db, null, clerk(managers, { username: "manager", email: "m@example.com" }), admin, { hash });
    const warehouseId = await saveAdminRole(db, null, warehouse, admin);
    return { db, admin, manager: { id: managerId, username: "manager" }, managers, warehouseId };
  }

  it("disabling one of two is fine; then the other can be neither disabled nor demoted, nor its role narrowed", async () => {
    const { db, admin, manager, managers, warehouseId } = await twoAdministrators();
    await setAdminUserActive(db, admin.id, false, manager);
    const before = await stored(db);
    const demote = await refused(saveAdminUser(db, manager.id, clerk(warehouseId, { username: "manager", email: "m@example.com" }), manager));
    expect(demote).toMatchObject({ field: "roleId", message: LAST_ADMINISTRATOR });
    const narrow = await refused(saveAdminRole(db, managers, { roleName: "Managers", ...CUSTOM }, manager));
    expect(narrow).toMatchObject({ field: "allResources", message: LAST_ADMINISTRATOR });
    expect(await stored(db)).toEqual(before);
  });

  it("a user manager without All cannot disable the last one either", async () => {
    const { db, admin } = await withAdmin();
    const roleId = await saveAdminRole(db, null, { roleName: "User Managers", ...CUSTOM, resources: ["Magento_User::acl_users"] }, admin);
    const actor = { id: await saveAdminUser(db, null, clerk(roleId), admin, { hash }), username: "clerk" };
    const before = await stored(db);
    expect(await refused(setAdminUserActive(db, admin.id, false, actor))).toMatchObject({ message: LAST_ADMINISTRATOR });
    expect(await stored(db)).toEqual(before);
  });
});

describe("a reset", () => {
  it("clears the roles made since and their users; the Administrators' accounts stay", async () => {
    const db = await tempDb("catalog");
    const { id } = await createAdminUser(db, "admin", "not-a-real-hash");
    const admin = { id, username: "admin" };
    const roleId = await saveAdminRole(db, null, warehouse, admin);
    await saveAdminUser(db, null, clerk(roleId), admin, { hash });
    await saveAdminUser(db, null, clerk(1, { username: "second", email: "s@example.com" }), admin, { hash });
    await resetDatabase(db, "catalog");
    expect((await listAdminUsers(db)).map((u) => u.username)).toEqual(["admin", "second"]);
    expect((await listAdminRoles(db)).map((r) => r.name)).toEqual(["Administrators"]);
  });
});

describe("npm run admin -- create USER [--role NAME]", () => {
  /** The command line on this test's database, as an operator runs it. */
  async function adminCli(db: Db, ...args: string[]) {
    const location = locationOf(db);
    const where = /^postgres/.test(location) ? { DATABASE_URL: location } : { DATABASE_PATH: location, DATABASE_URL: "" };
    const env = { ...process.env, ...where, ADMIN_PASSWORD: "cli-Secret-1" };
    return promisify(execFile)(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/admin.ts", ...args], { env });
  }

  it("gives the named role, Administrators without one, and refuses a role that does not exist", async () => {
    const { db, admin } = await withAdmin();
    const roleId = await saveAdminRole(db, null, warehouse, admin);
    await adminCli(db, "create", "picker", "--role", "Warehouse");
    await adminCli(db, "create", "boss");
    expect((await getAdminByUsername(db, "picker"))?.roleId).toBe(roleId);
    expect((await getAdminByUsername(db, "boss"))?.roleId).toBe(ADMINISTRATORS_ROLE_ID);
    await expect(adminCli(db, "create", "nobody", "--role", "Pickers")).rejects.toMatchObject({
      stderr: expect.stringContaining('There is no role "Pickers"'),
    });
    expect(await getAdminByUsername(db, "nobody")).toBeUndefined();
  }, 60_000);
});
