import packageJson from "../../package.json";
import { test, expect } from "./fixtures";

test("GET /health answers without signing in: the database reachable, migrated, and the version", async ({ request }) => {
  const answer = await request.get("/health", { maxRedirects: 0, failOnStatusCode: false });
  expect(answer.status()).toBe(200);
  expect(answer.headers()["cache-control"]).toContain("no-store");
  expect(await answer.json()).toEqual({
    status: "ok",
    database: process.env.E2E_ENGINE === "pg" ? "postgresql" : "sqlite",
    migrations: "current",
    version: packageJson.version,
  });
});
