import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { createAdminUser, getSessionUser, setAdminActive } from "@/db/queries/auth";
import { adminUsers } from "@/db/schema";
import { hashPassword, needsRehash, PASSWORD_PARAMS, verifyPassword } from "@/lib/auth/password";
import { AttemptThrottle } from "@/lib/auth/throttle";
import { authenticate, issueSecret } from "@/server/auth/sign-in";
import { hashSecret, LOCK_MS, MAX_FAILURES, SESSION_TTL_MS } from "@/lib/auth/tokens";
import { attemptFrom, TEST_PARAMS } from "./fast-hash";
import { tempDb } from "./temp-db";

const RIGHT = "right-password-1";

async function withAdmin(hash?: string): Promise<{ db: Db; id: number }> {
  const db = await tempDb("none");
  const { id } = await createAdminUser(db, "admin", hash ?? (await hashPassword(RIGHT, TEST_PARAMS)));
  return { db, id };
}

async function adminRow(db: Db) {
  const [admin] = await db.select().from(adminUsers).where(eq(adminUsers.username, "admin")).limit(1);
  return admin;
}

const at = (iso: string) => attemptFrom("203.0.113.7", { now: new Date(iso) });

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one, an unknown user or a disabled account", async () => {
    const { db, id } = await withAdmin();
    expect(await authenticate(db, "admin", RIGHT, attemptFrom())).toMatchObject({ ok: true, userId: id, username: "admin" });
    expect(await authenticate(db, "admin", "wrong", attemptFrom())).toEqual({ ok: false });
    expect(await authenticate(db, "nobody", RIGHT, attemptFrom())).toEqual({ ok: false });
    await setAdminActive(db, id, false);
    expect(await authenticate(db, "admin", RIGHT, attemptFrom())).toEqual({ ok: false });
  });

  it(`locks the account after ${MAX_FAILURES} failures, even for the right password, until the lock expires`, async () => {
    const { db } = await withAdmin();
    for (let i = 0; i < MAX_FAILURES; i++) await authenticate(db, "admin", "wrong", at("2026-01-01T10:00:00Z"));
    expect(await authenticate(db, "admin", RIGHT, at("2026-01-01T10:10:00Z"))).toEqual({ ok: false });
    expect(await authenticate(db, "admin", RIGHT, at("2026-01-01T10:31:00Z"))).toMatchObject({ ok: true });
    expect(await adminRow(db)).toMatchObject({ failures: 0, lockExpires: null });
  });

  it("a right password before the sixth failure clears the count", async () => {
    const { db } = await withAdmin();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await authenticate(db, "admin", "wrong", attemptFrom());
    expect(await authenticate(db, "admin", RIGHT, attemptFrom())).toMatchObject({ ok: true });
    expect(await adminRow(db)).toMatchObject({ failures: 0, lockExpires: null });
  });

  /*
   * The bypass of issue 12: every attempt read "not locked" before any failure was recorded, so
   * the right password sent among 19 wrong ones got in. Now each attempt is counted under the
   * write lock before its password is checked: the attempts are queued in the order sent, the
   * first six wrong ones lock the account, and whatever comes after is refused unchecked.
   */
  it.each([MAX_FAILURES, 10, 19])(
    "20 parallel attempts with the right password at index %i: refused, and the account is locked",
    async (rightAt) => {
      const { db } = await withAdmin();
      const now = new Date("2026-01-01T10:00:00Z");
      const passwords = Array.from({ length: 20 }, (_, i) => (i === rightAt ? RIGHT : `wrong-${i}`));
      const results = await Promise.all(passwords.map((pw) => authenticate(db, "admin", pw, attemptFrom("203.0.113.7", { now }))));
      expect(results.filter((r) => r.ok)).toEqual([]);
      expect(await adminRow(db)).toMatchObject({ lockExpires: new Date(now.getTime() + LOCK_MS).toISOString() });
      // Still locked a little later, open after 30 minutes.
      expect(await authenticate(db, "admin", RIGHT, at("2026-01-01T10:29:59Z"))).toEqual({ ok: false });
      expect(await authenticate(db, "admin", RIGHT, at("2026-01-01T10:30:01Z"))).toMatchObject({ ok: true });
    },
  );

  it("20 parallel attempts from 20 addresses lock the account all the same: the lockout is per account", async () => {
    const { db } = await withAdmin();
    const passwords = Array.from({ length: 20 }, (_, i) => (i === 19 ? RIGHT : `wrong-${i}`));
    const results = await Promise.all(passwords.map((pw, i) => authenticate(db, "admin", pw, attemptFrom(`198.51.100.${i}`))));
    expect(results.some((r) => r.ok)).toBe(false);
    expect((await adminRow(db)).lockExpires).not.toBeNull();
  });

  it("the throttle counts failures per address: a sign-in that succeeds gives its place back", async () => {
    const { db } = await withAdmin();
    const throttle = new AttemptThrottle(2, 60_000);
    const from = (client: string) => attemptFrom(client, { throttle, now: new Date("2026-01-01T10:00:00Z") });
    expect(await authenticate(db, "admin", "wrong", from("192.0.2.1"))).toEqual({ ok: false });
    for (let i = 0; i < 3; i++) expect(await authenticate(db, "admin", RIGHT, from("192.0.2.1"))).toMatchObject({ ok: true });
    expect(await authenticate(db, "admin", "wrong", from("192.0.2.1"))).toEqual({ ok: false });
    // Two failures in the minute: even the right password waits, unchecked; another address does not.
    expect(await authenticate(db, "admin", RIGHT, from("192.0.2.1"))).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect(await authenticate(db, "admin", RIGHT, from("192.0.2.2"))).toMatchObject({ ok: true });
  });

  it("a session is found by its secret until it expires, and only for its kind", async () => {
    const { db, id } = await withAdmin();
    const now = new Date("2026-01-01T10:00:00Z");
    const { secret } = await issueSecret(db, id, "session", SESSION_TTL_MS, now);
    const hash = hashSecret(secret);
    expect(await getSessionUser(db, hash, "session", now.toISOString())).toMatchObject({ id, username: "admin" });
    expect(await getSessionUser(db, hash, "api", now.toISOString())).toBeNull();
    expect(await getSessionUser(db, hash, "session", new Date(now.getTime() + SESSION_TTL_MS + 1).toISOString())).toBeNull();
  });
});

