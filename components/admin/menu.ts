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
  {
    label: "Stores",
    icon: "⌂",
    items: [{ label: "Configuration", href: "/admin/system_config/edit/section/cataloginventory" }],
  },
];
