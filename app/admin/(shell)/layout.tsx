import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { menuFor, startPage } from "@/components/admin/menu";
import { NotificationBell } from "@/components/admin/notification-bell";
import { countUnreadAlerts } from "@/db/queries/stock-alerts";
import { isAllowed } from "@/lib/auth/acl";
import { getDb } from "@/server/db";
import { requireAdmin } from "@/server/auth/guard";
import { signOut } from "../actions";

export default async function AdminShellLayout({ children }: { children: React.ReactNode }) {
  // Pages and actions check again: a layout is not re-run on every client navigation.
  const admin = await requireAdmin();
  const t = await getTranslations("Shell");
  return (
    <NextIntlClientProvider>
      <div className="flex min-h-screen">
        <aside className="w-52 shrink-0 bg-menu text-menu-text">
          <Link href={startPage(admin.acl)} className="block px-4 py-5 text-xl font-semibold text-menu-accent">
            Stockroom
          </Link>
          <AdminNav menu={menuFor(admin.acl)} />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex items-center justify-end gap-4 border-b border-line bg-white px-6 py-2 text-sm">
            {isAllowed(admin.acl, "Magento_AdminNotification::show_list") && <NotificationBell unread={await countUnreadAlerts(await getDb())} />}
            <span>{t.rich("signedInAs", { username: admin.username, strong: (chunks) => <strong>{chunks}</strong> })}</span>
            <Link href="/admin/system_account" className="text-link underline hover:no-underline">
              {t("accountSetting")}
            </Link>
            <form action={signOut}>
              <button type="submit" className="text-link underline hover:no-underline">
                {t("signOut")}
              </button>
            </form>
          </header>
          <main className="flex-1 px-8 py-6">{children}</main>
        </div>
      </div>
    </NextIntlClientProvider>
  );
}
