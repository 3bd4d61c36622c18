import { execFileSync } from "node:child_process";
import crypto from "node:crypto";

/**
 * The Playwright run's database on PostgreSQL: one of its own on the server STOCKROOM_PG_URL names,
 * created before the server starts and dropped at the end. Synchronous (the config is), so the
 * statement runs in a child node process with the pg client.
 */
function onServer(serverUrl: string, statement: string): void {
  const script = `const c=new (require("pg").Client)(process.argv[1]);c.connect().then(()=>c.query(process.argv[2])).then(()=>c.end(),(e)=>{console.error(e.message);process.exit(1)})`;
  execFileSync(process.execPath, ["-e", script, serverUrl, statement], { stdio: "inherit" });
}

export function createPgDatabase(serverUrl: string): string {
  const name = `stockroom_e2e_${crypto.randomBytes(4).toString("hex")}`;
  // C collation: text sorts by code point, as on SQLite.
  onServer(serverUrl, `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function dropPgDatabase(serverUrl: string, databaseUrl: string): void {
  const name = new URL(databaseUrl).pathname.slice(1);
  onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
