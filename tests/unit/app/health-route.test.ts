import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/health/route";
import type { Db } from "@/db/connection";
import packageJson from "@/package.json";
import { config } from "@/proxy";
import { emptyDb } from "../db/temp-db";

// The route on this test's database (or on one that can't be opened).
let open: () => Promise<Db>;
vi.mock("@/server/db", () => ({ getDb: () => open() }));

const engine = process.env.STOCKROOM_PG_URL ? "postgresql" : "sqlite";

describe("GET /health", () => {
  beforeEach(() => vi.spyOn(console, "error").mockImplementation(() => undefined));

  it("answers 200 with the engine, current migrations and the package's version, never cached", async () => {
    const db = await emptyDb();
    open = async () => db;
    const answer = await GET();
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(await answer.json()).toEqual({ status: "ok", database: engine, migrations: "current", version: packageJson.version });
  });

  it("answers 503 when the database can't be opened, keeping the error itself out of the answer", async () => {
    open = () => Promise.reject(new Error("connect ECONNREFUSED 10.0.0.5:5432 (password=secret)"));
    const answer = await GET();
    expect(answer.status).toBe(503);
    const body = await answer.json();
    expect(body).toMatchObject({ status: "unavailable", migrations: "unknown", reason: "The database can't be reached." });
    expect(JSON.stringify(body)).not.toContain("secret");
  });

  it("is not behind the proxy that guards /rest and /admin (no sign-in, no redirect)", () => {
    expect(config.matcher.some((pattern) => "/health".startsWith(pattern.split("/:")[0]))).toBe(false);
  });
});
