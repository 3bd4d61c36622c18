"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { MenuSection } from "./menu";

/** Dark left menu (the sections the admin's role grants: menuFor); the section and item of the current page are marked in orange. */
export function AdminNav({ menu }: { menu: MenuSection[] }) {
  const t = useTranslations("Shell");
  const pathname = usePathname();
  const isActive = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label={t("adminMenu")} className="flex flex-col gap-1">
      {menu.map((section) => {
        const sectionActive = section.items.some((i) => isActive(i.href));
        return (
          <div key={section.label} className={`border-l-4 ${sectionActive ? "border-menu-accent bg-menu-hover" : "border-transparent"}`}>
            <p className="flex items-center gap-2 px-3 pt-3 pb-1 text-xs font-semibold tracking-wide text-menu-text uppercase">
              <span aria-hidden="true">{section.icon}</span>
              {t(`menu.${section.label}`)}
            </p>
            <ul className="pb-2">
              {section.items.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={isActive(item.href) ? "page" : undefined}
                    className={`block px-6 py-1.5 text-sm hover:text-white ${isActive(item.href) ? "font-semibold text-menu-accent" : "text-menu-text"}`}
                  >
                    {t(`menu.${item.label}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
