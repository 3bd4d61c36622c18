import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { revertAuditEntryAction } from "@/app/admin/(shell)/logging/actions";
import { saveUserAction, setUserActiveAction } from "@/app/admin/(shell)/user/actions";
import { deleteRoleAction, saveRoleAction } from "@/app/admin/(shell)/user_role/actions";
import { saveInventoryConfig } from "@/app/admin/(shell)/system_config/edit/section/cataloginventory/actions";
import type { Db } from "@/db/connection";
import { listActionLog } from "@/db/queries/action-log";
import { createAdminUser } from "@/db/queries/auth";
import { saveConfigValues } from "@/db/queries/config";
import { adminRoles, adminUsers, auditLog, configData } from "@/db/schema";
import { ACCESS_DENIED, ALL_ACCESS, withAncestors, type RoleAcl } from "@/lib/auth/acl";
import { hashPassword } from "@/lib/auth/password";
import { parseActionLogQuery } from "@/lib/validation/action-log";
import { requireAdmin } from "@/server/auth/guard";
import { setFlash } from "@/server/flash";
import { TEST_PARAMS } from "../db/fast-hash";
import { tempDb } from "../db/temp-db";
import { redirectOf } from "./redirect-of";

// The actions as the wrapper runs them, on this test's database; Next's cache, cookies and headers stubbed.
let db: Db;
vi.mock("@/server/auth/guard", () => ({ requireAdmin: vi.fn() }));
vi.mock("@/server/db", () => ({ getDb: async () => db }));
vi.mock("@/server/flash", () => ({ setFlash: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }),
  cookies: async () => ({ get: () => undefined }),
}));

const RIGHT = "right-password-1";
const WRONG_CURRENT_PASSWORD = "The password entered for the current user is invalid. Verify the password and try again.";
let adminId: number;

/** Signs the action's caller in as the first admin, with what `acl` grants. */
function signedInAs(acl: RoleAcl) {
  vi.mocked(requireAdmin).mockResolvedValue({ id: adminId, username: "admin", acl });
}

beforeEach(async () => {
  vi.clearAllMocks();
  db = await tempDb("none");
  ({ id: adminId } = await createAdminUser(db, "admin", await hashPassword(RIGHT, TEST_PARAMS)));
  signedInAs(ALL_ACCESS);
});

const newUser = (currentPassword: string) => ({
  username: "clerk",
  firstName: "Cleo",
  lastName: "Clerk",
  email: "cleo@example.com",
  password: "clerk-pass-1",
  passwordConfirmation: "clerk-pass-1",
  roleId: "1",
  interfaceLocale: "nl_NL",
  isActive: true,
  currentPassword,
});

async function counts() {
  const [{ users }] = await db.select({ users: count() }).from(adminUsers);
  const [{ roles }] = await db.select({ roles: count() }).from(adminRoles);
  const [{ audits }] = await db.select({ audits: count() }).from(auditLog);
  return { users, roles, audits };
}

describe("Your Password (Magento's identity check)", () => {
  it("a wrong one is refused at its field and nothing is saved", async () => {
    const before = await counts();
    expect(await saveUserAction(null, newUser("not-my-password"))).toEqual({
      ok: false,
      fieldErrors: { currentPassword: WRONG_CURRENT_PASSWORD },
      formError: undefined,
    });
    expect(await saveRoleAction(null, { roleName: "Sales", allResources: false, resources: [], currentPassword: "nope" })).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: WRONG_CURRENT_PASSWORD },
    });
    expect(await counts()).toEqual(before);
  });

  it("the right one saves the user and goes back to the grid with Magento's message", async () => {
    expect(await redirectOf(saveUserAction(null, newUser(RIGHT)))).toBe("/admin/user");
    expect(setFlash).toHaveBeenCalledWith([{ kind: "success", text: "You saved the user." }]);
    const [clerk] = await db.select().from(adminUsers).where(eq(adminUsers.username, "clerk"));
    expect(clerk).toMatchObject({ email: "cleo@example.com", roleId: 1, interfaceLocale: "nl_NL", isActive: true });
    expect(clerk.passwordHash).toMatch(/^scrypt\$/);
  });

  it("New User needs a password; Edit User keeps it when New Password is empty", async () => {
    expect(await saveUserAction(null, { ...newUser(RIGHT), password: "", passwordConfirmation: "" })).toMatchObject({
      ok: false,
      fieldErrors: { password: "This is a required field." },
    });
    await redirectOf(saveUserAction(null, newUser(RIGHT)));
    const [{ id, passwordHash }] = await db.select().from(adminUsers).where(eq(adminUsers.username, "clerk"));
    await redirectOf(saveUserAction(id, { ...newUser(RIGHT), password: "", passwordConfirmation: "", firstName: "Cleopatra" }));
    const [after] = await db.select().from(adminUsers).where(eq(adminUsers.id, id));
    expect(after).toMatchObject({ firstName: "Cleopatra", passwordHash });
  });
});

describe("a role without the resource", () => {
  const salesOnly: RoleAcl = { allResources: false, resources: withAncestors(["Magento_Sales::ship"]) };

  it.each([
    ["Save User", () => saveUserAction(null, newUser(RIGHT))],
    ["Disable", () => setUserActiveAction({ id: 1, isActive: false })],
    ["Save Role", () => saveRoleAction(null, { roleName: "Sales", allResources: true, resources: [], currentPassword: RIGHT })],
    ["Delete Role", () => deleteRoleAction(1)],
    ["Save Config", () => saveInventoryConfig({ scope: "default", scopeId: 0, values: {} })],
  ])("%s: refused before the input is read, nothing written", async (_action, call) => {
    signedInAs(salesOnly);
    const before = await counts();
    expect(await call()).toEqual({ ok: false, fieldErrors: {}, formError: ACCESS_DENIED });
    expect(await counts()).toEqual(before);
  });

  it("Revert of a configuration entry needs the configuration's resource besides the Action Log's", async () => {
    const admin = { id: adminId, username: "admin" };
    await saveConfigValues(db, { scope: "default", scopeId: 0, values: { "cataloginventory/item_options/backorders": "1" }, actor: admin });
    const entryId = (await listActionLog(db, parseActionLogQuery({}))).rows[0].id;
    signedInAs({ allResources: false, resources: withAncestors(["Magento_Logging::magento_logging"]) });
    const before = await db.select().from(configData);
    expect(await revertAuditEntryAction({ id: entryId, view: "" })).toMatchObject({ ok: false, formError: ACCESS_DENIED });
    expect(await db.select().from(configData)).toEqual(before);
  });
});
