import { and, count, desc, eq, inArray, isNull, lte, max, type SQL } from "drizzle-orm";
import type { StockAlertKind } from "@/lib/inventory";
import { transaction, type Conn } from "../connection";
import { readPage, segment, type Page } from "../pager";
import { products, stockAlerts, stocks } from "../schema";
import { writeAudit, type AuditEntry } from "./audit";

/*
 * Reading the stock alerts the index pass writes (db/queries/inventory-index.ts): the admin's
 * notifications, the Notify Low Stock RSS feed and the webhook payloads all show these fields.
 */

/** An alert with the names a person reads: the product's as it is now, the stock's (null once deleted). */
export function alertViewQuery(db: Conn) {
  return db
    .select({
      id: stockAlerts.id,
      kind: stockAlerts.kind,
      productId: stockAlerts.productId,
      sku: stockAlerts.sku,
      productName: products.name,
      stockId: stockAlerts.stockId,
      stockName: stocks.name,
      salableQty: stockAlerts.salableQty,
      qtyLeft: stockAlerts.qtyLeft,
      notifyQty: stockAlerts.notifyQty,
      createdAt: stockAlerts.createdAt,
      readAt: stockAlerts.readAt,
    })
    .from(stockAlerts)
    .leftJoin(products, eq(products.id, stockAlerts.productId))
    .leftJoin(stocks, eq(stocks.id, stockAlerts.stockId))
    .$dynamic();
}

export type AlertView = Awaited<ReturnType<ReturnType<typeof alertViewQuery>["execute"]>>[number];

/** The newest alerts first (the id is the order they were raised in). */
export async function listRecentAlerts(db: Conn, limit: number): Promise<AlertView[]> {
  return alertViewQuery(db).orderBy(desc(stockAlerts.id)).limit(limit);
}

/** The bell's figure: one count over stock_alerts_unread_idx (read_at, id). */
export async function countUnreadAlerts(db: Conn): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(stockAlerts).where(isNull(stockAlerts.readAt));
  return n;
}

/** The newest unread alert's id, or null: how far "Mark All as Read" reaches from the page shown. */
export async function newestUnreadAlertId(db: Conn): Promise<number | null> {
  const [{ id }] = await db.select({ id: max(stockAlerts.id) }).from(stockAlerts).where(isNull(stockAlerts.readAt));
  return id;
}

export interface AlertListQuery {
  unreadOnly: boolean;
  kind?: StockAlertKind;
  /** 1-based. */
  page: number;
  limit: number;
  /** Keyset cursors of the Next / Previous links (db/pager.ts). */
  after?: string;
  before?: string;
}

export interface AlertListPage extends Page<AlertView> {
  total: number;
}

function alertFilters(query: Pick<AlertListQuery, "unreadOnly" | "kind">): SQL[] {
  const where: SQL[] = [];
  if (query.unreadOnly) where.push(isNull(stockAlerts.readAt));
  if (query.kind) where.push(eq(stockAlerts.kind, query.kind));
  return where;
}

/**
 * System > Notifications: the alerts newest first, filtered and paged in SQL. Next / Previous
 * read from a keyset cursor on the id, so a page deep in a long history costs what the first does.
 */
export async function listAlerts(db: Conn, query: AlertListQuery): Promise<AlertListPage> {
  const where = alertFilters(query);
  const countWhere = async (condition: SQL | undefined) => (await db.select({ n: count() }).from(stockAlerts).where(condition))[0].n;
  const total = await countWhere(and(...where));
  const alerts = segment(
    0,
    {
      rows: async (condition, orderBy, limit, offset) =>
        (await alertViewQuery(db).where(condition).orderBy(...orderBy).limit(limit).offset(offset)).map((row) => ({ ...row, sortKey: row.id })),
      count: countWhere,
    },
    where,
    null,
    stockAlerts.id,
  );
  const { rows, ...page } = await readPage([alerts], { dir: "desc", page: query.page, limit: query.limit, after: query.after, before: query.before }, total);
  return { ...page, total, rows: rows.map(({ sortKey: _sortKey, ...row }) => row) };
}

type Actor = AuditEntry["actor"];

/**
 * Marks the alerts of `ids` read; ids already read or unknown are left alone. Answers how many
 * were marked now.
 */
export async function markAlertsRead(db: Conn, ids: readonly number[], actor: Actor, now = new Date()): Promise<number> {
  return transaction(db, async (tx) => {
    const marked = await tx
      .update(stockAlerts)
      .set({ readAt: now.toISOString() })
      .where(and(inArray(stockAlerts.id, [...ids]), isNull(stockAlerts.readAt)))
      .returning({ id: stockAlerts.id });
    if (marked.length > 0) {
      await writeAudit(tx, { actor, action: "mark_read", entityType: "stock_alert", details: { ids: marked.map((m) => m.id).sort((a, b) => a - b) } });
    }
    return marked.length;
  });
}

/**
 * "Mark All as Read": every unread alert up to `upToId`, the newest the merchant's page showed, so
 * an alert raised after the page was rendered stays unread. Answers how many were marked.
 */
export async function markAllAlertsRead(db: Conn, upToId: number, actor: Actor, now = new Date()): Promise<number> {
  return transaction(db, async (tx) => {
    const marked = await tx
      .update(stockAlerts)
      .set({ readAt: now.toISOString() })
      .where(and(isNull(stockAlerts.readAt), lte(stockAlerts.id, upToId)))
      .returning({ id: stockAlerts.id });
    if (marked.length > 0) {
      await writeAudit(tx, { actor, action: "mark_all_read", entityType: "stock_alert", details: { upToId, count: marked.length } });
    }
    return marked.length;
  });
}
