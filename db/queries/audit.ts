import type { AuditChange } from "@/lib/validation/action-log";
import { insertRows, type Tx } from "../connection";
import { auditLog, auditLogSkus } from "../schema";

/** Who made a change, and how they were signed in: absent `via` is an admin page (a browser session). */
interface AuditActor {
  id: number;
  username: string;
  via?: "rest" | "import";
}

export interface AuditEntry {
  /** Null: the store itself (a start-up task, a worker), no admin. */
  actor: AuditActor | null;
  action: string;
  entityType: string;
  entityId?: string | number;
  /** The SKUs the change touched: System > Action Log filters by them. */
  skus?: readonly string[];
  /** Field by field, old → new: what the Action Log shows and what its Revert restores. */
  changes?: readonly AuditChange[];
  /** The entry this change reverted (System > Action Log's Revert). */
  revertOf?: number;
  details?: unknown;
}

function auditRow(entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
    adminUserId: entry.actor?.id ?? null,
    username: entry.actor?.username ?? null,
    source: entry.actor ? (entry.actor.via ?? "admin") : "system",
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === undefined ? null : String(entry.entityId),
    changes: entry.changes === undefined ? null : JSON.stringify(entry.changes),
    revertOf: entry.revertOf ?? null,
    details: entry.details === undefined ? null : JSON.stringify(entry.details),
  };
}

const skuRows = (auditId: number, entry: AuditEntry) => [...new Set(entry.skus ?? [])].map((sku) => ({ auditId, sku }));

/** Records who changed what, where and how; call it inside the transaction of the change itself. */
export async function writeAudit(db: Tx, entry: AuditEntry): Promise<void> {
  const [{ id }] = await db.insert(auditLog).values(auditRow(entry)).returning({ id: auditLog.id });
  await insertRows(db, auditLogSkus, skuRows(id, entry));
}

const AUDIT_BATCH = 500;

/**
 * Many entries of one change (a mass update's, one per product so each can be reverted alone):
 * two statements per AUDIT_BATCH entries instead of two per entry.
 */
export async function writeAudits(db: Tx, entries: readonly AuditEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += AUDIT_BATCH) {
    const batch = entries.slice(start, start + AUDIT_BATCH);
    const returned = await db.insert(auditLog).values(batch.map(auditRow)).returning({ id: auditLog.id });
    // Both engines number the rows in VALUES order; RETURNING's order is not promised, so sort.
    const ids = returned.map((row) => row.id).sort((a, b) => a - b);
    await insertRows(db, auditLogSkus, batch.flatMap((entry, i) => skuRows(ids[i], entry)));
  }
}
