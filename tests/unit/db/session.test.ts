import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { transaction } from "@/db/connection";
import { createAdminUser, setAdminActive, setAdminPassword } from "@/db/queries/auth";
import { adminSessions } from "@/db/schema";
import { ALL_ACCESS } from "@/lib/auth/acl";
import { hashSecret } from "@/lib/auth/tokens";
import { issueSecret } from "@/server/auth/sign-in";
import { sessionAdmin, sessionPolicy, startSession } from "@/server/auth/session";
import { tempDb } from "./temp-db";

const POLICY = { idleMs: 900_000, lifetimeMs: 8 * 3600_000 };
const T0 = new Date("2026-01-01T10:00:00.000Z");
const after = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;

async function withAdmin() {
  const db = await tempDb("none");
  const { id } = await createAdminUser(db, "admin", "not-a-real-hash");
  // Administrators, as every account the command line or the first start makes.
  return { db, id, admin: { id, username: "admin", acl: ALL_ACCESS, locale: "en_US" } };
}

describe("admin browser sessions", () => {
  it("a sign-in gets a new session id and revokes the one the browser held; another browser's session stays", async () => {
    const { db, id, admin } = await withAdmin();
    const first = await startSession(db, id, undefined, T0, POLICY);
    const otherBrowser = await startSession(db, id, undefined, T0, POLICY);
    const second = await startSession(db, id, first.secret, after(MIN), POLICY);
    expect(second.secret).not.toBe(first.secret);
    expect(await sessionAdmin(db, first.secret, after(MIN), POLICY)).toBeNull();
    expect(await sessionAdmin(db, second.secret, after(MIN), POLICY)).toEqual(admin);
    expect(await sessionAdmin(db, otherBrowser.secret, after(MIN), POLICY)).toEqual(admin);
  });

  it("a cookie naming an API token does not revoke the token: only a browser session is replaced", async () => {
    const { db, id } = await withAdmin();
    const token = await issueSecret(db, id, "api", 4 * 3600_000, T0);
    await startSession(db, id, token.secret, T0, POLICY);
    expect(await db.select().from(adminSessions).where(eq(adminSessions.tokenHash, hashSecret(token.secret)))).toHaveLength(1);
  });

  it("ends after the idle timeout without a request; each request keeps it alive", async () => {
    const { db, id, admin } = await withAdmin();
    const { secret } = await startSession(db, id, undefined, T0, POLICY);
    expect(await sessionAdmin(db, secret, after(14 * MIN), POLICY)).toEqual(admin);
    // 14 minutes after that request: alive; then 15 minutes and a second of silence: gone.
    expect(await sessionAdmin(db, secret, after(28 * MIN), POLICY)).toEqual(admin);
    expect(await sessionAdmin(db, secret, after(43 * MIN + 1000), POLICY)).toBeNull();
    expect(await sessionAdmin(db, secret, after(44 * MIN), POLICY)).toBeNull();
  });

  it("records a request at most once a minute (no write per page view)", async () => {
    const { db, id } = await withAdmin();
    const { secret } = await startSession(db, id, undefined, T0, POLICY);
    const lastSeen = async () =>
      (await db.select({ at: adminSessions.lastSeenAt }).from(adminSessions).where(eq(adminSessions.tokenHash, hashSecret(secret))))[0].at;
    await sessionAdmin(db, secret, after(30_000), POLICY);
    expect(await lastSeen()).toBe(T0.toISOString());
    await sessionAdmin(db, secret, after(MIN), POLICY);
    expect(await lastSeen()).toBe(after(MIN).toISOString());
  });

  it("ends at its absolute lifetime however active it is", async () => {
    const { db, id, admin } = await withAdmin();
    const { secret, expiresAt } = await startSession(db, id, undefined, T0, POLICY);
    expect(expiresAt).toEqual(after(POLICY.lifetimeMs));
    for (let t = 10 * MIN; t < POLICY.lifetimeMs; t += 10 * MIN) expect(await sessionAdmin(db, secret, after(t), POLICY)).toEqual(admin);
    expect(await sessionAdmin(db, secret, after(POLICY.lifetimeMs), POLICY)).toBeNull();
  });

  it("a session stored before idle timeouts existed (no last request) counts as idle", async () => {
    const { db, id } = await withAdmin();
    const { secret } = await startSession(db, id, undefined, T0, POLICY);
    await transaction(db, (tx) => tx.update(adminSessions).set({ lastSeenAt: null }).where(eq(adminSessions.tokenHash, hashSecret(secret))));
    expect(await sessionAdmin(db, secret, after(MIN), POLICY)).toBeNull();
  });

  it("a new password ends every other session and token of the account; disabling ends them all", async () => {
    const { db, id, admin } = await withAdmin();
    const here = await startSession(db, id, undefined, T0, POLICY);
    const elsewhere = await startSession(db, id, undefined, T0, POLICY);
    const token = await issueSecret(db, id, "api", 4 * 3600_000, T0);
    await setAdminPassword(db, id, "another-hash", hashSecret(here.secret));
    expect(await sessionAdmin(db, here.secret, after(MIN), POLICY)).toEqual(admin);
    expect(await sessionAdmin(db, elsewhere.secret, after(MIN), POLICY)).toBeNull();
    expect(await db.select().from(adminSessions).where(eq(adminSessions.tokenHash, hashSecret(token.secret)))).toHaveLength(0);
    await setAdminActive(db, id, false);
    expect(await sessionAdmin(db, here.secret, after(MIN), POLICY)).toBeNull();
  });
});

describe("session policy from the environment", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("defaults to Magento's 900 s idle timeout and an 8-hour lifetime", () => {
    delete process.env.ADMIN_SESSION_IDLE_SECONDS;
    delete process.env.ADMIN_SESSION_LIFETIME_SECONDS;
    expect(sessionPolicy()).toEqual({ idleMs: 900_000, lifetimeMs: 28_800_000 });
  });

  it("reads ADMIN_SESSION_IDLE_SECONDS and ADMIN_SESSION_LIFETIME_SECONDS, ignoring a value that is not a positive whole number", () => {
    process.env.ADMIN_SESSION_IDLE_SECONDS = "120";
    process.env.ADMIN_SESSION_LIFETIME_SECONDS = "3600";
    expect(sessionPolicy()).toEqual({ idleMs: 120_000, lifetimeMs: 3_600_000 });
    process.env.ADMIN_SESSION_IDLE_SECONDS = "-5";
    process.env.ADMIN_SESSION_LIFETIME_SECONDS = "soon";
    expect(sessionPolicy()).toEqual({ idleMs: 900_000, lifetimeMs: 28_800_000 });
  });
});
