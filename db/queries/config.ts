import { and, asc, count, desc, eq, gt, inArray } from "drizzle-orm";
import {
  configWarnings,
  effectiveSettings,
  fieldAppliesAtScope,
  fieldByKey,
  fieldByPath,
  resolveConfigAt,
  statusOnConfigChange,
  withConfigValues,
  type ConfigRow,
  type ConfigWarning,
  type InventoryConfigKey,
  type ResolvedInventoryConfig,
  type Scope,
  type ScopeNames,
  type SourceItemStatus,
} from "@/lib/inventory";
import { canonicalConfigValue, configValueIssues, minMaxSaleQtyError, type ConfigSave } from "@/lib/validation/config";
import { transaction, yieldToOtherRequests, type Conn, type Tx } from "../connection";
import { configData, configHistory, productInventory, products, sourceItems, storeGroups, stores, websites } from "../schema";
import { writeAudit, type AuditEntry } from "./audit";
import { getGlobalConfig, listConfigRows, toProductSettings } from "./inventory";
import { followingConfig, refreshInventoryIndex } from "./inventory-index";
import { DEFAULT_SOURCE_CODE, isSingleSourceMode } from "./sources";
import { invalid, notFound, Refusal } from "@/lib/refusal";

/** A scope of the configuration page that exists. */
export interface ScopeTarget {
  scope: Scope;
  scopeId: number;
  /** The website a store view belongs to: its values are inherited through it (inventory-rules §1.1). */
  websiteId?: number;
}

/**
 * The scope at (scope, scopeId) if it exists: Default Config is id 0; a website or store view must
 * be in the database (never trust an id from the browser or an API client).
 */
export async function getScopeTarget(db: Conn, scope: Scope, scopeId: number): Promise<ScopeTarget | null> {
  if (scope === "default") return scopeId === 0 ? { scope, scopeId } : null;
  if (scope === "websites") {
    const [website] = await db.select({ id: websites.id }).from(websites).where(eq(websites.id, scopeId)).limit(1);
    return website ? { scope, scopeId } : null;
  }
  const [store] = await db.select({ websiteId: stores.websiteId }).from(stores).where(eq(stores.id, scopeId)).limit(1);
  return store ? { scope, scopeId, websiteId: store.websiteId } : null;
}

export interface ScopeTree {
  websites: {
    id: number;
    name: string;
    groups: { id: number; name: string; stores: { id: number; name: string }[] }[];
  }[];
}

/** Websites › store groups › store views, for the "Scope:" switcher. Three queries. */
async function getScopeTree(db: Conn): Promise<ScopeTree> {
  const websiteRows = await db.select().from(websites).orderBy(asc(websites.sortOrder), asc(websites.id));
  const groupRows = await db.select().from(storeGroups).orderBy(asc(storeGroups.id));
  const storeRows = await db.select().from(stores).orderBy(asc(stores.id));
  return {
    websites: websiteRows.map((website) => ({
      id: website.id,
      name: website.name,
      groups: groupRows
        .filter((group) => group.websiteId === website.id)
        .map((group) => ({
          id: group.id,
          name: group.name,
          stores: storeRows.filter((store) => store.groupId === group.id).map((store) => ({ id: store.id, name: store.name })),
        })),
    })),
  };
}

/** Names for describeOrigin ("Website: Main Website"). */
export function scopeNames(tree: ScopeTree): Required<ScopeNames> {
  return {
    websites: Object.fromEntries(tree.websites.map((w) => [w.id, w.name])),
    stores: Object.fromEntries(tree.websites.flatMap((w) => w.groups.flatMap((g) => g.stores.map((s) => [s.id, s.name])))),
  };
}

interface ConfigHistoryEntry {
  id: number;
  createdAt: string;
  username: string;
  scope: Scope;
  scopeId: number;
  path: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface ConfigHistoryPage {
  entries: ConfigHistoryEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/** Every saved configuration value, newest first, one page of it (paged in SQL). */
export async function listConfigHistory(db: Conn, page: number, pageSize: number): Promise<ConfigHistoryPage> {
  const [{ n: total }] = await db.select({ n: count() }).from(configHistory);
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), lastPage);
  const entries = await db
    .select({
      id: configHistory.id,
      createdAt: configHistory.createdAt,
      username: configHistory.username,
      scope: configHistory.scope,
      scopeId: configHistory.scopeId,
      path: configHistory.path,
      oldValue: configHistory.oldValue,
      newValue: configHistory.newValue,
    })
    .from(configHistory)
    .orderBy(desc(configHistory.id))
    .limit(pageSize)
    .offset((current - 1) * pageSize);
  return { entries, total, page: current, pageSize };
}

