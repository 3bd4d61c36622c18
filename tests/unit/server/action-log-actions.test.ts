import { revalidatePath } from "next/cache";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { revertAuditEntryAction } from "@/app/admin/(shell)/logging/actions";
import type { Db } from "@/db/connection";
import { listActionLog } from "@/db/queries/action-log";
import { createAdminUser } from "@/db/queries/auth";
import { saveConfigValues } from "@/db/queries/config";
import { parseActionLogQuery } from "@/lib/validation/action-log";
import { ALL_ACCESS } from "@/lib/auth/acl";
import { requireAdmin } from "@/server/auth/guard";
import { setFlash } from "@/server/flash";
import { tempDb } from "../db/temp-db";
import { redirectOf } from "./redirect-of";

// The action as the wrapper runs it, on this test's database; Next's cache and cookies stubbed.
let db: Db;
vi.mock("@/server/auth/guard", () => ({ requireAdmin: vi.fn() }));
vi.mock("@/server/db", () => ({ getDb: async () => db }));
vi.mock("@/server/flash", () => ({ setFlash: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const BACKORDERS = "cataloginventory/item_options/backorders";
let entryId: number;

beforeEach(async () => {
  vi.clearAllMocks();
  db = await tempDb();
  const { id } = await createAdminUser(db, "admin", "not-a-real-hash");
  vi.mocked(requireAdmin).mockResolvedValue({ id, username: "admin", acl: ALL_ACCESS });
  await saveConfigValues(db, { scope: "default", scopeId: 0, values: { [BACKORDERS]: "0" }, actor: { id, username: "admin" } });
  entryId = (await listActionLog(db, parseActionLogQuery({}))).rows[0].id;
});

describe("Revert on System > Action Log", () => {
  it("reverts, says so, refreshes every page and shows the same view again", async () => {
    expect(await redirectOf(revertAuditEntryAction({ id: entryId, view: "entity=config&limit=50&evil=1" }))).toBe(
      "/admin/logging?entity=config&limit=50",
    );
    expect(setFlash).toHaveBeenCalledWith([{ kind: "success", text: "The change was reverted." }]);
    expect(revalidatePath).toHaveBeenCalledWith("/", "layout");
  });

  it("answers a refusal to the dialog and revalidates nothing", async () => {
    await redirectOf(revertAuditEntryAction({ id: entryId, view: "" }));
    vi.clearAllMocks();
    expect(await revertAuditEntryAction({ id: entryId, view: "" })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: 'Backorders was changed again after this entry (now "Allow Qty Below 0"). Nothing was reverted.',
    });
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it.each([["not an id", "1 OR 1=1"], ["beyond the database's integers", 2 ** 40], ["missing", undefined]])(
    "refuses an id that is %s",
    async (_case, id) => {
      expect(await revertAuditEntryAction({ id, view: "" })).toMatchObject({
        ok: false,
        formError: "The change could not be reverted. Reload the page and try again.",
      });
      expect(revalidatePath).not.toHaveBeenCalled();
    },
  );
});
