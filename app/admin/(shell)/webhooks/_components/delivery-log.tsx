import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/i18n/format";
import type { DeliveryAttempt, DeliveryLogPage, DeliveryLogRow } from "@/db/queries/webhooks";
import { useAlertSummary } from "../../notification/_components/alert-summary";
import { ResendButton } from "./resend-button";

const link = "text-link underline hover:no-underline";
const head = "bg-menu px-3 py-2 text-left font-semibold text-white";
const cell = "px-3 py-2 align-top";

/** What a receiver answered, or why there was no answer. */
function answerOf(statusCode: number | null, error: string | null): string {
  if (statusCode === null) return error ?? "—";
  return error ? `HTTP ${statusCode}: ${error}` : `HTTP ${statusCode}`;
}

function Attempts({ row }: { row: DeliveryLogRow }) {
  const t = useTranslations("System.webhooks.log");
  const locale = useLocale();
  if (row.attemptLog.length === 0) return <>0</>;
  const line = (a: DeliveryAttempt) =>
    t("attemptLine", { date: formatDateTime(a.createdAt, locale), answer: answerOf(a.statusCode, a.error), ms: String(a.durationMs) });
  return (
    <details>
      <summary className="cursor-pointer">{t("attempts", { count: row.attempts, n: String(row.attempts) })}</summary>
      <ol className="mt-1 list-decimal space-y-1 pl-5 text-xs">
        {row.attemptLog.map((a) => (
          <li key={a.id}>{line(a)}</li>
        ))}
      </ol>
    </details>
  );
}

function Alert({ row }: { row: DeliveryLogRow }) {
  const t = useTranslations("System");
  const locale = useLocale();
  const summary = useAlertSummary();
  if (!row.alert) return <>—</>;
  return (
    <>
      <strong>{t(`alerts.kinds.${row.alert.kind}`)}</strong>
      <p>{summary(row.alert)}</p>
      <p className="text-xs text-muted">{t("webhooks.log.raised", { date: formatDateTime(row.alert.createdAt, locale) })}</p>
    </>
  );
}

/**
 * The webhook's deliveries, newest first, paged by keyset (`?before=` / `?after=` a delivery id):
 * each alert, its status, every attempt's answer, and Resend.
 */
const COLUMNS = ["alert", "status", "attempts", "lastAnswer", "nextAttempt", "deliveredAt", "action"] as const;

export function DeliveryLog({ webhookId, basePath, log }: { webhookId: number; basePath: string; log: DeliveryLogPage }) {
  const t = useTranslations("System");
  const locale = useLocale();
  return (
    <section aria-labelledby="delivery-log-title" className="mt-8 space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h2 id="delivery-log-title" className="text-2xl font-light">
          {t("webhooks.log.title")}
        </h2>
        <p className="text-sm text-muted">{t("webhooks.log.count", { count: log.total, n: String(log.total) })}</p>
      </div>
      <table className="w-full border-collapse border border-line bg-white text-sm">
        <caption className="sr-only">{t("webhooks.log.caption")}</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className={head}>
                {t(`webhooks.log.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {log.items.length === 0 ? (
            <tr>
              <td colSpan={7} className="px-3 py-6 text-center text-muted">
                {t("webhooks.log.empty")}
              </td>
            </tr>
          ) : (
            log.items.map((row) => (
              <tr key={row.id} className="border-t border-line odd:bg-[#f5f5f5]">
                <td className={cell}>
                  <Alert row={row} />
                </td>
                <td className={cell}>{t(`webhooks.log.status.${row.status}`)}</td>
                <td className={cell}>
                  <Attempts row={row} />
                </td>
                <td className={cell}>{answerOf(row.lastStatusCode, row.lastError)}</td>
                <td className={cell}>{row.status === "pending" ? formatDateTime(row.nextAttemptAt, locale) : "—"}</td>
                <td className={cell}>{row.deliveredAt ? formatDateTime(row.deliveredAt, locale) : "—"}</td>
                <td className={cell}>
                  <ResendButton webhookId={webhookId} deliveryId={row.id} alertTitle={row.alert ? t(`alerts.kinds.${row.alert.kind}`) : t("webhooks.log.alert")} />
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {(log.newerThan !== undefined || log.olderThan !== undefined) && (
        <nav aria-label={t("webhooks.log.pages")} className="flex items-center justify-end gap-4 text-sm">
          {log.newerThan !== undefined && (
            <>
              <Link className={link} href={basePath}>
                {t("webhooks.log.newest")}
              </Link>
              <Link className={link} href={`${basePath}?after=${log.newerThan}`}>
                {t("webhooks.log.newer")}
              </Link>
            </>
          )}
          {log.olderThan !== undefined && (
            <Link className={link} href={`${basePath}?before=${log.olderThan}`}>
              {t("webhooks.log.older")}
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
