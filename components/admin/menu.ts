/**
 * The admin's left menu, Magento's order. Only screens that exist are listed: add an entry when
 * its page ships.
 */
export interface MenuSection {
  label: string;
  icon: string;
  items: { label: string; href: string }[];
}

export const ADMIN_MENU: MenuSection[] = [
  { label: "Dashboard", icon: "▦", items: [{ label: "Dashboard", href: "/admin/dashboard" }] },
  { label: "Sales", icon: "$", items: [{ label: "Orders", href: "/admin/sales/order" }] },
  { label: "Catalog", icon: "◫", items: [{ label: "Products", href: "/admin/catalog/product" }] },
  { label: "Reports", icon: "▤", items: [{ label: "Low Stock", href: "/admin/reports/report_product/lowstock" }] },
  {
    label: "Stores",
    icon: "⌂",
    items: [
      { label: "Configuration", href: "/admin/system_config/edit/section/cataloginventory" },
      { label: "Sources", href: "/admin/inventory/source" },
      { label: "Stocks", href: "/admin/inventory/stock" },
    ],
  },
];
