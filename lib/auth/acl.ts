/*
 * System > Permissions: the ACL resources of what Stockroom has, with Magento's ids and titles
 * (its modules' etc/acl.xml; the Stockroom_* ids are Stockroom's own), parent before child in
 * Magento's order. A role grants every resource ("All") or the ones it lists. Magento's role tree
 * grants a resource's ancestors with it, so a saved list always holds them; a listed parent does
 * not grant its children (Magento stores an explicit rule for every resource).
 */

const RESOURCES = [
  { id: "Magento_Backend::dashboard", label: "Dashboard", parent: null },
  { id: "Magento_Sales::sales", label: "Sales", parent: null },
  { id: "Magento_Sales::sales_operation", label: "Operations", parent: "Magento_Sales::sales" },
  { id: "Magento_Sales::sales_order", label: "Orders", parent: "Magento_Sales::sales_operation" },
  { id: "Magento_Sales::actions", label: "Actions", parent: "Magento_Sales::sales_order" },
  { id: "Magento_Sales::create", label: "Create", parent: "Magento_Sales::actions" },
  { id: "Magento_Sales::actions_view", label: "View", parent: "Magento_Sales::actions" },
  { id: "Magento_Sales::cancel", label: "Cancel", parent: "Magento_Sales::actions" },
  { id: "Magento_Sales::creditmemo", label: "Credit Memos", parent: "Magento_Sales::actions" },
  { id: "Magento_Sales::ship", label: "Ship", parent: "Magento_Sales::actions" },
  { id: "Magento_Catalog::catalog", label: "Catalog", parent: null },
  { id: "Magento_Catalog::catalog_inventory", label: "Inventory", parent: "Magento_Catalog::catalog" },
  { id: "Magento_Catalog::products", label: "Products", parent: "Magento_Catalog::catalog_inventory" },
  { id: "Magento_Reports::report", label: "Reports", parent: null },
  { id: "Magento_Reports::report_products", label: "Products", parent: "Magento_Reports::report" },
  { id: "Magento_Reports::lowstock", label: "Low Stock", parent: "Magento_Reports::report_products" },
  { id: "Magento_Backend::stores", label: "Stores", parent: null },
  { id: "Magento_InventoryApi::inventory", label: "Inventory", parent: "Magento_Backend::stores" },
  { id: "Magento_InventoryApi::source", label: "Sources", parent: "Magento_InventoryApi::inventory" },
  { id: "Magento_InventoryApi::source_edit", label: "Edit Sources", parent: "Magento_InventoryApi::source" },
  { id: "Magento_InventoryApi::stock", label: "Stocks", parent: "Magento_InventoryApi::inventory" },
  { id: "Magento_InventoryApi::stock_edit", label: "Edit Stocks", parent: "Magento_InventoryApi::stock" },
  { id: "Magento_InventoryApi::stock_delete", label: "Delete Stocks", parent: "Magento_InventoryApi::stock" },
  { id: "Magento_InventoryApi::stock_source_link", label: "Source to Stock Assigning", parent: "Magento_InventoryApi::stock" },
  { id: "Magento_InventoryApi::stock_source_item_assign", label: "Source Item Assigning", parent: "Magento_InventoryApi::stock" },
  {
    id: "Magento_InventoryLowQuantityNotificationApi::low_quantity_notification",
    label: "Low Quantity Notification",
    parent: "Magento_InventoryApi::stock",
  },
  {
    id: "Magento_InventoryLowQuantityNotificationApi::stock_create_low_quantity_notification",
    label: "Create low quantity notification",
    parent: "Magento_InventoryLowQuantityNotificationApi::low_quantity_notification",
  },
  { id: "Magento_InventorySalesApi::stock", label: "Sales Stock", parent: "Magento_InventoryApi::inventory" },
  { id: "Magento_Backend::stores_settings", label: "Settings", parent: "Magento_Backend::stores" },
  { id: "Magento_Backend::store", label: "All Stores", parent: "Magento_Backend::stores_settings" },
  { id: "Magento_Config::config", label: "Configuration", parent: "Magento_Backend::stores_settings" },
  { id: "Magento_CatalogInventory::cataloginventory", label: "Inventory Section", parent: "Magento_Config::config" },
  { id: "Magento_Backend::stores_attributes", label: "Attributes", parent: "Magento_Backend::stores" },
  { id: "Magento_Catalog::update_attributes", label: "Update Attributes", parent: "Magento_Backend::stores_attributes" },
  { id: "Stockroom_Webhooks::webhooks", label: "Webhooks", parent: "Magento_Backend::stores" },
  { id: "Magento_Backend::system", label: "System", parent: null },
  { id: "Magento_Backend::convert", label: "Data Transfer", parent: "Magento_Backend::system" },
  { id: "Magento_ImportExport::import", label: "Import", parent: "Magento_Backend::convert" },
  { id: "Magento_ImportExport::export", label: "Export", parent: "Magento_Backend::convert" },
  { id: "Magento_Logging::magento_logging", label: "Action Logs", parent: "Magento_Backend::system" },
  { id: "Magento_User::acl", label: "Permissions", parent: "Magento_Backend::system" },
  { id: "Magento_User::acl_users", label: "All Users", parent: "Magento_User::acl" },
  { id: "Magento_User::acl_roles", label: "User Roles", parent: "Magento_User::acl" },
  { id: "Magento_Backend::system_other_settings", label: "Other Settings", parent: "Magento_Backend::system" },
  { id: "Magento_AdminNotification::adminnotification", label: "Notifications", parent: "Magento_Backend::system_other_settings" },
  { id: "Magento_AdminNotification::show_list", label: "Show List", parent: "Magento_AdminNotification::adminnotification" },
  { id: "Magento_AdminNotification::mark_as_read", label: "Mark as Read", parent: "Magento_AdminNotification::adminnotification" },
  { id: "Stockroom_Preview::preview", label: "Storefront Preview", parent: null },
] as const;

