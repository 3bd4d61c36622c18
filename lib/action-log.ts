import { isAllowed, type AclResource, type RoleAcl } from "@/lib/auth/acl";
import { formatQty, fieldByPath, inheritLabel, optionLabel, type Scope } from "@/lib/inventory";
import { parseAuditChanges, type AuditChange, type AuditSource, type AuditValue } from "@/lib/validation/action-log";
import { configPageHref } from "@/lib/validation/config";
import { isRevertableProductField, productValueText } from "@/lib/validation/product-changes";

/*
 * System > Action Log in words: who, where, what and on which entity, from the audit entries
 * writeAudit stores. Entries written before the log existed keep their own `details` shapes;
 * they show what they have.
 */

/** An audit entry as the Action Log reads it. */
export interface AuditEntryRow {
  id: number;
  createdAt: string;
  username: string | null;
  source: AuditSource | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: string | null;
  details: string | null;
  revertOf: number | null;
  skus: string[];
}

/** What the Action Log knows of the entity today: whether its admin page still exists, and its name. */
export interface EntityState {
  exists: boolean;
  name: string | null;
}

const SOURCE_LABELS: Record<AuditSource, string> = {
  admin: "Admin",
  rest: "REST API",
  import: "Import",
  system: "System",
};

/** The entity types the log records, as its Entity filter lists them. */
export const ENTITY_TYPE_LABELS: Readonly<Record<string, string>> = {
  config: "Configuration",
  product: "Product",
  source_item: "Source items",
  source_item_configuration: "Source item Notify Qty",
  source: "Source",
  stock: "Stock",
  stock_source_link: "Stock source links",
  order: "Order",
  website: "Website",
  store_group: "Store",
  store: "Store View",
  webhook: "Webhook",
  webhook_delivery: "Webhook delivery",
  stock_alert: "Notifications",
  admin_user: "User",
  admin_role: "Role",
};

/** Each action key as a person says it; keys are `entity type:action`, as the call sites wrote them. */
const ACTION_LABELS: Readonly<Record<string, string>> = {
  "config:config.save": "Configuration saved",
  "product:product_created": "Product created",
  "product:product_saved": "Product saved",
  "product:product_deleted": "Product deleted",
  "product:import": "Products imported",
  "source_item:save": "Source items saved",
  "source_item:delete": "Source items unassigned",
  "source_item:bulk_assign": "Sources assigned in bulk",
  "source_item:bulk_unassign": "Sources unassigned in bulk",
  "source_item:bulk_transfer": "Inventory transferred in bulk",
  "source_item:import": "Stock Sources imported",
  "source_item_configuration:save": "Notify Qty per source saved",
  "source:create": "Source created",
  "source:update": "Source saved",
  "stock:create": "Stock created",
  "stock:update": "Stock saved",
  "stock:delete": "Stock deleted",
  "stock_source_link:save": "Sources linked to stocks",
  "stock_source_link:delete": "Sources unlinked from stocks",
  "order:order.place": "Order placed",
  "order:order.cancel": "Order canceled",
  "order:order.ship": "Order shipped",
  "order:order.creditmemo": "Credit memo created",
  "website:website.create": "Website created",
  "website:website.update": "Website saved",
  "website:website.delete": "Website deleted",
  "store_group:store_group.create": "Store created",
  "store_group:store_group.update": "Store saved",
  "store_group:store_group.delete": "Store deleted",
  "store:store.create": "Store view created",
  "store:store.update": "Store view saved",
  "store:store.delete": "Store view deleted",
  "webhook:create": "Webhook created",
  "webhook:update": "Webhook saved",
  "webhook:delete": "Webhook deleted",
  "webhook:regenerate_secret": "Webhook secret regenerated",
  "webhook_delivery:resend": "Webhook delivery resent",
  "stock_alert:mark_read": "Notifications marked as read",
  "stock_alert:mark_all_read": "All notifications marked as read",
  "admin_user:create": "User created",
  "admin_user:update": "User saved",
  "admin_user:disable": "User disabled",
  "admin_user:enable": "User enabled",
  "admin_user:unlock": "User unlocked",
  "admin_role:create": "Role created",
  "admin_role:update": "Role saved",
  "admin_role:delete": "Role deleted",
};

/**
 * The entries Revert applies to, by entity type: their save is the one a revert goes through, so
 * the admin's role must grant that save's resource too.
 */
const REVERTABLE: Readonly<Record<string, { action: string; reverted: string; resource: AclResource }>> = {
  config: { action: "config.save", reverted: "Configuration reverted", resource: "Magento_CatalogInventory::cataloginventory" },
  product: { action: "product_saved", reverted: "Product reverted", resource: "Magento_Catalog::products" },
};

/** Whether a role may revert entries of this type (the entity's own save is what a revert runs). */
export function mayRevert(acl: RoleAcl, entityType: string): boolean {
  const revertable = REVERTABLE[entityType];
  return revertable !== undefined && isAllowed(acl, revertable.resource);
}

