import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/i18n/format";
import { KeysetPager } from "@/components/admin/grid-controls";
import { buttonClass } from "@/components/ui/button";
import type { AlertListPage } from "@/db/queries/stock-alerts";
import { STOCK_ALERT_KINDS } from "@/lib/inventory";
import { PAGE_SIZES } from "@/lib/validation/grid";
import { NOTIFICATION_PATH, notificationHref, type NotificationQuery } from "@/lib/validation/notification";
import { useAlertSummary } from "./alert-summary";
import { MarkReadButton } from "./mark-read-button";

const link = "text-link underline hover:no-underline";
const head = "bg-menu px-3 py-2 text-left font-semibold text-white";
const cell = "px-3 py-2 align-top";

/** Show (all / unread) and Type, as a GET form: the view stays a URL, no script needed. */
export function AlertFilters({ query }: { query: NotificationQuery }) {
  const t = useTranslations("System");
  const select = "mt-1 block w-44 border border-line bg-white px-2 py-2 font-normal";
  return (
    // Keyed by the view: the uncontrolled selects must show a new view's own values.
    <form key={notificationHref(query)} method="get" action={NOTIFICATION_PATH} className="flex flex-wrap items-end gap-4">
      {query.limit !== PAGE_SIZES[0] && <input type="hidden" name="limit" value={query.limit} />}
      <label className="text-sm font-semibold">
        {t("notifications.filters.show")}
        <select name="show" defaultValue={query.unreadOnly ? "unread" : ""} className={select}>
          <option value="">{t("notifications.filters.all")}</option>
          <option value="unread">{t("notifications.filters.unread")}</option>
        </select>
      </label>
      <label className="text-sm font-semibold">
        {t("notifications.filters.type")}
        <select name="type" defaultValue={query.kind ?? ""} className={select}>
          <option value="">{t("notifications.filters.anyType")}</option>
          {STOCK_ALERT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`alerts.kinds.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={buttonClass("secondary")}>
        {t("notifications.filters.apply")}
      </button>
      <a href="/rss/catalog/notifystock" className={`${link} ml-auto self-center text-sm`}>
        {t("notifications.rss")}
      </a>
    </form>
  );
}

/** The grid's toolbar, Previous / Next by keyset cursor (db/pager.ts). */
export function AlertPager({ query, result }: { query: NotificationQuery; result: AlertListPage }) {
  return <KeysetPager limit={query.limit} result={result} href={(change) => notificationHref(query, change)} />;
}

const COLUMNS = ["type", "message", "product", "stock", "dateAdded", "actions"] as const;

/** The alerts; an unread one is bold and says "Unread" (never colour alone), with its Mark as Read. */
export function AlertTable({ query, result, view }: { query: NotificationQuery; result: AlertListPage; view: string }) {
  const t = useTranslations("System");
  const locale = useLocale();
  const summary = useAlertSummary();
  const filtered = query.unreadOnly || query.kind !== undefined;
  return (
    <table className="w-full border-collapse border border-line bg-white text-sm">
      <caption className="sr-only">{t("notifications.caption")}</caption>
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th key={column} scope="col" className={head}>
              {t(`notifications.columns.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {result.rows.length === 0 && (
          <tr>
            <td colSpan={COLUMNS.length} className="px-3 py-6 text-center text-muted">
              {filtered ? t("notifications.noRecords") : t("notifications.empty")}
            </td>
          </tr>
        )}
        {result.rows.map((alert) => {
          const unread = alert.readAt === null;
          const title = t(`alerts.kinds.${alert.kind}`);
          return (
            <tr key={alert.id} className={`border-b border-line odd:bg-[#f5f5f5] ${unread ? "font-semibold" : ""}`}>
              <td className={`${cell} border-l-4 ${unread ? "border-l-accent" : "border-l-transparent"}`}>
                {title}
                {unread && (
                  <>
                    {" "}
                    <span className="ml-1 inline-block border border-ink px-1 text-xs uppercase">{t("notifications.unreadBadge")}</span>
                  </>
                )}
              </td>
              <td className={cell}>{summary(alert)}</td>
              <td className={cell}>
                {alert.productId !== null && alert.productName !== null ? (
                  <Link href={`/admin/catalog/product/edit/id/${alert.productId}`} className={link}>
                    {alert.productName}
                  </Link>
                ) : (
                  t("notifications.deletedProduct", { sku: alert.sku })
                )}
              </td>
              <td className={cell}>{alert.stockName ?? t("notifications.deletedStock")}</td>
              <td className={`${cell} whitespace-nowrap`}>{formatDateTime(alert.createdAt, locale)}</td>
              <td className={cell}>
                {unread ? (
                  <MarkReadButton
                    marking={{ ids: [alert.id] }}
                    view={view}
                    label={t("notifications.markRead")}
                    accessibleLabel={t("notifications.markReadLabel", { title, sku: alert.sku })}
                  />
                ) : (
                  <span className="font-normal text-muted">{t("notifications.read")}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
