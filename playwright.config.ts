import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { createPgDatabase } from "./e2e/database";

// Evaluated in the runner and again in every worker: compute once, hand down through env.
process.env.E2E_PORT ??= execFileSync(process.execPath, [
  "-e",
  "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
]).toString();
process.env.E2E_DB_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "stockroom-e2e-"));
if (process.env.E2E_ENGINE === "pg") process.env.STOCKROOM_PG_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const ENGINE = process.env.E2E_ENGINE === "pg" ? "pg" : "sqlite";
// E2E_ENGINE=pg runs the suite on PostgreSQL (a database of its own on STOCKROOM_PG_URL's server).
process.env.E2E_DATABASE ??=
  process.env.E2E_ENGINE === "pg"
    ? createPgDatabase(process.env.STOCKROOM_PG_URL!)
    : path.join(process.env.E2E_DB_DIR, "e2e.db");
process.env.E2E_ADMIN_PASSWORD ??= "e2e-Secret-123";

const PORT = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${PORT}`;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // One folder per engine: the two suites can run side by side.
  outputDir: `test-results/${ENGINE}`,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: `playwright-report/${ENGINE}` }]],
  globalTeardown: "./e2e/global-teardown.ts",
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: fs.existsSync(chromium) ? chromium : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
      ],
    },
  },
  webServer: {
    // The production build (npm run test:e2e builds first) on a free port and a fresh database.
    command: `node node_modules/next/dist/bin/next start -p ${PORT} -H 127.0.0.1`,
    url: `${baseURL}/admin`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    env: {
      ...(process.env.E2E_ENGINE === "pg" ? { DATABASE_URL: process.env.E2E_DATABASE } : { DATABASE_PATH: process.env.E2E_DATABASE }),
      ADMIN_USERNAME: "admin",
      ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD,
      SEED: "demo",
      NEXT_TELEMETRY_DISABLED: "1",
      // Every spec signs in from 127.0.0.1, several with wrong passwords on purpose: the
      // per-address throttle (unit-tested in tests/unit) would slow specs that have nothing to do with it.
      ADMIN_SIGN_IN_THROTTLE_FAILURES: "1000",
      // Stock alerts reach the webhook specs' receivers within a fraction of a second, retries too.
      WEBHOOK_POLL_MS: "200",
      WEBHOOK_RETRY_BASE_SECONDS: "0.2",
    },
  },
});
