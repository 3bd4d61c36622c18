import { defineConfig } from "drizzle-kit";

// PostgreSQL: the same tables, derived from db/schema.ts by db/schema.pg.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.pg.ts",
  out: "./db/migrations/pg",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost/stockroom" },
});
