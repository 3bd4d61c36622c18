"use server";

import { z } from "zod";
import { deleteAdminRole, saveAdminRole } from "@/db/queries/admin-roles";
import { permissionIdParam, roleSchema } from "@/lib/validation/permissions";
import { serverAction } from "@/server/action";
import { verifyIdentity } from "@/server/auth/identity";

/*
 * System > Permissions > User Roles. Saving a role needs "Your Password" (Magento's identity
 * check); what a role grants decides the menus of every admin page, so saves revalidate them all.
 */

const GRID = "/admin/user_role";
const RESOURCE = "Magento_User::acl_roles";

const save = serverAction({
  schema: z.object({ id: permissionIdParam.nullable(), values: roleSchema }),
  resource: RESOURCE,
  fieldsUnder: "values",
  run: async ({ id, values }, { db, admin }) => {
    await verifyIdentity(db, admin!, values.currentPassword);
    return saveAdminRole(db, id, values, admin!);
  },
  revalidate: ["/admin"],
  done: () => ({ redirect: GRID, flash: [{ kind: "success", text: "You saved the role." }] }),
});

/** New Role (id null) or Edit Role. */
export async function saveRoleAction(id: number | null, values: unknown) {
  return save({ id, values });
}

const remove = serverAction({
  schema: z.object({ id: permissionIdParam }),
  resource: RESOURCE,
  run: ({ id }, { db, admin }) => deleteAdminRole(db, id, admin!),
  revalidate: ["/admin"],
  done: () => ({ redirect: GRID, flash: [{ kind: "success", text: "You deleted the role." }] }),
});

export async function deleteRoleAction(id: number) {
  return remove({ id });
}
