import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAdminUser, getSessionUser } from "@/db/queries/auth";
import { adminUsers } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { authenticate, issueSecret } from "@/server/auth/sign-in";
import { hashSecret, MAX_FAILURES, SESSION_TTL_MS } from "@/lib/auth/tokens";
import { tempDb } from "./temp-db";

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one or an unknown user", async () => {
    const db = await tempDb("none");
    await createAdminUser(db, "admin", await hashPassword("right-password"));
    expect(await authenticate(db, "admin", "right-password")).toMatchObject({ ok: true, username: "admin" });
    expect(await authenticate(db, "admin", "wrong")).toEqual({ ok: false });
    expect(await authenticate(db, "nobody", "right-password")).toEqual({ ok: false });
  });

  it(`locks the account after ${MAX_FAILURES} failures, even for the right password, until the lock expires`, async () => {
    const db = await tempDb("none");
    await createAdminUser(db, "admin", await hashPassword("right-password"));
    const t0 = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES; i++) await authenticate(db, "admin", "wrong", t0);
    expect(await authenticate(db, "admin", "right-password", new Date("2026-01-01T10:10:00Z"))).toEqual({ ok: false });
    expect(await authenticate(db, "admin", "right-password", new Date("2026-01-01T10:31:00Z"))).toMatchObject({ ok: true });
    const [admin] = await db.select().from(adminUsers).where(eq(adminUsers.username, "admin")).limit(1);
    expect(admin).toMatchObject({ failures: 0, lockExpires: null });
  });

  it("a session is found by its secret until it expires, and only for its kind", async () => {
    const db = await tempDb("none");
    const { id } = await createAdminUser(db, "admin", await hashPassword("pw-123456"));
    const now = new Date("2026-01-01T10:00:00Z");
    const { secret } = await issueSecret(db, id, "session", SESSION_TTL_MS, now);
    const hash = hashSecret(secret);
    expect(await getSessionUser(db, hash, "session", now.toISOString())).toEqual({ id, username: "admin" });
    expect(await getSessionUser(db, hash, "api", now.toISOString())).toBeNull();
    expect(await getSessionUser(db, hash, "session", new Date(now.getTime() + SESSION_TTL_MS + 1).toISOString())).toBeNull();
  });
});
