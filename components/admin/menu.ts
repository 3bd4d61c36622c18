import { isAllowed, type AclResource, type RoleAcl } from "@/lib/auth/acl";
import type { Catalog } from "@/lib/i18n/catalogs";

/** A menu label: its English text, which is also its key in the catalogs' Shell.menu. */
type MenuLabel = keyof Catalog["Shell"]["menu"];

/**
 * The admin's left menu, Magento's order. Only screens that exist are listed: add an entry when
 * its page ships, with the ACL resource its page requires (the menu shows only what the admin's
 * role grants).
 */
export interface MenuSection {
  label: MenuLabel;
  icon: string;
  items: { label: MenuLabel; href: string; resource: AclResource }[];
}

const ADMIN_MENU: MenuSection[] = [
  { label: "Dashboard", icon: "▦", items: [{ label: "Dashboard", href: "/admin/dashboard", resource: "Magento_Backend::dashboard" }] },
  { label: "Sales", icon: "$", items: [{ label: "Orders", href: "/admin/sales/order", resource: "Magento_Sales::sales_order" }] },
  { label: "Catalog", icon: "◫", items: [{ label: "Products", href: "/admin/catalog/product", resource: "Magento_Catalog::products" }] },
  { label: "Reports", icon: "▤", items: [{ label: "Low Stock", href: "/admin/reports/report_product/lowstock", resource: "Magento_Reports::lowstock" }] },
  {
    label: "Stores",
    icon: "⌂",
    items: [
      { label: "All Stores", href: "/admin/system_store", resource: "Magento_Backend::store" },
      { label: "Configuration", href: "/admin/system_config/edit/section/cataloginventory", resource: "Magento_CatalogInventory::cataloginventory" },
      { label: "Sources", href: "/admin/inventory/source", resource: "Magento_InventoryApi::source" },
      { label: "Stocks", href: "/admin/inventory/stock", resource: "Magento_InventoryApi::stock" },
      { label: "Webhooks", href: "/admin/webhooks", resource: "Stockroom_Webhooks::webhooks" },
    ],
  },
  {
    label: "System",
    icon: "⚙",
    items: [
      { label: "Import", href: "/admin/import", resource: "Magento_ImportExport::import" },
      { label: "Export", href: "/admin/export", resource: "Magento_ImportExport::export" },
      { label: "Action Log", href: "/admin/logging", resource: "Magento_Logging::magento_logging" },
      { label: "All Users", href: "/admin/user", resource: "Magento_User::acl_users" },
      { label: "User Roles", href: "/admin/user_role", resource: "Magento_User::acl_roles" },
      { label: "Notifications", href: "/admin/notification", resource: "Magento_AdminNotification::show_list" },
    ],
  },
];

/** The menu as a role sees it: the items it grants, and the sections that still have one. */
export function menuFor(acl: RoleAcl): MenuSection[] {
  return ADMIN_MENU.map((section) => ({ ...section, items: section.items.filter((item) => isAllowed(acl, item.resource)) })).filter(
    (section) => section.items.length > 0,
  );
}

/** Where sign-in lands without a page to go back to: the first screen the role grants (Magento's startup page), else Account Setting. */
export function startPage(acl: RoleAcl): string {
  return menuFor(acl)[0]?.items[0]?.href ?? "/admin/system_account";
}
