"use server";

import { setAdminPassword } from "@/db/queries/auth";
import { setOwnInterfaceLocale } from "@/db/queries/admin-users";
import { hashPassword } from "@/lib/auth/password";
import { changePasswordSchema } from "@/lib/validation/auth";
import { accountLocaleSchema } from "@/lib/validation/permissions";
import { serverAction } from "@/server/action";
import { currentSessionHash, verifyIdentity } from "@/server/auth/identity";

const SAVED = "You saved the account.";

/**
 * The current password proves it is the admin at the keyboard (verifyIdentity). The new
 * password ends every other session and token of the admin; this browser stays signed in.
 * Every admin may change their own password, whatever their role.
 */
export const changePassword = serverAction({
  schema: changePasswordSchema,
  async run({ currentPassword, newPassword }, { db, admin }) {
    await verifyIdentity(db, admin!, currentPassword);
    await setAdminPassword(db, admin!.id, await hashPassword(newPassword), await currentSessionHash());
  },
  revalidate: [],
  done: () => ({ message: SAVED }),
});

/**
 * The admin's own Interface Locale, whatever their role: the signed-in admin's account only (the
 * session says which). A language changes no access, so no "Your Password" is asked. Every admin
 * page is rendered again, in the new language.
 */
export const changeInterfaceLocale = serverAction({
  schema: accountLocaleSchema,
  run: ({ interfaceLocale }, { db, admin }) => setOwnInterfaceLocale(db, admin!, interfaceLocale),
  revalidate: ["/"],
  done: () => ({ message: SAVED }),
});
