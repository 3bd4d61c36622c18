import Link from "next/link";
import type { ConfigHistoryPage } from "@/db/queries/config";
import { describeOrigin, fieldByPath, inheritLabel, optionLabel, type ScopeNames } from "@/lib/inventory";

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
  const { entries, total, page, pageSize } = history;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const shown = (path: string, scope: Parameters<typeof inheritLabel>[0], value: string | null) => {
    // null = nothing stored at that scope: the field inherited, as its checkbox says.
    if (value === null) return <span className="text-muted italic">{inheritLabel(scope)}</span>;
    const field = fieldByPath(path);
    return field ? optionLabel(field.key, value) : value;
  };
  return (
    <section aria-labelledby="config-history-heading" className="mt-10">
      <h2 id="config-history-heading" className="text-xl font-light">
        Change history
      </h2>
      {entries.length === 0 ? (
        <p className="mt-3 text-sm text-muted">No configuration value has been saved yet.</p>
      ) : (
        <>
          <table className="mt-3 w-full border border-line bg-white text-left text-sm">
            <thead className="bg-[#514943] text-white">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">Date</th>
                <th scope="col" className="px-3 py-2 font-semibold">User</th>
                <th scope="col" className="px-3 py-2 font-semibold">Scope</th>
                <th scope="col" className="px-3 py-2 font-semibold">Setting</th>
                <th scope="col" className="px-3 py-2 font-semibold">Old Value</th>
                <th scope="col" className="px-3 py-2 font-semibold">New Value</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className="border-t border-line align-top">
                  <td className="px-3 py-2 whitespace-nowrap">
                    <time dateTime={entry.createdAt}>{formatTime(entry.createdAt)}</time>
                  </td>
                  <td className="px-3 py-2">{entry.username}</td>
                  <td className="px-3 py-2">
                    {describeOrigin({ kind: "config", scope: entry.scope, scopeId: entry.scopeId }, names)}
                  </td>
                  <td className="px-3 py-2">
                    {fieldByPath(entry.path)?.label ?? entry.path}
                    <span className="block text-xs text-muted">{entry.path}</span>
                  </td>
                  <td className="px-3 py-2">{shown(entry.path, entry.scope, entry.oldValue)}</td>
                  <td className="px-3 py-2">{shown(entry.path, entry.scope, entry.newValue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav aria-label="Change history pages" className="mt-3 flex items-center gap-4 text-sm">
            <span>
              Page {page} of {lastPage} ({total} {total === 1 ? "change" : "changes"})
            </span>
            {page > 1 && (
              <Link href={`${pageHref}?history_page=${page - 1}`} className="text-link underline hover:no-underline">
                Newer changes
              </Link>
            )}
            {page < lastPage && (
              <Link href={`${pageHref}?history_page=${page + 1}`} className="text-link underline hover:no-underline">
                Older changes
              </Link>
            )}
          </nav>
        </>
      )}
    </section>
  );
}
