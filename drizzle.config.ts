import { defineConfig } from "drizzle-kit";

// SQLite, the embedded default. drizzle.pg.config.ts writes the PostgreSQL twin (npm run db:generate writes both).
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./db/migrations/sqlite",
  dbCredentials: { url: process.env.DATABASE_PATH ?? "./data/stockroom.db" },
});
