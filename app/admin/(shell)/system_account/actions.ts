"use server";

import { cookies, headers } from "next/headers";
import { setAdminPassword } from "@/db/queries/auth";
import { hashPassword } from "@/lib/auth/password";
import { hashSecret, SESSION_COOKIE, throttledMessage } from "@/lib/auth/tokens";
import { Refusal } from "@/lib/refusal";
import { changePasswordSchema } from "@/lib/validation/auth";
import { serverAction } from "@/server/action";
import { authenticate, clientAddress } from "@/server/auth/sign-in";

const WRONG_CURRENT_PASSWORD = "The password entered for the current user is invalid. Verify the password and try again.";

/**
 * The current password goes through sign-in's check, lockout and throttle: a session left open
 * on a shared screen cannot be used to guess it. The new password ends every other session and
 * token of the admin; this browser stays signed in.
 */
export const changePassword = serverAction({
  schema: changePasswordSchema,
  async run({ currentPassword, newPassword }, { db, admin }) {
    const check = await authenticate(db, admin!.username, currentPassword, { client: clientAddress(await headers()) });
    if (!check.ok) {
      throw check.retryAfterSeconds
        ? new Refusal("not_allowed", throttledMessage(check.retryAfterSeconds))
        : new Refusal("invalid", WRONG_CURRENT_PASSWORD, { field: "currentPassword" });
    }
    const secret = (await cookies()).get(SESSION_COOKIE)?.value;
    await setAdminPassword(db, admin!.id, await hashPassword(newPassword), secret ? hashSecret(secret) : undefined);
  },
  revalidate: [],
  done: () => ({ message: "You saved the account." }),
});
