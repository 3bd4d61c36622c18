"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/server/db";
import { deleteSession } from "@/db/queries/auth";
import { authenticate, clientAddress } from "@/server/auth/sign-in";
import { sessionAdmin, startSession } from "@/server/auth/session";
import { startPage } from "@/components/admin/menu";
import { hashSecret, SESSION_COOKIE, SIGN_IN_ERROR, throttledMessage } from "@/lib/auth/tokens";
import { signInFormSchema } from "@/lib/validation/auth";
import { Refusal } from "@/lib/refusal";
import { serverAction } from "@/server/action";

export const signIn = serverAction({
  schema: signInFormSchema,
  public: true,
  async run({ username, password, returnTo }, { db }) {
    const head = await headers();
    const result = await authenticate(db, username, password, { client: clientAddress(head) });
    // One message for every failure: it must not tell which part was wrong.
    if (!result.ok) throw new Refusal("invalid", result.retryAfterSeconds ? throttledMessage(result.retryAfterSeconds) : SIGN_IN_ERROR);
    const jar = await cookies();
    const { secret, expiresAt } = await startSession(db, result.userId, jar.get(SESSION_COOKIE)?.value);
    const https = head.get("x-forwarded-proto") === "https";
    jar.set(SESSION_COOKIE, secret, { httpOnly: true, sameSite: "lax", secure: https, path: "/", expires: expiresAt });
    const admin = await sessionAdmin(db, secret);
    // The form's schema, parsed again here, made `returnTo` a path of this site or undefined.
    return returnTo ?? (admin ? startPage(admin.acl) : "/admin");
  },
  revalidate: [],
  done: (to) => ({ redirect: to, flash: [] }),
});

export async function signOut(): Promise<void> {
  const jar = await cookies();
  const secret = jar.get(SESSION_COOKIE)?.value;
  if (secret) await deleteSession(await getDb(), hashSecret(secret));
  jar.delete(SESSION_COOKIE);
  redirect("/admin");
}
