import { revalidatePath } from "next/cache";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { markAlertsReadAction, markAllAlertsReadAction } from "@/app/admin/(shell)/notification/actions";
import { transaction, type Db } from "@/db/connection";
import { createAdminUser } from "@/db/queries/auth";
import { countUnreadAlerts } from "@/db/queries/stock-alerts";
import { stockAlerts } from "@/db/schema";
import { ALL_ACCESS } from "@/lib/auth/acl";
import { requireAdmin } from "@/server/auth/guard";
import { setFlash } from "@/server/flash";
import { tempDb } from "../db/temp-db";
import { redirectOf } from "./redirect-of";

// The actions as the wrapper runs them, on this test's database; Next's cache and cookies stubbed.
let db: Db;
vi.mock("@/server/auth/guard", () => ({ requireAdmin: vi.fn() }));
vi.mock("@/server/db", () => ({ getDb: async () => db }));
vi.mock("@/server/flash", () => ({ setFlash: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const NOT_MARKED = "The notifications could not be marked as Read. Reload the page and try again.";

beforeEach(async () => {
  vi.clearAllMocks();
  db = await tempDb("none");
  const { id } = await createAdminUser(db, "admin", "not-a-real-hash");
  vi.mocked(requireAdmin).mockResolvedValue({ id, username: "admin", acl: ALL_ACCESS });
  await transaction(db, async (tx) => {
    for (const kind of ["low_stock", "out_of_stock", "back_in_stock"] as const) {
      await tx.insert(stockAlerts).values({ kind, productId: null, sku: "SR-X", stockId: 1, salableQty: 0, qtyLeft: 0, notifyQty: 10 });
    }
  });
});

describe("Mark as Read / Mark All as Read", () => {
  it("marks the row, says so, refreshes every admin page (the bell) and shows the same view again", async () => {
    const to = await redirectOf(markAlertsReadAction({ ids: [2], view: "type=out_of_stock&show=unread&limit=50" }));
    expect(to).toBe("/admin/notification?show=unread&type=out_of_stock&limit=50");
    expect(await countUnreadAlerts(db)).toBe(2);
    expect(setFlash).toHaveBeenCalledWith([{ kind: "success", text: "The message has been marked as Read." }]);
    expect(revalidatePath).toHaveBeenCalledWith("/admin", "layout");
  });

  it("Mark All as Read stops at the newest alert the page showed", async () => {
    await redirectOf(markAllAlertsReadAction({ upToId: 2, view: "" }));
    expect(await countUnreadAlerts(db)).toBe(1);
    expect(setFlash).toHaveBeenCalledWith([{ kind: "success", text: "A total of 2 record(s) have been marked as Read." }]);
  });

  it.each([
    ["another site", "//evil.example/x"],
    ["a full URL", "https://evil.example/admin/notification"],
    ["unknown parameters and values", "returnTo=/admin/user&type=<script>&page=-3"],
    ["not text", 42],
  ])("goes back to the notifications whatever the view says (%s)", async (_case, view) => {
    expect(await redirectOf(markAlertsReadAction({ ids: [1], view }))).toBe("/admin/notification");
  });

  it.each([
    ["no ids", { ids: [] }],
    ["an id that is not a whole number", { ids: ["1 OR 1=1"] }],
    ["an id beyond the database's integers", { ids: [2 ** 40] }],
    ["more ids than a page holds", { ids: Array.from({ length: 201 }, (_, i) => i + 1) }],
    ["no list at all", { ids: 3 }],
  ])("refuses %s, marking nothing", async (_case, input) => {
    expect(await markAlertsReadAction({ view: "", ...input })).toMatchObject({ ok: false, formError: NOT_MARKED });
    expect(await markAllAlertsReadAction({ upToId: "all", view: "" })).toMatchObject({ ok: false, formError: NOT_MARKED });
    expect(await countUnreadAlerts(db)).toBe(3);
    expect(revalidatePath).not.toHaveBeenCalled();
  });
});
