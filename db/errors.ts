/**
 * What a driver's error means for the caller: a constraint a concurrent write got to first, or a
 * database too busy to answer now. SQLite names its codes, each primary code with extended ones
 * (SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED_SHAREDCACHE…), hence the prefixes; PostgreSQL gives an
 * SQLSTATE (class 23 integrity constraint violation; serialization failure, deadlock, lock not
 * available, too many connections, starting up). Drizzle wraps the driver's error, hence the walk
 * down the causes.
 */
type DatabaseTrouble = "conflict" | "busy";

const BUSY_SQLSTATES = new Set(["40001", "40P01", "55P03", "53300", "57P03"]);

/** Causes are followed this far at most: a cycle of causes is no reason to hang. */
const MAX_CAUSES = 10;

export function databaseTrouble(error: unknown): DatabaseTrouble | null {
  let e = error;
  for (let depth = 0; depth < MAX_CAUSES && e instanceof Error; depth++, e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== "string") continue;
    if (code.startsWith("SQLITE_CONSTRAINT") || /^23[0-9A-Z]{3}$/.test(code)) return "conflict";
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED") || BUSY_SQLSTATES.has(code)) return "busy";
  }
  return null;
}

/**
 * The database could not take the statement now; its transaction was rolled back, so trying
 * again later is safe. The one test the action wrapper and the REST error mapper share.
 */
export const isBusyError = (error: unknown): boolean => databaseTrouble(error) === "busy";
