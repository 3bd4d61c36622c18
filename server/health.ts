import "server-only";
import { databaseLocation, isPostgresUrl, type EngineKind } from "@/db/connection";
import { getMigrationState, type MigrationState } from "@/db/queries/health";
import packageJson from "@/package.json";
import { getDb } from "./db";

/** A load balancer gives up long before a hung connection would: answer 503 first. */
const ANSWER_WITHIN_MS = 5000;

const DATABASE_NAMES: Record<EngineKind, "sqlite" | "postgresql"> = { sqlite: "sqlite", pg: "postgresql" };

/** What the check found: the migration state of a database that answered, or why none did. */
type HealthCheck =
  | { reachable: true; state: MigrationState }
  | { reachable: false; engine: EngineKind; reason: string };

interface HealthBody {
  status: "ok" | "unavailable";
  database: "sqlite" | "postgresql";
  migrations: "current" | "pending" | "unknown";
  version: string;
  /** Why the instance should not take traffic (503 only). */
  reason?: string;
}

/** GET /health's answer: 200 only when the database answered and has every migration applied. */
export function healthAnswer(check: HealthCheck, version: string): { status: 200 | 503; body: HealthBody } {
  if (!check.reachable) {
    const body: HealthBody = { status: "unavailable", database: DATABASE_NAMES[check.engine], migrations: "unknown", version, reason: check.reason };
    return { status: 503, body };
  }
  const { engine, pending } = check.state;
  const database = DATABASE_NAMES[engine];
  if (pending.length === 0) return { status: 200, body: { status: "ok", database, migrations: "current", version } };
  const reason = `${pending.length} migration${pending.length === 1 ? " is" : "s are"} not applied: ${pending.join(", ")}.`;
  return { status: 503, body: { status: "unavailable", database, migrations: "pending", version, reason } };
}

class Timeout extends Error {}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Checks the process's database. Why it failed goes to the server log, not to the anonymous caller. */
async function checkDatabase(): Promise<HealthCheck> {
  const engine: EngineKind = isPostgresUrl(databaseLocation()) ? "pg" : "sqlite";
  try {
    return { reachable: true, state: await within(getDb().then(getMigrationState), ANSWER_WITHIN_MS) };
  } catch (error) {
    if (error instanceof Timeout) {
      return { reachable: false, engine, reason: `The database did not answer within ${ANSWER_WITHIN_MS / 1000} seconds.` };
    }
    console.error("Health check: the database can't be reached", error);
    return { reachable: false, engine, reason: "The database can't be reached." };
  }
}

export async function healthResponse(): Promise<Response> {
  const { status, body } = healthAnswer(await checkDatabase(), packageJson.version);
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