export interface ScopeConfig {
  target: ScopeTarget;
  tree: ScopeTree;
  /** Every stored value of every scope: callers resolve inheritance with lib/inventory. */
  rows: ConfigRow[];
}

/** The configuration as seen from one scope, or null when the scope does not exist. Four queries. */
export async function getScopeConfig(db: Conn, scope: Scope, scopeId: number): Promise<ScopeConfig | null> {
  const target = await getScopeTarget(db, scope, scopeId);
  if (!target) return null;
  return { target, tree: await getScopeTree(db), rows: await listConfigRows(db) };
}

export interface ConfigPageData extends ScopeConfig {
  history: ConfigHistoryPage;
}

const HISTORY_PAGE_SIZE = 20;

/** Everything the configuration page shows at one scope, or null when the scope does not exist. */
export async function getConfigPageData(db: Conn, scope: Scope, scopeId: number, historyPage = 1): Promise<ConfigPageData | null> {
  const config = await getScopeConfig(db, scope, scopeId);
  if (!config) return null;
  return { ...config, history: await listConfigHistory(db, historyPage, HISTORY_PAGE_SIZE) };
}

const STATUS_CHUNK = 2000;

/**
 * Inventory-rules §8 after a configuration change, single-source mode: default source items follow
 * statusOnConfigChange under the new [GLOBAL] configuration. Returns how many switched each way.
 */
async function applyConfigStatusChanges(
  db: Tx,
  config: ResolvedInventoryConfig,
  changed: InventoryConfigKey[],
): Promise<{ toOutOfStock: number; toInStock: number }> {
  const switched = { toOutOfStock: 0, toInStock: 0 };
  // Only products that take a changed value from the configuration can change status.
  const moved = followingConfig(changed);
  if (!moved || !(await isSingleSourceMode(db))) return switched;
  let lastId = 0;
  for (;;) {
    const chunk = await db
      .select({ item: sourceItems, inv: productInventory })
      .from(sourceItems)
      .innerJoin(products, eq(products.sku, sourceItems.sku))
      .innerJoin(productInventory, eq(productInventory.productId, products.id))
      .where(and(eq(sourceItems.sourceCode, DEFAULT_SOURCE_CODE), gt(sourceItems.id, lastId), moved))
      .orderBy(asc(sourceItems.id))
      .limit(STATUS_CHUNK);
    if (chunk.length === 0) return switched;
    // A pass over the whole catalog: let other requests run between chunks.
    await yieldToOtherRequests();
    const toOut: number[] = [];
    const toIn: number[] = [];
    for (const { item, inv } of chunk) {
      const eff = effectiveSettings(toProductSettings(inv), config.values, config.origins);
      const decision = statusOnConfigChange({
        manageStock: eff.manageStock.value,
        backorders: eff.backorders.value,
        qty: item.quantity,
        effectiveThreshold: eff.effectiveMinQty,
        status: item.status as SourceItemStatus,
        automatic: item.statusAutomatic,
      });
      if (decision.status === item.status) continue;
      (decision.status === 0 ? toOut : toIn).push(item.id);
    }
    if (toOut.length > 0) {
      await db.update(sourceItems).set({ status: 0, statusAutomatic: true }).where(inArray(sourceItems.id, toOut));
    }
    if (toIn.length > 0) {
      await db.update(sourceItems).set({ status: 1, statusAutomatic: false }).where(inArray(sourceItems.id, toIn));
    }
    switched.toOutOfStock += toOut.length;
    switched.toInStock += toIn.length;
    lastId = chunk[chunk.length - 1].item.id;
  }
}

