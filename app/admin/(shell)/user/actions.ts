"use server";

import { z } from "zod";
import { saveAdminUser, setAdminUserActive, unlockAdminUser } from "@/db/queries/admin-users";
import { hashPassword } from "@/lib/auth/password";
import { booleanField } from "@/lib/validation/fields";
import { editUserSchema, newUserSchema, permissionIdParam, type UserValues } from "@/lib/validation/permissions";
import { serverAction } from "@/server/action";
import type { AdminUser } from "@/server/auth/guard";
import { currentSessionHash, verifyIdentity } from "@/server/auth/identity";
import type { Db } from "@/db/connection";

/*
 * System > Permissions > All Users. Saving any account needs "Your Password" (Magento's identity
 * check); a user's role decides the menus of every admin page, so saves revalidate them all.
 */

const GRID = "/admin/user";
const RESOURCE = "Magento_User::acl_users";
const SAVED = { redirect: GRID, flash: [{ kind: "success" as const, text: "You saved the user." }] };

async function save(db: Db, admin: AdminUser, id: number | null, values: UserValues): Promise<number> {
  await verifyIdentity(db, admin, values.currentPassword);
  const { password, passwordConfirmation: _confirmation, currentPassword: _current, ...stored } = values;
  const hash = password === undefined ? undefined : await hashPassword(password);
  const keepSession = id === admin.id ? await currentSessionHash() : undefined;
  return saveAdminUser(db, id, stored, admin, hash === undefined ? undefined : { hash, keepSession });
}

const create = serverAction({
  schema: z.object({ values: newUserSchema }),
  resource: RESOURCE,
  fieldsUnder: "values",
  run: ({ values }, { db, admin }) => save(db, admin!, null, values),
  revalidate: ["/admin"],
  done: () => SAVED,
});

const update = serverAction({
  schema: z.object({ id: permissionIdParam, values: editUserSchema }),
  resource: RESOURCE,
  fieldsUnder: "values",
  run: ({ id, values }, { db, admin }) => save(db, admin!, id, values),
  revalidate: ["/admin"],
  done: () => SAVED,
});

/** New User (id null) or Edit User. */
export async function saveUserAction(id: number | null, values: unknown) {
  return id === null ? create({ values }) : update({ id, values });
}

/** The grid's Disable / Enable: a disabled user's sessions and tokens end at once. */
export const setUserActiveAction = serverAction({
  schema: z.object({ id: permissionIdParam, isActive: booleanField() }),
  resource: RESOURCE,
  run: async ({ id, isActive }, { db, admin }) => {
    await setAdminUserActive(db, id, isActive, admin!);
    return isActive;
  },
  revalidate: ["/admin"],
  done: (isActive) => ({ redirect: GRID, flash: [{ kind: "success", text: isActive ? "You enabled the user." : "You disabled the user." }] }),
});

/** The grid's Unlock (Magento's Locked Users). */
export const unlockUserAction = serverAction({
  schema: z.object({ id: permissionIdParam }),
  resource: RESOURCE,
  run: ({ id }, { db, admin }) => unlockAdminUser(db, id, admin!),
  revalidate: [GRID],
  done: () => ({ redirect: GRID, flash: [{ kind: "success", text: "Unlocked 1 user(s)." }] }),
});
