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
    // Each db test opens its own temp SQLite file; files run in parallel workers.
    pool: "forks",
    coverage: {
      provider: "v8",
      include: ["lib/inventory/**/*.ts"],
      reporter: ["text-summary", "text"],
      // The rules engine is the product: `npm test` fails if its branches go untested.
      thresholds: { branches: 95 },
    },
  },
});
