import { and, asc, count, eq, gte, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { configScopeOf, type AuditEntryRow, type EntityState } from "@/lib/action-log";
import { dayAfter, type ActionLogQuery } from "@/lib/validation/action-log";
import { MAX_INT4 } from "@/lib/validation/fields";
import type { Conn } from "../connection";
import { readPage, segment, type Page } from "../pager";
import { adminRoles, adminUsers, auditLog, auditLogSkus, orders, products, sources, stocks, storeGroups, stores, webhooks, websites } from "../schema";

/*
 * System > Action Log: the audit entries writeAudit stores, newest first, filtered and paged in
 * SQL (db/pager.ts), with what the log needs to show each one's entity today.
 */

interface ActionLogEntry extends AuditEntryRow {
  entity: EntityState;
}

export interface ActionLogPage extends Page<ActionLogEntry> {
  total: number;
}

const entryColumns = {
  id: auditLog.id,
  createdAt: auditLog.createdAt,
  username: auditLog.username,
  source: auditLog.source,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  changes: auditLog.changes,
  details: auditLog.details,
  revertOf: auditLog.revertOf,
};

type Filters = Pick<ActionLogQuery, "from" | "to" | "user" | "source" | "entityType" | "sku">;

function logFilters(db: Conn, query: Filters): SQL[] {
  const where: SQL[] = [];
  if (query.from) where.push(gte(auditLog.createdAt, `${query.from}T00:00:00.000Z`));
  if (query.to) where.push(lt(auditLog.createdAt, dayAfter(query.to)));
  if (query.user) where.push(eq(auditLog.username, query.user));
  if (query.source === "system") {
    // Entries from before `source` was recorded: no admin means the store itself.
    where.push(or(eq(auditLog.source, "system"), and(isNull(auditLog.source), isNull(auditLog.username)))!);
  } else if (query.source) where.push(eq(auditLog.source, query.source));
  if (query.entityType) where.push(eq(auditLog.entityType, query.entityType));
  if (query.sku) {
    where.push(inArray(auditLog.id, db.select({ id: auditLogSkus.auditId }).from(auditLogSkus).where(eq(auditLogSkus.sku, query.sku))));
  }
  return where;
}

/**
 * The Action Log: entries newest first, filtered and paged in SQL. Next / Previous read from a
 * keyset cursor on the id, so a page deep in a long history costs what the first does.
 */
export async function listActionLog(db: Conn, query: ActionLogQuery): Promise<ActionLogPage> {
  const where = logFilters(db, query);
  const countWhere = async (condition: SQL | undefined) => (await db.select({ n: count() }).from(auditLog).where(condition))[0].n;
  const total = await countWhere(and(...where));
  const entries = segment(
    0,
    {
      rows: async (condition, orderBy, limit, offset) =>
        (await db.select(entryColumns).from(auditLog).where(condition).orderBy(...orderBy).limit(limit).offset(offset)).map((row) => ({
          ...row,
          sortKey: row.id,
        })),
      count: countWhere,
    },
    where,
    null,
    auditLog.id,
  );
  const { rows, ...page } = await readPage([entries], { dir: "desc", page: query.page, limit: query.limit, after: query.after, before: query.before }, total);
  const skus = await skusOf(db, rows.map((r) => r.id));
  const withSkus = rows.map(({ sortKey: _sortKey, ...row }) => ({ ...row, skus: skus.get(row.id) ?? [] }));
  const states = await entityStates(db, withSkus);
  return { ...page, total, rows: withSkus.map((row) => ({ ...row, entity: states(row) })) };
}

/** One entry by id, as the log shows it, or null. */
export async function getAuditEntry(db: Conn, id: number): Promise<AuditEntryRow | null> {
  const [row] = await db.select(entryColumns).from(auditLog).where(eq(auditLog.id, id)).limit(1);
  return row ? { ...row, skus: (await skusOf(db, [id])).get(id) ?? [] } : null;
}

async function skusOf(db: Conn, ids: number[]): Promise<Map<number, string[]>> {
  const bySku = new Map<number, string[]>();
  if (ids.length === 0) return bySku;
  const rows = await db
    .select({ auditId: auditLogSkus.auditId, sku: auditLogSkus.sku })
    .from(auditLogSkus)
    .where(inArray(auditLogSkus.auditId, ids))
    .orderBy(asc(auditLogSkus.auditId), asc(auditLogSkus.sku));
  for (const { auditId, sku } of rows) bySku.set(auditId, [...(bySku.get(auditId) ?? []), sku]);
  return bySku;
}

/** The tables of entities that have an admin page: their key and the name the log shows. */
const ENTITY_TABLES: Record<string, { table: SQLiteTable; key: AnySQLiteColumn; name: AnySQLiteColumn; numeric: boolean }> = {
  product: { table: products, key: products.id, name: products.name, numeric: true },
  order: { table: orders, key: orders.id, name: orders.incrementId, numeric: true },
  source: { table: sources, key: sources.code, name: sources.name, numeric: false },
  stock: { table: stocks, key: stocks.id, name: stocks.name, numeric: true },
  website: { table: websites, key: websites.id, name: websites.name, numeric: true },
  store_group: { table: storeGroups, key: storeGroups.id, name: storeGroups.name, numeric: true },
  store: { table: stores, key: stores.id, name: stores.name, numeric: true },
  webhook: { table: webhooks, key: webhooks.id, name: webhooks.name, numeric: true },
  admin_user: { table: adminUsers, key: adminUsers.id, name: adminUsers.username, numeric: true },
  admin_role: { table: adminRoles, key: adminRoles.id, name: adminRoles.name, numeric: true },
};

/** A configuration entry's scope is a website or store view of these tables (Default Config always exists). */
const CONFIG_SCOPE_TYPES = { websites: "website", stores: "store" } as const;

/** Where each entity the page shows is today: one query per entity type on the page. */
async function entityStates(db: Conn, rows: readonly AuditEntryRow[]): Promise<(row: AuditEntryRow) => EntityState> {
  const target = (row: AuditEntryRow): { type: string; id: string } | null => {
    if (row.entityType !== "config") return row.entityId === null ? null : { type: row.entityType, id: row.entityId };
    const at = configScopeOf(row.entityId);
    return at && at.scope !== "default" ? { type: CONFIG_SCOPE_TYPES[at.scope], id: String(at.scopeId) } : null;
  };
  const wanted = new Map<string, Set<string>>();
  for (const row of rows) {
    const t = target(row);
    if (t && ENTITY_TABLES[t.type]) wanted.set(t.type, (wanted.get(t.type) ?? new Set()).add(t.id));
  }
  const names = new Map<string, string>();
  for (const [type, ids] of wanted) {
    const { table, key, name, numeric } = ENTITY_TABLES[type];
    // An id beyond PostgreSQL's integer would fail the comparison: no such row exists anyway.
    const keys = numeric ? [...ids].map(Number).filter((n) => Number.isInteger(n) && n > 0 && n <= MAX_INT4) : [...ids];
    if (keys.length === 0) continue;
    const found = await db.select({ key: key, name: name }).from(table).where(inArray(key, keys));
    for (const row of found) names.set(`${type}|${String(row.key)}`, String(row.name));
  }
  return (row) => {
    if (row.entityType === "config" && configScopeOf(row.entityId)?.scope === "default") return { exists: true, name: null };
    const t = target(row);
    const name = t ? names.get(`${t.type}|${t.id}`) : undefined;
    return { exists: name !== undefined, name: name ?? null };
  };
}

/** The admins, for the log's User filter. */
export async function listAdminUsernames(db: Conn): Promise<string[]> {
  return (await db.select({ username: adminUsers.username }).from(adminUsers).orderBy(asc(adminUsers.username))).map((r) => r.username);
}
