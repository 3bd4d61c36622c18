// ESLint: Next's rules, plus the house's layering (app → components/server → db → lib, never
// back up), no import cycles, and no promise left unawaited now that data access is async.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** A layer may import only the layers below it. */
const zone = (target, from, message) => ({ target, from, message });

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", "next-env.d.ts", "playwright-report/**", "test-results/**", "coverage/**"]),
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "import/no-cycle": ["error", { ignoreExternal: true }],
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            zone("./lib", ["./app", "./components", "./server", "./db", "./scripts"], "lib/ does no I/O: it imports nothing outside lib/."),
            zone("./lib/inventory", ["./lib/validation", "./lib/auth", "./lib/refusal.ts", "./lib/flash-cookie.ts"], "lib/inventory imports nothing outside itself."),
            zone("./db", ["./app", "./components", "./server", "./scripts"], "db/ speaks drizzle and lib/ only."),
            zone("./server", ["./app", "./components", "./scripts"], "server/ sits below the routes and the UI."),
            zone("./components", ["./app", "./server", "./scripts"], "Shared UI takes its data as props: no server code."),
          ],
        },
      ],
    },
  },
  {
    // Queries run on SQLite and PostgreSQL: drizzle's SQLite-only executors would fail on the
    // second engine. Await the builder instead (db/connection.ts). (Playwright's locator.all() is fine.)
    files: ["app/**/*.ts", "app/**/*.tsx", "db/**/*.ts", "server/**/*.ts", "scripts/**/*.ts", "tests/**/*.ts", "components/**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[arguments.length=0] > MemberExpression.callee[property.name=/^(all|get|run)$/]",
          message: "SQLite-only executor: await the query builder instead (it runs on both engines).",
        },
        {
          selector: "CallExpression[arguments.length=0] > MemberExpression.callee[property.name='values'][object.type='CallExpression']",
          message: "SQLite-only executor: await the query builder instead (it runs on both engines).",
        },
      ],
    },
  },
  {
    // Playwright fixtures hand values on with `use`, which is not React's hook; REST tests read
    // Magento's JSON answers, whose shapes each test asserts.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
]);