interface ConfigValueChange {
  path: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface SaveConfigResult {
  changes: ConfigValueChange[];
  warnings: ConfigWarning[];
}

export const SCOPE_NOT_FOUND = "The scope you are saving to no longer exists.";

export interface SaveConfigInput extends ConfigSave {
  actor: AuditEntry["actor"];
  /** The audit entry this save reverts (System > Action Log). */
  revertOf?: number;
}

function conflictMessage(paths: string[]): string {
  const labels = paths.map((path) => fieldByPath(path)?.label ?? path).join(", ");
  return `Someone else changed ${labels} since you opened this page. Reload the page to see the current values, then save again.`;
}

/**
 * Saves values at one scope (null = remove, inherit again) in one immediate transaction: the
 * config_data writes, a config_history row per changed value, the audit entry and, for Default
 * Config, the inventory-rules §8 status switch and the salable index of every product. Nothing is written when any value is invalid,
 * Minimum Qty would exceed Maximum Qty, or a value changed since the merchant loaded it.
 */
export async function saveConfigValues(db: Conn, input: SaveConfigInput): Promise<SaveConfigResult> {
  return transaction(db, async (tx): Promise<SaveConfigResult> => {
      const target = await getScopeTarget(tx, input.scope, input.scopeId);
      if (!target) throw notFound(SCOPE_NOT_FOUND);
      const issues = configValueIssues(input.scope, input.values);
      if (issues.length > 0) {
        throw new Refusal("invalid", issues[0].message, { fieldErrors: Object.fromEntries(issues.map((i) => [i.path, i.message])) });
      }
      const rows = await listConfigRows(tx);
      const storedHere = new Map(
        rows.filter((r) => r.scope === input.scope && r.scopeId === input.scopeId).map((r) => [r.path, r.value]),
      );
      const stored = (path: string) => storedHere.get(path) ?? null;

      const conflicts = Object.entries(input.expected ?? {}).filter(([path, expected]) => stored(path) !== expected);
      if (conflicts.length > 0) {
        throw new Refusal("stale", conflictMessage(conflicts.map(([path]) => path)));
      }

      const values = Object.fromEntries(
        Object.entries(input.values).map(([path, value]) => [
          path,
          value === null ? null : canonicalConfigValue(fieldByPath(path)!, value),
        ]),
      );
      const changes: ConfigValueChange[] = Object.entries(values)
        .filter(([path, value]) => stored(path) !== value)
        .map(([path, newValue]) => ({ path, oldValue: stored(path), newValue }));
      const after = withConfigValues(rows, input.scope, input.scopeId, values);
      const resolvedAfter = resolveConfigAt(after, input.scope, input.scopeId, target.websiteId);

      const minPath = fieldByKey("minSaleQty").path;
      const maxPath = fieldByKey("maxSaleQty").path;
      if (changes.some((c) => c.path === minPath || c.path === maxPath)) {
        const message = minMaxSaleQtyError(resolvedAfter.values.minSaleQty, resolvedAfter.values.maxSaleQty);
        if (message) throw invalid(message, {}, minPath);
      }

      const warnings = configWarnings(resolvedAfter).filter((w) => fieldAppliesAtScope(fieldByKey(w.key), input.scope));
      if (changes.length === 0) return { changes, warnings };

      for (const change of changes) {
        const where = and(
          eq(configData.scope, input.scope),
          eq(configData.scopeId, input.scopeId),
          eq(configData.path, change.path),
        );
        if (change.newValue === null) {
          await tx.delete(configData).where(where);
        } else {
          await tx
            .insert(configData)
            .values({ scope: input.scope, scopeId: input.scopeId, path: change.path, value: change.newValue })
            .onConflictDoUpdate({
              target: [configData.scope, configData.scopeId, configData.path],
              set: { value: change.newValue, updatedAt: new Date().toISOString() },
            });
        }
      }
      await tx
        .insert(configHistory)
        .values(
          changes.map((change) => ({
            scope: input.scope,
            scopeId: input.scopeId,
            path: change.path,
            oldValue: change.oldValue,
            newValue: change.newValue,
            adminUserId: input.actor?.id ?? null,
            username: input.actor?.username ?? "system",
          })),
        );
      // [GLOBAL] fields live at Default Config only, and the status rule (inventory-rules §8) and the index
      // (getGlobalConfig) read nothing else: a website or store view value cannot move them.
      const global = input.scope === "default";
      const changedKeys = changes.flatMap((c) => fieldByPath(c.path)?.key ?? []);
      const statusSwitched = global
        ? await applyConfigStatusChanges(tx, await getGlobalConfig(tx), changedKeys)
        : { toOutOfStock: 0, toInStock: 0 };
      await writeAudit(tx, {
        actor: input.actor,
        action: "config.save",
        entityType: "config",
        entityId: `${input.scope}/${input.scopeId}`,
        changes: changes.map((c) => ({ field: c.path, label: fieldByPath(c.path)!.label, old: c.oldValue, new: c.newValue })),
        revertOf: input.revertOf,
        details: { statusSwitched },
      });
      if (global) {
        // Only products taking a changed value from the configuration can move (inventory-rules §1.3).
        await refreshInventoryIndex(tx, { configChanged: changedKeys });
      }
      return { changes, warnings };
    },
  );
}