export type AclResource = (typeof RESOURCES)[number]["id"];

/** Magento's answer to a signed-in admin whose role lacks the page's or the action's resource. */
export const ACCESS_DENIED = "Sorry, you need permissions to view this content.";

/** What a role grants: everything, or the listed resources. */
export interface RoleAcl {
  allResources: boolean;
  resources: readonly string[];
}

/** Role 1, "Administrators": every resource. It cannot be changed or deleted. */
export const ADMINISTRATORS_ROLE_ID = 1;
export const ALL_ACCESS: RoleAcl = { allResources: true, resources: [] };
/** A user without a role (made outside the forms): nothing. */
export const NO_ACCESS: RoleAcl = { allResources: false, resources: [] };

const byId = new Map<string, (typeof RESOURCES)[number]>(RESOURCES.map((r) => [r.id, r]));

export const isAclResource = (id: string): id is AclResource => byId.has(id);

export function isAllowed(role: RoleAcl, resource: AclResource): boolean {
  return role.allResources || role.resources.includes(resource);
}

/** A resource and its ancestors, the resource first. */
function lineage(id: AclResource): AclResource[] {
  const line: AclResource[] = [];
  for (let at: AclResource | null = id; at !== null; at = byId.get(at)!.parent) line.push(at);
  return line;
}

/**
 * What a role's list stores: the known resources among `ids`, each with its ancestors (checking a
 * child grants its parent), in the tree's order. Unknown ids are dropped.
 */
export function withAncestors(ids: readonly string[]): AclResource[] {
  const granted = new Set(ids.filter(isAclResource).flatMap(lineage));
  return RESOURCES.map((r) => r.id).filter((id) => granted.has(id));
}

/** Every resource below `id` (not `id` itself), in the tree's order. */
export function descendantsOf(id: AclResource): AclResource[] {
  return RESOURCES.map((r) => r.id).filter((other) => other !== id && lineage(other).includes(id));
}

export interface AclTreeNode {
  id: AclResource;
  label: string;
  children: AclTreeNode[];
}

/** The role form's tree. */
export function aclTree(): AclTreeNode[] {
  const nodes = new Map<AclResource, AclTreeNode>(RESOURCES.map((r) => [r.id, { id: r.id, label: r.label, children: [] }]));
  const roots: AclTreeNode[] = [];
  for (const r of RESOURCES) (r.parent === null ? roots : nodes.get(r.parent)!.children).push(nodes.get(r.id)!);
  return roots;
}

/** A role's stored list, read back: the known ids only (a resource that no longer exists grants nothing). */
export function parseResources(json: string): AclResource[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((id): id is AclResource => typeof id === "string" && isAclResource(id)) : [];
  } catch {
    return [];
  }
}
