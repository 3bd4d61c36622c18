import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import { closeDb, isPostgresUrl } from "@/db/connection";
import { createAdminUser } from "@/db/queries/auth";
import { hashPassword } from "@/lib/auth/password";
import { openE2eDb } from "./fixtures";

/**
 * An admin of the test's own: the demo admin signs every other spec in, so a spec that locks an
 * account or changes its password works on one nobody else uses (admins survive resets).
 */
export async function createTestAdmin(password: string): Promise<string> {
  const username = `clerk-${crypto.randomBytes(4).toString("hex")}`;
  const db = await openE2eDb();
  try {
    await createAdminUser(db, username, await hashPassword(password));
  } finally {
    await closeDb(db);
  }
  return username;
}

/** `npm run admin -- COMMAND USER` on the server's database, as an operator runs it. */
export function adminCli(command: string, username: string): string {
  const location = process.env.E2E_DATABASE!;
  const env = { ...process.env, ...(isPostgresUrl(location) ? { DATABASE_URL: location } : { DATABASE_PATH: location, DATABASE_URL: "" }) };
  return execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/admin.ts", command, username], { env }).toString();
}
