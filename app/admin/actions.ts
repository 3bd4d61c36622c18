"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/server/db";
import { deleteSession } from "@/db/queries/auth";
import { authenticate, issueSecret } from "@/server/auth/sign-in";
import { hashSecret, SESSION_COOKIE, SESSION_TTL_MS, SIGN_IN_ERROR } from "@/lib/auth/tokens";
import { signInSchema } from "@/lib/validation/auth";
import { Refusal } from "@/lib/refusal";
import { serverAction } from "@/server/action";

export const signIn = serverAction({
  schema: signInSchema,
  public: true,
  async run({ username, password }, { db }) {
    const result = await authenticate(db, username, password);
    // One message for every failure: it must not tell which part was wrong.
    if (!result.ok) throw new Refusal("invalid", SIGN_IN_ERROR);
    const { secret, expiresAt } = await issueSecret(db, result.userId, "session", SESSION_TTL_MS);
    const https = (await headers()).get("x-forwarded-proto") === "https";
    (await cookies()).set(SESSION_COOKIE, secret, { httpOnly: true, sameSite: "lax", secure: https, path: "/", expires: expiresAt });
  },
  revalidate: [],
  done: () => ({ redirect: "/admin/dashboard", flash: [] }),
});

export async function signOut(): Promise<void> {
  const jar = await cookies();
  const secret = jar.get(SESSION_COOKIE)?.value;
  if (secret) await deleteSession(await getDb(), hashSecret(secret));
  jar.delete(SESSION_COOKIE);
  redirect("/admin");
}
