import fs from "node:fs";
import { dropPgDatabase } from "./database";

export default function globalTeardown() {
  const dir = process.env.E2E_DB_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  if (process.env.E2E_ENGINE === "pg" && process.env.E2E_DATABASE && process.env.STOCKROOM_PG_URL) {
    dropPgDatabase(process.env.STOCKROOM_PG_URL, process.env.E2E_DATABASE);
  }
}
