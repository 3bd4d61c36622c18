import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { STORE_BUSY } from "@/lib/validation/result";
import { handleRest, type RestRoute } from "@/server/rest/router";
import { driverError } from "../driver-error";

// The router alone: a database nothing reaches, one anonymous route that throws what the test says.
vi.mock("@/server/db", () => ({ getDb: async () => ({}) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

afterEach(() => vi.restoreAllMocks());

function throwing(thrown: unknown): RestRoute[] {
  return [{ method: "GET", path: "things/:code", resource: null, response: z.unknown(), handler: () => Promise.reject(thrown) }];
}

const call = (routes: RestRoute[], path = "/rest/V1/things/abc") => handleRest(new Request(`http://127.0.0.1${path}`), "GET", routes);

describe("the REST error mapper", () => {
  it.each(["SQLITE_BUSY", "SQLITE_BUSY_RECOVERY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_BUSY_TIMEOUT", "SQLITE_LOCKED", "SQLITE_LOCKED_SHAREDCACHE", "40001", "40P01", "55P03", "53300", "57P03"])(
    "%s: 503 with Retry-After, never a 500",
    async (code) => {
      const answer = await call(throwing(new Error("Failed query", { cause: driverError(code) })));
      expect(answer.status).toBe(503);
      expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await answer.json()).toEqual({ message: STORE_BUSY, parameters: {} });
    },
  );

  it("a bug is a 500 that says where the details are, and is logged", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const answer = await call(throwing(new TypeError("oops")));
    expect(answer.status).toBe(500);
    expect(answer.headers.get("retry-after")).toBeNull();
    expect(log).toHaveBeenCalled();
  });

  it.each([
    ["bad percent-encoding", "/rest/V1/things/%E0%A4%A"],
    ["a NUL", "/rest/V1/things/a%00b"],
  ])("a path parameter with %s is a 400 before any handler runs", async (_name, path) => {
    const handler = vi.fn();
    const answer = await call([{ method: "GET", path: "things/:code", resource: null, response: z.unknown(), handler }], path);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ message: "The URL is not valid percent-encoding." });
    expect(handler).not.toHaveBeenCalled();
  });
});
