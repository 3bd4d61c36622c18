import { sql } from "drizzle-orm";
import { engineKind, execute, type Conn, type EngineKind } from "../connection";
import { isApplied, migrationJournal } from "../migrate";

export interface MigrationState {
  engine: EngineKind;
  /** Migrations in db/migrations/<engine> the database has not recorded as applied, by name. */
  pending: string[];
}

/**
 * Which of the engine's migrations the database lacks, read from the bookkeeping the runners in
 * db/migrate.ts keep (drizzle's `__drizzle_migrations`, in the `drizzle` schema on PostgreSQL).
 * One query: it also proves the database answers.
 */
export async function getMigrationState(db: Conn): Promise<MigrationState> {
  const engine = engineKind(db);
  const table = engine === "pg" ? sql`drizzle."__drizzle_migrations"` : sql`"__drizzle_migrations"`;
  const [row] = await execute<{ at: number | string | null }>(db, sql`SELECT max(created_at) AS at FROM ${table}`);
  const last = row?.at === null || row?.at === undefined ? null : Number(row.at);
  return { engine, pending: migrationJournal(engine).filter((m) => !isApplied(m.when, last)).map((m) => m.tag) };
}