describe("password hashing", () => {
  it("today's cost is OWASP's scrypt N=2^17, r=8, p=1, within what Node lets scrypt allocate", async () => {
    expect(PASSWORD_PARAMS).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
    const hash = await hashPassword(RIGHT);
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword(RIGHT, hash)).toBe(true);
    expect(needsRehash(hash)).toBe(false);
    // The cost every hash had before issue 12.
    expect(needsRehash(await hashPassword(RIGHT, { N: 16384, r: 8, p: 1, keyLen: 64 }))).toBe(true);
  });

  it("an older hash still signs in and is replaced by one at today's cost; a wrong password changes nothing", async () => {
    const old = await hashPassword(RIGHT, { ...TEST_PARAMS, N: 512 });
    const { db } = await withAdmin(old);
    expect(await authenticate(db, "admin", "wrong", attemptFrom())).toEqual({ ok: false });
    expect((await adminRow(db)).passwordHash).toBe(old);

    expect(await authenticate(db, "admin", RIGHT, attemptFrom())).toMatchObject({ ok: true });
    const rehashed = (await adminRow(db)).passwordHash;
    expect(rehashed).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword(RIGHT, rehashed)).toBe(true);
    expect(await authenticate(db, "admin", RIGHT, attemptFrom())).toMatchObject({ ok: true });
    expect((await adminRow(db)).passwordHash).toBe(rehashed);
  });

  it("refuses a stored hash that is not one it wrote, or that asks for an absurd cost", async () => {
    expect(await verifyPassword(RIGHT, "md5$abc")).toBe(false);
    expect(await verifyPassword(RIGHT, "scrypt$1073741824$8$1$c2FsdA$a2V5")).toBe(false);
    expect(needsRehash("md5$abc")).toBe(true);
  });
});
