import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { createPgDatabase, dropPgDatabase } from "../database";

/** Specs that run production servers of their own, on a database of their own. */

export const engine = process.env.E2E_ENGINE === "pg" ? "pg" : "sqlite";

export interface OwnDatabase {
  /** A SQLite file path or a PostgreSQL URL: what openDb takes. */
  location: string;
  /** The server's environment naming it. */
  env: Record<string, string>;
  drop(): void;
}

/** A new database on the run's engine (nothing created yet on SQLite: the first server does it). */
export function ownDatabase(name: string): OwnDatabase {
  if (engine === "pg") {
    const location = createPgDatabase(process.env.STOCKROOM_PG_URL!);
    return { location, env: { DATABASE_URL: location }, drop: () => dropPgDatabase(process.env.STOCKROOM_PG_URL!, location) };
  }
  const location = path.join(process.env.E2E_DB_DIR!, `${name}.db`);
  return {
    location,
    env: { DATABASE_PATH: location },
    drop: () => {
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(location + suffix, { force: true });
    },
  };
}

export interface Server {
  child: ChildProcess;
  url: string;
  /** Resolves when the process has exited. */
  exited: Promise<unknown>;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** `next start` of the production build on a free port, with the demo data and admin/password. */
export async function startServer(database: OwnDatabase, password: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...database.env, SEED: "demo", ADMIN_USERNAME: "admin", ADMIN_PASSWORD: password, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return { child, url: `http://127.0.0.1:${port}`, exited };
}

/** Waits until the server answers (start-up migrates and seeds first). */
export async function untilAnswering(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/admin`, { redirect: "manual" })).status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not start`);
}

export async function stopServer(server: Server, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  await server.exited;
}

/**
 * After a SIGKILL, PostgreSQL may still be finishing a COMMIT the dead server had sent: reading
 * before its session ends can see one table before that commit and the next after it. Waits until
 * no other session is connected to the database (a restarted server would open after that too).
 */
export async function untilSessionsEnded(database: OwnDatabase): Promise<void> {
  if (engine !== "pg") return;
  const client = new pg.Client(database.location);
  await client.connect();
  try {
    for (let i = 0; i < 200; i++) {
      const { rows } = await client.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
      );
      if (Number(rows[0].n) === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("the killed server's database sessions did not end within 10 s");
  } finally {
    await client.end();
  }
}
