import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FlashMessages } from "@/components/admin/flash-messages";
import { PageHeader } from "@/components/admin/page-header";
import { getDb } from "@/server/db";
import { listAlerts, newestUnreadAlertId } from "@/db/queries/stock-alerts";
import { requireResource } from "@/server/auth/guard";
import { readFlash } from "@/server/flash";
import { notificationHref, parseNotificationQuery } from "@/lib/validation/notification";
import { MarkReadButton } from "./_components/mark-read-button";
import { AlertFilters, AlertPager, AlertTable } from "./_components/notification-grid";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("System.notifications");
  return {
    title: t("title"),
    // Lets a browser or reader discover the same alerts as a feed (server/rss.ts).
    alternates: { types: { "application/rss+xml": [{ url: "/rss/catalog/notifystock", title: t("rss") }] } },
  };
}
export const dynamic = "force-dynamic";

/** System > Notifications: the stock alerts, newest first, filtered and paged in SQL (Magento's notification inbox). */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireResource("Magento_AdminNotification::show_list");
  const t = await getTranslations("System.notifications");
  const query = parseNotificationQuery(await searchParams);
  const db = await getDb();
  const result = await listAlerts(db, query);
  const newestUnread = await newestUnreadAlertId(db);
  // The view as its URL says it, for the marking actions to come back to.
  const view = notificationHref(query).split("?")[1] ?? "";
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={newestUnread !== null && <MarkReadButton marking={{ upToId: newestUnread }} view={view} label={t("markAll")} primary />}
      />
      <FlashMessages messages={await readFlash()} />
      <div className="mt-6 space-y-4">
        <AlertFilters query={query} />
        <AlertPager query={query} result={result} />
        <AlertTable query={query} result={result} view={view} />
      </div>
    </>
  );
}