export function actionLabel(entry: Pick<AuditEntryRow, "entityType" | "action" | "revertOf">): string {
  if (entry.revertOf !== null && REVERTABLE[entry.entityType]) return REVERTABLE[entry.entityType].reverted;
  return ACTION_LABELS[`${entry.entityType}:${entry.action}`] ?? `${entityTypeLabel(entry.entityType)}: ${entry.action}`;
}

const entityTypeLabel = (type: string) => ENTITY_TYPE_LABELS[type] ?? type;

/** "admin", "REST: admin" for a token's admin, "System" for no admin. */
export function userLabel(entry: Pick<AuditEntryRow, "username" | "source">): string {
  if (entry.username === null) return "System";
  return entry.source === "rest" ? `REST: ${entry.username}` : entry.username;
}

/** Where: recorded since the Action Log exists; before, only "no admin" is known. */
export function sourceLabel(entry: Pick<AuditEntryRow, "username" | "source">): string | null {
  if (entry.source) return SOURCE_LABELS[entry.source];
  return entry.username === null ? SOURCE_LABELS.system : null;
}

/** A configuration entry's scope, from its entity id ("websites/1"). */
export function configScopeOf(entityId: string | null): { scope: Scope; scopeId: number } | null {
  const match = /^(default|websites|stores)\/(\d{1,10})$/.exec(entityId ?? "");
  return match ? { scope: match[1] as Scope, scopeId: Number(match[2]) } : null;
}

/** The admin page of an entity, by type and id; null where the entity has no page of its own. */
function entityHref(type: string, id: string): string | null {
  const scope = type === "config" ? configScopeOf(id) : null;
  if (scope) return configPageHref(scope.scope, scope.scopeId);
  const pages: Record<string, string> = {
    product: "/admin/catalog/product/edit/id/",
    order: "/admin/sales/order/view/order_id/",
    source: "/admin/inventory/source/edit/source_code/",
    stock: "/admin/inventory/stock/edit/id/",
    website: "/admin/system_store/editWebsite/website_id/",
    store_group: "/admin/system_store/editGroup/group_id/",
    store: "/admin/system_store/editStore/store_id/",
    webhook: "/admin/webhooks/edit/id/",
    admin_user: "/admin/user/edit/user_id/",
    admin_role: "/admin/user_role/editrole/rid/",
  };
  return pages[type] ? `${pages[type]}${encodeURIComponent(id)}` : null;
}

const SCOPE_NAMES: Record<Scope, string> = { default: "Default Config", websites: "Website", stores: "Store View" };
const MAX_SKUS_SHOWN = 3;

function skuList(skus: readonly string[]): string {
  const shown = skus.slice(0, MAX_SKUS_SHOWN).join(", ");
  return skus.length > MAX_SKUS_SHOWN ? `${shown} and ${skus.length - MAX_SKUS_SHOWN} more` : shown;
}

/** The Entity column: type and id or SKU, linked to its admin page while that still exists. */
export function entityOf(entry: AuditEntryRow, state: EntityState): { label: string; href: string | null } {
  const type = entityTypeLabel(entry.entityType);
  const href = entry.entityId !== null && state.exists ? entityHref(entry.entityType, entry.entityId) : null;
  if (entry.entityType === "config") {
    const at = configScopeOf(entry.entityId);
    const scope = at && (at.scope === "default" ? SCOPE_NAMES.default : `${SCOPE_NAMES[at.scope]} ${state.name ?? `ID ${at.scopeId}`}`);
    return { label: `${type}: ${scope ?? entry.entityId}`, href };
  }
  if (entry.entityType === "product" && entry.action !== "import") {
    // The SKU as saved (after a rename the entry names both: details say which is the new one).
    const details = parseDetails(entry.details);
    const sku = isObject(details) && typeof details.sku === "string" ? details.sku : entry.skus[0];
    return { label: `${type}: ${sku ?? state.name ?? `ID ${entry.entityId}`}`, href };
  }
  if (entry.entityId === null) return { label: entry.skus.length > 0 ? `${type}: ${skuList(entry.skus)}` : type, href: null };
  if (entry.entityType === "order") return { label: `${type} #${state.name ?? entry.entityId}`, href };
  return { label: state.name === null ? `${type} ${entry.entityId}` : `${type}: ${state.name}`, href };
}

function valueText(entry: AuditEntryRow, field: string, value: AuditValue): string {
  if (entry.entityType === "product") return productValueText(field, value);
  if (entry.entityType === "config") {
    const scope = configScopeOf(entry.entityId)?.scope ?? "default";
    const config = fieldByPath(field);
    if (value === null) return inheritLabel(scope);
    return config ? optionLabel(config.key, value) : String(value);
  }
  if (value === null) return "none";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return typeof value === "number" ? formatQty(value) : value;
}

function changeLine(entry: AuditEntryRow, change: AuditChange, created: boolean): string {
  const to = valueText(entry, change.field, change.new);
  return created ? `${change.label}: ${to}` : `${change.label}: ${valueText(entry, change.field, change.old)} → ${to}`;
}

