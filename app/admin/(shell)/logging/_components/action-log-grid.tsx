import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/i18n/format";
import { KeysetPager } from "@/components/admin/grid-controls";
import { buttonClass } from "@/components/ui/button";
import type { ActionLogPage } from "@/db/queries/action-log";
import { actionLabel, changeLines, ENTITY_TYPE_LABELS, entityOf, entryValueText, mayRevert, revertableChanges, type AuditEntryRow } from "@/lib/action-log";
import { isAllowed, type RoleAcl } from "@/lib/auth/acl";
import { PAGE_SIZES } from "@/lib/validation/grid";
import { ACTION_LOG_PATH, actionLogHref, AUDIT_SOURCES, type ActionLogQuery } from "@/lib/validation/action-log";
import { RevertButton } from "./revert-button";

const link = "text-link underline hover:no-underline";
const head = "bg-menu px-3 py-2 text-left font-semibold text-white";
const cell = "px-3 py-2 align-top";
const control = "mt-1 block border border-line bg-white px-2 py-2 font-normal";

const isFiltered = (query: ActionLogQuery) =>
  [query.from, query.to, query.user, query.source, query.entityType, query.sku].some((v) => v !== undefined);

type Translate = ReturnType<typeof useTranslations<"System.actionLog">>;

/** An entity type as the reader's language names it; a type the log does not know, as stored. */
const typeLabel = (t: Translate, type: string) =>
  t.has(`entityTypes.${type}` as never) ? t(`entityTypes.${type}` as never) : (ENTITY_TYPE_LABELS[type] ?? type);

/** lib/action-log's actionLabel, in the reader's language where the catalog knows the action. */
function actionText(t: Translate, entry: AuditEntryRow): string {
  if (entry.revertOf !== null && t.has(`reverted.${entry.entityType}` as never)) return t(`reverted.${entry.entityType}` as never);
  const key = `actions.${entry.entityType}:${entry.action.replace(/\./g, "_")}`;
  return t.has(key as never) ? t(key as never) : actionLabel(entry);
}

/** "Admin", "REST API", …: recorded since the Action Log exists; before, only "no admin" is known. */
function whereText(t: Translate, entry: AuditEntryRow): string | null {
  if (entry.source) return t(`sources.${entry.source}`);
  return entry.username === null ? t("sources.system") : null;
}

/** "admin", "REST: admin" for a token's admin, "System" for no admin. */
function userText(t: Translate, entry: AuditEntryRow): string {
  if (entry.username === null) return t("systemUser");
  return entry.source === "rest" ? t("restUser", { username: entry.username }) : entry.username;
}

