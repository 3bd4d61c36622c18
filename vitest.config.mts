import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // server/ modules import "server-only", which throws outside a Server Component build.
    alias: { "server-only": fileURLToPath(new URL("./tests/unit/server-only-stub.ts", import.meta.url)) },
  },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    // Each db test opens a database of its own (tests/unit/db/temp-db.ts): a temp SQLite file, or
    // with STOCKROOM_PG_URL a fresh PostgreSQL database on that server. Files run in parallel workers.
    pool: "forks",
    // On PostgreSQL each test first creates, migrates and seeds its database (about a second on a
    // busy 2-core machine) and every query is a round trip: the 5 s default is too tight there.
    ...(process.env.STOCKROOM_PG_URL ? { testTimeout: 20_000, hookTimeout: 20_000 } : {}),
    coverage: {
      provider: "v8",
      include: ["lib/inventory/**/*.ts"],
      reporter: ["text-summary", "text"],
      // The rules engine is the product: `npm test` fails if its branches go untested.
      thresholds: { branches: 95 },
    },
  },
});
