import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import type { ConfigHistoryPage } from "@/db/queries/config";
import { formatDateTime, formatQuantity } from "@/lib/i18n/format";
import { fieldByPath, type Scope, type ScopeNames } from "@/lib/inventory";
import { fieldLabel, inheritText, optionText, originText } from "./config-text";

interface Props {
  history: ConfigHistoryPage;
  names: ScopeNames;
  /** The page's URL at its scope; paging adds `?history_page=`. */
  pageHref: string;
}

/** "2025-01-31 14:05:09 UTC" from the stored ISO time: the same on every machine. */
function formatTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** Every saved value, newest first (who, when, scope, setting, old → new), paged in SQL. */
export function ConfigHistory({ history, names, pageHref }: Props) {
  const t = useTranslations("Config");
  const locale = useLocale();
  const { entries, total, page, pageSize } = history;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  // English keeps its ISO-like time; other languages read the date their way.
  const time = (iso: string) => (locale === "en-US" ? formatTime(iso) : formatDateTime(iso, locale));
  const shown = (path: string, scope: Scope, value: string | null) => {
    // null = nothing stored at that scope: the field inherited, as its checkbox says.
    if (value === null) return <span className="text-muted italic">{inheritText(t, scope)}</span>;
    const field = fieldByPath(path);
    return field ? optionText(t, field.key, value) : value;
  };
  return (
    <section aria-labelledby="config-history-heading" className="mt-10">
      <h2 id="config-history-heading" className="text-xl font-light">
        {t("history.heading")}
      </h2>
      {entries.length === 0 ? (
        <p className="mt-3 text-sm text-muted">{t("history.empty")}</p>
      ) : (
        <>
          <table className="mt-3 w-full border border-line bg-white text-left text-sm">
            <thead className="bg-[#514943] text-white">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">{t("history.date")}</th>
                <th scope="col" className="px-3 py-2 font-semibold">{t("history.user")}</th>
                <th scope="col" className="px-3 py-2 font-semibold">{t("history.scope")}</th>
                <th scope="col" className="px-3 py-2 font-semibold">{t("history.setting")}</th>
                <th scope="col" className="px-3 py-2 font-semibold">{t("history.oldValue")}</th>
                <th scope="col" className="px-3 py-2 font-semibold">{t("history.newValue")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const field = fieldByPath(entry.path);
                return (
                  <tr key={entry.id} className="border-t border-line align-top">
                    <td className="px-3 py-2 whitespace-nowrap">
                      <time dateTime={entry.createdAt}>{time(entry.createdAt)}</time>
                    </td>
                    <td className="px-3 py-2">{entry.username}</td>
                    <td className="px-3 py-2">
                      {originText(t, { kind: "config", scope: entry.scope, scopeId: entry.scopeId }, names)}
                    </td>
                    <td className="px-3 py-2">
                      {field ? fieldLabel(t, field.key) : entry.path}
                      <span className="block text-xs text-muted">{entry.path}</span>
                    </td>
                    <td className="px-3 py-2">{shown(entry.path, entry.scope, entry.oldValue)}</td>
                    <td className="px-3 py-2">{shown(entry.path, entry.scope, entry.newValue)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <nav aria-label={t("history.pages")} className="mt-3 flex items-center gap-4 text-sm">
            <span>
              {t("history.pageOf", {
                page: formatQuantity(page, locale),
                lastPage: formatQuantity(lastPage, locale),
                count: total,
                total: formatQuantity(total, locale),
              })}
            </span>
            {page > 1 && (
              <Link href={`${pageHref}?history_page=${page - 1}`} className="text-link underline hover:no-underline">
                {t("history.newer")}
              </Link>
            )}
            {page < lastPage && (
              <Link href={`${pageHref}?history_page=${page + 1}`} className="text-link underline hover:no-underline">
                {t("history.older")}
              </Link>
            )}
          </nav>
        </>
      )}
    </section>
  );
}
