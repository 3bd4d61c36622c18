import type { Tx } from "../connection";
import { auditLog } from "../schema";

export interface AuditEntry {
  actor: { id: number; username: string } | null;
  action: string;
  entityType: string;
  entityId?: string | number;
  details?: unknown;
}

/** Records who changed what; call it inside the transaction of the change itself. */
export async function writeAudit(db: Tx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    adminUserId: entry.actor?.id ?? null,
    username: entry.actor?.username ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === undefined ? null : String(entry.entityId),
    details: entry.details === undefined ? null : JSON.stringify(entry.details),
  });
}