/** Date from / to, User, Where, Entity and SKU, as a GET form: the view stays a URL, no script needed. */
export function ActionLogFilters({ query, users }: { query: ActionLogQuery; users: string[] }) {
  const t = useTranslations("System.actionLog");
  return (
    // Keyed by the view: the uncontrolled fields must show a new view's own values.
    <form key={actionLogHref(query)} method="get" action={ACTION_LOG_PATH} className="flex flex-wrap items-end gap-4">
      {query.limit !== PAGE_SIZES[0] && <input type="hidden" name="limit" value={query.limit} />}
      <label className="text-sm font-semibold">
        {t("filters.from")}
        <input type="date" name="from" defaultValue={query.from ?? ""} className={`${control} w-40`} />
      </label>
      <label className="text-sm font-semibold">
        {t("filters.to")}
        <input type="date" name="to" defaultValue={query.to ?? ""} className={`${control} w-40`} />
      </label>
      <label className="text-sm font-semibold">
        {t("filters.user")}
        <select name="user" defaultValue={query.user ?? ""} className={`${control} w-40`}>
          <option value="">{t("filters.anyUser")}</option>
          {users.map((username) => (
            <option key={username} value={username}>
              {username}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-semibold">
        {t("filters.where")}
        <select name="where" defaultValue={query.source ?? ""} className={`${control} w-36`}>
          <option value="">{t("filters.anywhere")}</option>
          {AUDIT_SOURCES.map((source) => (
            <option key={source} value={source}>
              {t(`sources.${source}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-semibold">
        {t("filters.entity")}
        <select name="entity" defaultValue={query.entityType ?? ""} className={`${control} w-48`}>
          <option value="">{t("filters.anyEntity")}</option>
          {Object.keys(ENTITY_TYPE_LABELS).map((type) => (
            <option key={type} value={type}>
              {typeLabel(t, type)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-semibold">
        {t("filters.sku")}
        <input type="text" name="sku" defaultValue={query.sku ?? ""} className={`${control} w-40`} />
      </label>
      <button type="submit" className={buttonClass("secondary")}>
        {t("filters.apply")}
      </button>
      {isFiltered(query) && (
        <Link href={actionLogHref({ page: 1, limit: query.limit })} className={`${link} self-center text-sm`}>
          {t("filters.clear")}
        </Link>
      )}
    </form>
  );
}

/** The grid's toolbar, Previous / Next by keyset cursor (db/pager.ts). */
export function ActionLogPager({ query, result }: { query: ActionLogQuery; result: ActionLogPage }) {
  return <KeysetPager limit={query.limit} result={result} href={(change) => actionLogHref(query, change)} />;
}

const COLUMNS = ["id", "date", "user", "where", "action", "entity", "changes", "actions"] as const;

/**
 * The entries, newest first; configuration and product inventory entries carry Revert, where the
 * admin's role grants what the revert saves (the server refuses it otherwise).
 */
export function ActionLogTable({ query, result, view, acl }: { query: ActionLogQuery; result: ActionLogPage; view: string; acl: RoleAcl }) {
  const t = useTranslations("System.actionLog");
  const locale = useLocale();
  const mayUseRevert = isAllowed(acl, "Magento_Logging::magento_logging");
  return (
    <table className="w-full border-collapse border border-line bg-white text-sm">
      <caption className="sr-only">{t("caption")}</caption>
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th key={column} scope="col" className={head}>
              {t(`columns.${column}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {result.rows.length === 0 && (
          <tr>
            <td colSpan={COLUMNS.length} className="px-3 py-6 text-center text-muted">
              {isFiltered(query) ? t("noRecords") : t("empty")}
            </td>
          </tr>
        )}
        {result.rows.map((entry) => {
          const entity = entityOf(entry, entry.entity);
          // The type that starts the Entity label ("Product: SKU-1"), in the reader's language.
          const englishType = ENTITY_TYPE_LABELS[entry.entityType];
          const entityLabel =
            englishType && entity.label.startsWith(englishType)
              ? `${typeLabel(t, entry.entityType)}${entity.label.slice(englishType.length)}`
              : entity.label;
          const lines = changeLines(entry);
          const revertable = mayUseRevert && mayRevert(acl, entry.entityType) ? revertableChanges(entry) : null;
          const summary =
            revertable && revertable.map((c) => t("goesBackTo", { label: c.label, value: entryValueText(entry, c.field, c.old) })).join("; ");
          return (
            <tr key={entry.id} className="border-b border-line odd:bg-[#f5f5f5]">
              <td className={cell}>{entry.id}</td>
              <td className={`${cell} whitespace-nowrap`}>{formatDateTime(entry.createdAt, locale)}</td>
              <td className={cell}>{userText(t, entry)}</td>
              <td className={cell}>{whereText(t, entry) ?? <span className="text-muted">{t("notRecorded")}</span>}</td>
              <td className={cell}>
                {actionText(t, entry)}
                {entry.revertOf !== null && <span className="block text-muted">{t("revertsEntry", { id: String(entry.revertOf) })}</span>}
              </td>
              <td className={cell}>
                {entity.href ? (
                  <Link href={entity.href} className={link}>
                    {entityLabel}
                  </Link>
                ) : (
                  entityLabel
                )}
              </td>
              <td className={cell}>
                {lines.length > 0 && (
                  <ul className="space-y-1">
                    {lines.map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td className={cell}>
                {summary && <RevertButton id={entry.id} summary={summary} view={view} />}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
