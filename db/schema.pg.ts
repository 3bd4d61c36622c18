/**
 * The PostgreSQL twin of db/schema.ts, derived from it table by table so the two engines can never
 * drift: drizzle-kit reads this file to write db/migrations/pg, and nothing else imports it (the
 * queries use the tables of db/schema.ts on both engines; see db/connection.ts).
 *
 * Column types keep SQLite's storage: integers (booleans as 0/1), double precision for reals, text
 * for text (timestamps stay ISO-8601 text), so a row reads back the same on either engine.
 */
import { is, SQL, sql } from "drizzle-orm";
import {
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  check,
  type PgColumnBuilderBase,
} from "drizzle-orm/pg-core";
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from "drizzle-orm/sqlite-core";
import * as sqlite from "./schema";

/** db/schema.ts's "now" as ISO-8601 UTC text with milliseconds, the same shape SQLite writes. */
const NOW = sql`to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

function defaultOf(column: SQLiteColumn): unknown {
  const value = column.default;
  if (is(value, SQL)) {
    if (value === sqlite.nowIso) return NOW;
    throw new Error(`${column.name}: no PostgreSQL twin for this SQL default`);
  }
  return typeof value === "boolean" ? (value ? 1 : 0) : value;
}

function columnOf(column: SQLiteColumn): PgColumnBuilderBase {
  const { columnType, name } = column;
  let builder;
  if (columnType === "SQLiteText") builder = text(name);
  else if (columnType === "SQLiteReal") builder = doublePrecision(name);
  else if (columnType === "SQLiteInteger" || columnType === "SQLiteBoolean") {
    builder = column.primary && (column as unknown as { autoIncrement: boolean }).autoIncrement
      ? integer(name).generatedByDefaultAsIdentity()
      : integer(name);
  } else throw new Error(`${name}: no PostgreSQL twin for ${columnType}`);
  if (column.primary) builder = builder.primaryKey();
  if (column.notNull && !column.primary) builder = builder.notNull();
  if (column.isUnique) builder = builder.unique();
  if (column.hasDefault && column.default !== undefined) builder = builder.default(defaultOf(column) as never);
  return builder;
}

type Twin = ReturnType<typeof pgTable>;
const twins = new Map<SQLiteTable, Twin>();

function twin(table: SQLiteTable): Twin {
  const known = twins.get(table);
  if (known) return known;
  const config = getTableConfig(table);
  const keyOf = new Map(Object.entries(table).filter(([, c]) => config.columns.includes(c)).map(([k, c]) => [c, k]));
  const columns = Object.fromEntries(config.columns.map((c) => [keyOf.get(c)!, columnOf(c)]));
  const made = pgTable(config.name, columns, (t) => {
    const col = (c: SQLiteColumn) => (t as Record<string, never>)[keyOf.get(c)!];
    return [
      ...config.primaryKeys.map((pk) => primaryKey({ columns: pk.columns.map(col) as [never, ...never[]] })),
      ...config.indexes.map((ix) => {
        const on = ix.config.columns.map((c) => col(c as SQLiteColumn)) as [never, ...never[]];
        return (ix.config.unique ? uniqueIndex(ix.config.name) : index(ix.config.name)).on(...on);
      }),
      ...config.checks.map((ck) => check(ck.name, ck.value)),
      ...config.foreignKeys.map((fk) => {
        const ref = fk.reference();
        const target = twin(ref.foreignTable);
        const targetConfig = getTableConfig(ref.foreignTable);
        const targetKey = (c: SQLiteColumn) =>
          Object.entries(ref.foreignTable).find(([, v]) => v === c && targetConfig.columns.includes(c))![0];
        let built = foreignKey({
          name: fk.getName(),
          columns: ref.columns.map(col) as [never, ...never[]],
          foreignColumns: ref.foreignColumns.map((c) => (target as unknown as Record<string, never>)[targetKey(c)]) as [never, ...never[]],
        });
        if (fk.onDelete) built = built.onDelete(fk.onDelete);
        if (fk.onUpdate) built = built.onUpdate(fk.onUpdate);
        return built;
      }),
    ];
  });
  twins.set(table, made);
  return made;
}

const tables = Object.fromEntries(
  Object.entries(sqlite).filter(([, v]) => typeof v === "object" && v !== null && !is(v, SQL)).map(([k, v]) => [k, twin(v as SQLiteTable)]),
);

export const {
  websites, storeGroups, stores, configData, configHistory, products, productInventory, sources, stocks,
  stockSourceLinks, stockSalesChannels, sourceItems, reservations, reservationTotals, orders, orderItems,
  shipments, shipmentItems, adminRoles, adminUsers, adminSessions, auditLog, salableIndex, effectiveInventory, tableCounts,
  stockAlerts, webhooks, webhookDeliveries, webhookAttempts, creditmemos, creditmemoItems, auditLogSkus,
} = tables;
