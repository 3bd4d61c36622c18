import { describe, expect, it } from "vitest";
import { createAdminUser, getSessionUser } from "@/db/queries/auth";
import { issueSecret } from "@/server/auth/sign-in";
import { API_TOKEN_TTL_MS, hashSecret } from "@/lib/auth/tokens";
import { tempDb } from "./temp-db";

describe("REST admin tokens", () => {
  it("last 4 hours (Magento's admin token lifetime) and are not browser sessions", async () => {
    const db = await tempDb("none");
    const { id } = await createAdminUser(db, "admin", "not-a-real-hash");
    const now = new Date("2026-01-01T10:00:00Z");
    const { secret, expiresAt } = await issueSecret(db, id, "api", API_TOKEN_TTL_MS, now);
    expect(expiresAt.toISOString()).toBe("2026-01-01T14:00:00.000Z");
    const at = (iso: string) => getSessionUser(db, hashSecret(secret), "api", iso);
    expect(await at("2026-01-01T13:59:59.999Z")).toMatchObject({ id, username: "admin" });
    expect(await at("2026-01-01T14:00:00.001Z")).toBeNull();
    expect(await getSessionUser(db, hashSecret(secret), "session", now.toISOString())).toBeNull();
  });
});
