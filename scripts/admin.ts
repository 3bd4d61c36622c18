// Admin accounts from the command line (Magento's admin:user:* counterparts), on the configured
// database (DATABASE_URL, else DATABASE_PATH):
//   npm run admin -- create USER [--role NAME]  a new admin with the role NAME (Administrators unless given);
//                                           the password from ADMIN_PASSWORD or --password-stdin
//   npm run admin -- reset-password USER    a new password (same sources); every session and token of USER ends
//   npm run admin -- unlock USER            lifts a sign-in lockout (6 failures lock an account for 30 minutes)
//   npm run admin -- disable USER           USER can no longer sign in; its sessions and tokens end
//   npm run admin -- enable USER            undoes disable
// A password is never taken as an argument (shell history, `ps`) and never printed.
import { parseArgs } from "node:util";
import { closeDb, databaseLocation, openDb, type Db } from "@/db/connection";
import { getAdminRoleByName } from "@/db/queries/admin-roles";
import {
  clearSignInFailures,
  createAdminUser,
  getAdminByUsername,
  setAdminActive,
  setAdminPassword,
} from "@/db/queries/auth";
import { ADMINISTRATORS_ROLE_ID } from "@/lib/auth/acl";
import { hashPassword } from "@/lib/auth/password";
import { newPasswordSchema } from "@/lib/validation/auth";

const USAGE = "usage: npm run admin -- create|reset-password|unlock|disable|enable USER [--password-stdin] [--role NAME (create only)]";

class UsageError extends Error {}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // The first line: `printf '%s\n' "$PW" | …` and a file both end with a newline.
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0];
}

/** The new password, checked by the same rules as the Change Password page. */
async function newPassword(fromStdin: boolean): Promise<string> {
  const password = fromStdin ? await readStdin() : process.env.ADMIN_PASSWORD;
  if (!password) throw new UsageError("Give the password in ADMIN_PASSWORD or on standard input with --password-stdin.");
  const parsed = newPasswordSchema.safeParse(password);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0].message);
  return parsed.data;
}

async function existing(db: Db, username: string) {
  const user = await getAdminByUsername(db, username);
  if (!user) throw new UsageError(`There is no admin "${username}".`);
  return user;
}

/** The role a new admin gets: the one named, or the built-in Administrators. */
async function roleIdOf(db: Db, name: string | undefined): Promise<number> {
  if (name === undefined) return ADMINISTRATORS_ROLE_ID;
  const role = await getAdminRoleByName(db, name);
  if (!role) throw new UsageError(`There is no role "${name}" (System > Permissions > User Roles).`);
  return role.id;
}

async function run(db: Db, command: string, username: string, options: { fromStdin: boolean; role?: string }): Promise<string> {
  const { fromStdin } = options;
  if (options.role !== undefined && command !== "create") throw new UsageError(USAGE);
  switch (command) {
    case "create": {
      if (await getAdminByUsername(db, username)) throw new UsageError(`An admin "${username}" already exists.`);
      const roleId = await roleIdOf(db, options.role?.trim());
      await createAdminUser(db, username, await hashPassword(await newPassword(fromStdin)), roleId);
      return `Created admin "${username}".`;
    }
    case "reset-password": {
      const user = await existing(db, username);
      await setAdminPassword(db, user.id, await hashPassword(await newPassword(fromStdin)));
      return `Set a new password for "${username}"; its sessions and tokens ended.`;
    }
    case "unlock":
      await clearSignInFailures(db, (await existing(db, username)).id);
      return `Unlocked "${username}".`;
    case "disable":
    case "enable":
      await setAdminActive(db, (await existing(db, username)).id, command === "enable");
      return command === "enable" ? `Enabled "${username}".` : `Disabled "${username}"; its sessions and tokens ended.`;
    default:
      throw new UsageError(USAGE);
  }
}

async function main(args: string[]) {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { "password-stdin": { type: "boolean", default: false }, role: { type: "string" } },
  });
  const [command, username, ...rest] = positionals;
  if (!command || !username?.trim() || rest.length > 0) throw new UsageError(USAGE);
  const db = await openDb(databaseLocation());
  try {
    console.log(await run(db, command, username.trim(), { fromStdin: values["password-stdin"], role: values.role }));
  } finally {
    await closeDb(db);
  }
}

// parseArgs reports an unknown option with an ERR_PARSE_ARGS_* code.
const isUsage = (error: unknown): error is Error =>
  error instanceof UsageError || String((error as { code?: unknown } | null)?.code).startsWith("ERR_PARSE_ARGS");

main(process.argv.slice(2)).catch((error: unknown) => {
  if (!isUsage(error)) throw error;
  console.error(error.message);
  process.exitCode = 2;
});
