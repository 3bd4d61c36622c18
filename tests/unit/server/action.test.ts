import { redirect } from "next/navigation";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { saveSourceAction } from "@/app/admin/(shell)/inventory/source/actions";
import { saveStockAction } from "@/app/admin/(shell)/inventory/stock/actions";
import { invalid } from "@/lib/refusal";
import { STORE_BUSY } from "@/lib/validation/result";
import { ALL_ACCESS } from "@/lib/auth/acl";
import { requireAdmin } from "@/server/auth/guard";
import { serverAction } from "@/server/action";
import { driverError } from "../driver-error";

// The wrapper alone: a signed-in admin, a database nothing reaches, Next's cache and cookies stubbed.
vi.mock("@/server/auth/guard", () => ({ requireAdmin: vi.fn() }));
vi.mock("@/server/db", () => ({ getDb: async () => ({}) }));
vi.mock("@/server/flash", () => ({ setFlash: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const FAILED = /^Something went wrong and this may not have been saved\. Your entries are kept/;
const RELOAD = "This page is out of date. Reload it, then make your changes again.";

let warn: ReturnType<typeof vi.spyOn>;
let error: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  vi.mocked(requireAdmin).mockResolvedValue({ id: 1, username: "admin", acl: ALL_ACCESS });
  warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  error = vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

/** An action over a one-field form whose write does what the test says. */
function actionThat(run: () => Promise<unknown>) {
  return serverAction({
    schema: z.object({ name: z.string() }),
    run,
    revalidate: ["/"],
    done: () => ({ message: "You saved it." }),
  });
}

describe("serverAction: a write that throws becomes the form's message, never a crash page", () => {
  it.each([
    ["SQLite's extended busy code", driverError("SQLITE_BUSY_SNAPSHOT")],
    ["SQLite's locked code", driverError("SQLITE_LOCKED_SHAREDCACHE")],
    ["PostgreSQL's serialization failure", driverError("40001")],
    ["a busy code under drizzle's wrapper", new Error("Failed query", { cause: driverError("SQLITE_BUSY") })],
  ])("%s: 'The store is busy. Try again in a moment.'", async (_name, thrown) => {
    const answer = await actionThat(() => Promise.reject(thrown))({ name: "x" });
    expect(answer).toEqual({ ok: false, fieldErrors: {}, formError: STORE_BUSY, failure: "busy" });
    expect(warn).toHaveBeenCalledWith(expect.any(String), thrown);
  });

  it("anything else: the input is kept and the outcome is not claimed; the error is logged on the server", async () => {
    const bug = new TypeError("Cannot read properties of undefined");
    const answer = await actionThat(() => Promise.reject(bug))({ name: "x" });
    expect(answer).toMatchObject({ ok: false, fieldErrors: {}, failure: "error" });
    expect(answer.ok === false && answer.formError).toMatch(FAILED);
    expect(error).toHaveBeenCalledWith("Server action failed", bug);
  });

  it("a busy database while the session is read: the same message, and the write never runs", async () => {
    vi.mocked(requireAdmin).mockRejectedValue(driverError("SQLITE_BUSY_TIMEOUT"));
    const run = vi.fn();
    expect(await actionThat(run)({ name: "x" })).toMatchObject({ formError: STORE_BUSY, failure: "busy" });
    expect(run).not.toHaveBeenCalled();
  });

  it("Next's own throws go on to Next: a signed-out admin is still redirected to sign-in", async () => {
    vi.mocked(requireAdmin).mockImplementation(async () => redirect("/admin"));
    await expect(actionThat(vi.fn())({ name: "x" })).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
  });

  it("a refusal is still the form's field message, not a failure", async () => {
    const answer = await actionThat(() => Promise.reject(invalid("Name taken.", {}, "name")))({ name: "x" });
    expect(answer).toEqual({ ok: false, fieldErrors: { name: "Name taken." } });
    expect(error).not.toHaveBeenCalled();
  });
});

describe("malformed arguments to the source and stock actions: refused by their schemas", () => {
  const stock = { name: "North", sales_channels: [], sources: [] };
  const source = { source_code: "north", name: "North", enabled: true, country_id: "US", postcode: "10001" };

  it.each([
    ["a non-numeric id", "abc"],
    ["a missing id", undefined],
    ["a negative id", -1],
    ["an id beyond the database's integers", 2 ** 40],
    ["a huge number", 1e300],
    ["NaN", Number.NaN],
    ["an array", [1, 2]],
  ])("Save Stock with %s", async (_name, id) => {
    const answer = await saveStockAction(id as number, stock);
    expect(answer).toMatchObject({ ok: false, formError: RELOAD });
    expect(error).not.toHaveBeenCalled();
  });

  it.each([
    ["a number", 42],
    ["an object", { code: "default" }],
    ["10 kB of text", "x".repeat(10_240)],
    ["a code with a space", "north wh"],
    ["a NUL", "default\u0000"],
  ])("Save Source with %s as the original code", async (_name, code) => {
    const answer = await saveSourceAction(code as string, source);
    expect(answer).toMatchObject({ ok: false, formError: RELOAD });
    expect(error).not.toHaveBeenCalled();
  });

  it("values that are not an object at all get the form's message too", async () => {
    expect(await saveStockAction(null, "not a form")).toMatchObject({ ok: false });
    expect(await saveSourceAction(null, 12)).toMatchObject({ ok: false });
    expect(error).not.toHaveBeenCalled();
  });
});