function parseDetails(json: string | null): unknown {
  try {
    return json === null ? null : JSON.parse(json);
  } catch {
    return null;
  }
}

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === "object" && value !== null && !Array.isArray(value);
const listOf = (value: unknown): Loose[] => (Array.isArray(value) ? value.filter(isObject) : []);
const str = (value: unknown) => (typeof value === "number" ? formatQty(value) : String(value ?? ""));

/** Entries written before the `changes` column, and the lines of entries that have no fields: what their details say. */
function detailLines(entry: AuditEntryRow): string[] {
  const details = parseDetails(entry.details);
  const obj = isObject(details) ? details : {};
  const key = `${entry.entityType}:${entry.action}`;
  if (entry.entityType === "config") {
    // Before the Action Log: {changes: [{path, oldValue, newValue}]}.
    return listOf(obj.changes).map((c) => {
      const field = String(c.path);
      const label = fieldByPath(field)?.label ?? field;
      return changeLine(entry, { field, label, old: (c.oldValue ?? null) as AuditValue, new: (c.newValue ?? null) as AuditValue }, false);
    });
  }
  if (entry.action === "import") return importLines(obj);
  if (entry.entityType === "product") {
    // Before the Action Log: {changes: [{field: label, from, to}]} in the page's words.
    return listOf(obj.changes).map((c) => `${str(c.field)}: ${str(c.from)} → ${str(c.to)}`);
  }
  if (key === "source_item:save") {
    return listOf(details).map((i) => {
      const status = i.status === 1 ? "In Stock" : "Out of Stock";
      return `${str(i.sku)} at ${str(i.source_code)}: Qty ${str(i.quantity)}, ${status}`;
    });
  }
  if (key === "source_item:delete") return listOf(details).map((i) => `${str(i.sku)} unassigned from ${str(i.source_code)}`);
  if (key === "source_item_configuration:save") {
    return listOf(details).map((i) => {
      const notify = i.notify_stock_qty === null ? "Use Default" : str(i.notify_stock_qty);
      return `${str(i.sku)} at ${str(i.source_code)}: Notify Qty ${notify}`;
    });
  }
  if (key === "source_item:bulk_transfer") {
    return [`${skuList(entry.skus)}: from ${str(obj.originSource)} to ${str(obj.destinationSource)}`];
  }
  if (entry.entityType === "order") {
    const lines = listOf(obj.lines ?? obj.released).map((l) => `${str(l.sku)} × ${str(l.qty)}`);
    return obj.sourceCode === undefined ? lines : [...lines, `From source ${str(obj.sourceCode)}`];
  }
  return [];
}

const BEHAVIOR_LABELS: Readonly<Record<string, string>> = { append: "Add/Update", replace: "Replace", delete: "Delete" };

/** An import's entry (System > Data Transfer > Import): where the file came from, its behaviour and figures. */
function importLines(details: Loose): string[] {
  const figures = `Rows: ${str(details.rows)}; created ${str(details.created)}, updated ${str(details.updated)}, deleted ${str(details.deleted)}, unchanged ${str(details.unchanged)}`;
  const behavior = `Import Behavior: ${BEHAVIOR_LABELS[String(details.behavior)] ?? str(details.behavior)}`;
  return [...(typeof details.origin === "string" ? [`From: ${details.origin}`] : []), behavior, figures];
}

/** The Changes column: field: old → new, or what an older entry's details say. */
export function changeLines(entry: AuditEntryRow): string[] {
  const changes = parseAuditChanges(entry.changes);
  if (!changes) return detailLines(entry);
  const created = entry.action === "product_created" || entry.action === "create";
  return changes.map((change) => changeLine(entry, change, created));
}

/**
 * The changes a Revert would set back, or null when the entry cannot be reverted: only
 * configuration and product saves recorded field by field, and of a product only what its save
 * can set (not the sources assigned in multi-source mode).
 */
export function revertableChanges(entry: Pick<AuditEntryRow, "entityType" | "action" | "changes">): AuditChange[] | null {
  if (REVERTABLE[entry.entityType]?.action !== entry.action) return null;
  const changes = parseAuditChanges(entry.changes);
  if (!changes || changes.length === 0) return null;
  if (entry.entityType === "product" && !changes.every((c) => isRevertableProductField(c.field))) return null;
  return changes;
}

/** A value as the entry's page words it, for a refusal ("No Backorders"). */
export function entryValueText(entry: AuditEntryRow, field: string, value: AuditValue | undefined): string {
  return value === undefined ? "not shown on the page" : valueText(entry, field, value);
}

/**
 * The refusal of a revert when a field no longer holds the value the entry set: reverting would
 * undo that later change too, so nothing is reverted.
 */
export function changedSinceMessage(fields: readonly { label: string; now: string }[]): string {
  if (fields.length === 1) {
    return `${fields[0].label} was changed again after this entry (now "${fields[0].now}"). Nothing was reverted.`;
  }
  const named = fields.map((f) => `${f.label} (now "${f.now}")`);
  return `${named.slice(0, -1).join(", ")} and ${named.at(-1)} were changed again after this entry. Nothing was reverted.`;
}
