import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/connection";
import { createAdminUser } from "@/db/queries/auth";
import { hashPassword } from "@/lib/auth/password";
import { SIGN_IN_ERROR, THROTTLE_FAILURES } from "@/lib/auth/tokens";
import { REST_ROUTES } from "@/server/rest/routes";
import { handleRest } from "@/server/rest/router";
import { TEST_PARAMS } from "../db/fast-hash";
import { tempDb } from "../db/temp-db";

// The REST entry point on this test's database, through the process's own sign-in throttle.
let db: Db;
vi.mock("@/server/db", () => ({ getDb: async () => db }));

const PASSWORD = "right-password-1";

beforeEach(async () => {
  db = await tempDb("none");
  await createAdminUser(db, "admin", await hashPassword(PASSWORD, TEST_PARAMS));
});

function tokenCall(password: string, forwardedFor: string) {
  const request = new Request("http://127.0.0.1/rest/V1/integration/admin/token", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
    body: JSON.stringify({ username: "admin", password }),
  });
  return handleRest(request, "POST", REST_ROUTES);
}

describe("POST /rest/V1/integration/admin/token: the per-client throttle", () => {
  it(`answers 429 with Retry-After after ${THROTTLE_FAILURES} failures from one address in a minute, even for the right password`, async () => {
    for (let i = 0; i < THROTTLE_FAILURES; i++) {
      const answer = await tokenCall(`wrong-${i}`, "192.0.2.10");
      expect(answer.status).toBe(401);
      expect(await answer.json()).toMatchObject({ message: SIGN_IN_ERROR });
    }
    const throttled = await tokenCall(PASSWORD, "192.0.2.10");
    expect(throttled.status).toBe(429);
    const wait = Number(throttled.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(50);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await throttled.json()).toEqual({
      message: "Too many failed sign-in attempts from your network address. Wait %seconds seconds, then try again.",
      parameters: { seconds: wait },
    });
  });

  it("throttles by the last X-Forwarded-For entry: a client cannot escape by writing its own first hop", async () => {
    for (let i = 0; i < THROTTLE_FAILURES; i++) await tokenCall(`wrong-${i}`, `10.9.9.${i}, 192.0.2.20`);
    expect((await tokenCall("wrong", "10.0.0.250, 192.0.2.20")).status).toBe(429);
    // Another address is not slowed; the account itself is locked by then (6 failures): 401.
    expect((await tokenCall(PASSWORD, "192.0.2.21")).status).toBe(401);
  });

});

describe("POST /rest/V1/integration/admin/token: a username no account can have", () => {
  it("a NUL in the username is a 400 naming the field, not a database error (PostgreSQL refuses NUL in text)", async () => {
    const request = new Request("http://127.0.0.1/rest/V1/integration/admin/token", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "192.0.2.99" },
      body: JSON.stringify({ username: "ad\u0000min", password: PASSWORD }),
    });
    const answer = await handleRest(request, "POST", REST_ROUTES);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(await answer.json())).toContain("Please enter a username without control characters.");
  });
});
