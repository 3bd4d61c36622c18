"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { deleteSession } from "@/db/queries/auth";
import { authenticate, issueSecret } from "@/lib/auth/sign-in";
import { hashSecret, SESSION_COOKIE, SESSION_TTL_MS, SIGN_IN_ERROR } from "@/lib/auth/tokens";
import { signInSchema } from "@/lib/validation/auth";
import { invalid, type ActionResult } from "@/lib/validation/result";

export async function signIn(input: unknown): Promise<ActionResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const db = getDb();
  const result = await authenticate(db, parsed.data.username, parsed.data.password);
  if (!result.ok) return { ok: false, fieldErrors: {}, formError: SIGN_IN_ERROR };
  const { secret, expiresAt } = issueSecret(db, result.userId, "session", SESSION_TTL_MS);
  const https = (await headers()).get("x-forwarded-proto") === "https";
  (await cookies()).set(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: "lax",
    secure: https,
    path: "/",
    expires: expiresAt,
  });
  redirect("/admin/dashboard");
}

export async function signOut(): Promise<void> {
  const jar = await cookies();
  const secret = jar.get(SESSION_COOKIE)?.value;
  if (secret) deleteSession(getDb(), hashSecret(secret));
  jar.delete(SESSION_COOKIE);
  redirect("/admin");
}
