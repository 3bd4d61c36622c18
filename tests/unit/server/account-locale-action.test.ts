import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { changeInterfaceLocale } from "@/app/admin/(shell)/system_account/actions";
import type { Db } from "@/db/connection";
import { createAdminUser } from "@/db/queries/auth";
import { adminUsers, auditLog } from "@/db/schema";
import { NO_ACCESS } from "@/lib/auth/acl";
import { hashPassword } from "@/lib/auth/password";
import { requireAdmin } from "@/server/auth/guard";
import { TEST_PARAMS } from "../db/fast-hash";
import { tempDb } from "../db/temp-db";

// The action as the wrapper runs it, on this test's database; Next's cache, cookies and headers stubbed.
let db: Db;
vi.mock("@/server/auth/guard", () => ({ requireAdmin: vi.fn() }));
vi.mock("@/server/db", () => ({ getDb: async () => db }));
vi.mock("@/server/flash", () => ({ setFlash: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }),
  cookies: async () => ({ get: () => undefined }),
}));

let meId: number;
let otherId: number;

const localeOf = async (id: number) => (await db.select().from(adminUsers).where(eq(adminUsers.id, id)))[0].interfaceLocale;

beforeEach(async () => {
  vi.clearAllMocks();
  db = await tempDb("none");
  const hash = await hashPassword("right-password-1", TEST_PARAMS);
  ({ id: meId } = await createAdminUser(db, "admin", hash));
  ({ id: otherId } = await createAdminUser(db, "clerk", hash));
  // A role that grants nothing: every admin may choose their own language.
  vi.mocked(requireAdmin).mockResolvedValue({ id: meId, username: "admin", acl: NO_ACCESS });
});

describe("Account Setting > Interface Locale", () => {
  it("saves the signed-in admin's own locale without a password, audits it and re-renders every page", async () => {
    expect(await changeInterfaceLocale({ interfaceLocale: "nl_NL" })).toEqual({ ok: true, message: "You saved the account." });
    expect(await localeOf(meId)).toBe("nl_NL");
    expect(await localeOf(otherId)).toBe("en_US");
    expect(revalidatePath).toHaveBeenCalledWith("/", "layout");
    const entries = await db.select().from(auditLog).where(eq(auditLog.entityType, "admin_user"));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "update", entityId: String(meId), username: "admin", source: "admin" });
    expect(JSON.parse(entries[0].changes!)).toEqual([
      { field: "interface_locale", label: "Interface Locale", old: "English (United States)", new: "Nederlands (Nederland) / Dutch (Netherlands)" },
    ]);
  });

  it("never reads an account id from the browser", async () => {
    await changeInterfaceLocale({ interfaceLocale: "nl_NL", id: otherId, userId: otherId });
    expect(await localeOf(otherId)).toBe("en_US");
    expect(await localeOf(meId)).toBe("nl_NL");
  });

  it("refuses a locale Stockroom does not speak, and writes nothing", async () => {
    expect(await changeInterfaceLocale({ interfaceLocale: "de_DE" })).toMatchObject({
      ok: false,
      fieldErrors: { interfaceLocale: "Please choose an Interface Locale." },
    });
    expect(await localeOf(meId)).toBe("en_US");
    expect(await db.select().from(auditLog)).toHaveLength(0);
  });

  it("an unchanged locale is no change: nothing is logged", async () => {
    await changeInterfaceLocale({ interfaceLocale: "en_US" });
    expect(await db.select().from(auditLog)).toHaveLength(0);
  });
});
