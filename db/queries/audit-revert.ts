import { changedSinceMessage, configScopeOf, entryValueText, mayRevert, revertableChanges, type AuditEntryRow } from "@/lib/action-log";
import { ACCESS_DENIED, ALL_ACCESS, type RoleAcl } from "@/lib/auth/acl";
import { notFound, Refusal } from "@/lib/refusal";
import type { AuditChange, AuditValue } from "@/lib/validation/action-log";
import { MAX_INT4 } from "@/lib/validation/fields";
import { productFormSchema } from "@/lib/validation/product";
import { productChangedSince, revertedProductValues } from "@/lib/validation/product-changes";
import { transaction, type Conn, type Tx } from "../connection";
import { getAuditEntry } from "./action-log";
import type { AuditEntry } from "./audit";
import { getScopeTarget, saveConfigValues } from "./config";
import { listConfigRows } from "./inventory";
import { getProductForEdit } from "./product-page";
import { saveProduct } from "./product-save";

export const ENTRY_NOT_FOUND = "This log entry no longer exists. Reload the page.";
export const NOT_REVERTABLE = "Only configuration and product inventory changes recorded field by field can be reverted.";
const SCOPE_GONE = "The scope of this change no longer exists. Nothing was reverted.";
const PRODUCT_GONE = "The product of this change no longer exists. Nothing was reverted.";

/**
 * System > Action Log's Revert, in one transaction: every field the entry changed must still hold
 * the value it set, or nothing is reverted (a later change would be undone with it). The old
 * values then go through the entity's own save (saveConfigValues at the entry's scope, or
 * saveProduct), so the figures, the inventory-rules §8 stock status and the audit follow, and
 * the save's audit entry names the entry it reverted, so a revert can itself be reverted. The
 * admin's role (`acl`) must grant the entity's own save.
 */
export async function revertAuditEntry(db: Conn, id: number, actor: AuditEntry["actor"], acl: RoleAcl = ALL_ACCESS): Promise<void> {
  await transaction(db, async (tx) => {
    const entry = await getAuditEntry(tx, id);
    if (!entry) throw notFound(ENTRY_NOT_FOUND);
    const changes = revertableChanges(entry);
    if (!changes) throw new Refusal("not_allowed", NOT_REVERTABLE);
    if (!mayRevert(acl, entry.entityType)) throw new Refusal("not_allowed", ACCESS_DENIED);
    if (entry.entityType === "config") await revertConfig(tx, entry, changes, actor);
    else await revertProduct(tx, entry, changes, actor);
  });
}

/** Refuses the revert when any field no longer holds the entry's new value, naming each with its value now. */
function refuseChangedSince(entry: AuditEntryRow, changed: readonly { change: AuditChange; now: AuditValue | undefined }[]): void {
  if (changed.length === 0) return;
  const fields = changed.map(({ change, now }) => ({ label: change.label, now: entryValueText(entry, change.field, now) }));
  throw new Refusal("stale", changedSinceMessage(fields));
}

const storedText = (value: AuditValue) => (value === null ? null : String(value));

async function revertConfig(tx: Tx, entry: AuditEntryRow, changes: readonly AuditChange[], actor: AuditEntry["actor"]) {
  const at = configScopeOf(entry.entityId);
  if (!at || !(await getScopeTarget(tx, at.scope, at.scopeId))) throw notFound(SCOPE_GONE);
  const stored = new Map(
    (await listConfigRows(tx)).filter((r) => r.scope === at.scope && r.scopeId === at.scopeId).map((r) => [r.path, r.value]),
  );
  const now = (path: string) => stored.get(path) ?? null;
  refuseChangedSince(
    entry,
    changes.filter((c) => now(c.field) !== c.new).map((change) => ({ change, now: now(change.field) })),
  );
  await saveConfigValues(tx, {
    scope: at.scope,
    scopeId: at.scopeId,
    values: Object.fromEntries(changes.map((c) => [c.field, storedText(c.old)])),
    expected: Object.fromEntries(changes.map((c) => [c.field, storedText(c.new)])),
    actor,
    revertOf: entry.id,
  });
}

async function revertProduct(tx: Tx, entry: AuditEntryRow, changes: readonly AuditChange[], actor: AuditEntry["actor"]) {
  const id = Number(entry.entityId);
  const current = Number.isInteger(id) && id > 0 && id <= MAX_INT4 ? await getProductForEdit(tx, { id }) : null;
  if (!current) throw notFound(PRODUCT_GONE);
  refuseChangedSince(entry, productChangedSince(changes, { values: current.values, items: current.sourceItems }, current.singleSourceMode));
  // The product page's own rules: an old value may not fit with what was saved since (Minimum above Maximum Qty).
  const parsed = productFormSchema.safeParse(revertedProductValues(current.values, changes));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const label = changes.find((c) => c.field === issue.path.at(-1))?.label ?? issue.path.join(".");
    throw new Refusal("invalid", `The old value of ${label} can't be saved now: ${issue.message} Nothing was reverted.`);
  }
  const { stockItem, sources: _sources, ...product } = parsed.data;
  await saveProduct(tx, { id, product, stockItem, actor, revertOf: entry.id });
}
