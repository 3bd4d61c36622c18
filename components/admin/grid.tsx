import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { GRID_PAGE_SIZE, type GridState } from "./grid-criteria";

export interface GridColumn<Row> {
  label: string;
  /** The searchCriteria field the column sorts by; unsortable when absent. */
  sortField?: string;
  cell: (row: Row) => React.ReactNode;
}

interface GridProps<Row> {
  /** The grid page's own URL, e.g. /admin/inventory/source. */
  basePath: string;
  caption: string;
  columns: GridColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  total: number;
  state: GridState;
}

function href(basePath: string, state: GridState, change: Partial<GridState>) {
  const next = { ...state, ...change };
  const query = new URLSearchParams();
  if (next.search) query.set("search", next.search);
  query.set("sort", next.sort);
  query.set("dir", next.dir);
  if (next.page > 1) query.set("page", String(next.page));
  return `${basePath}?${query}`;
}

/** A server-rendered admin grid: keyword search, sortable headers and paging, all as links. */
export function Grid<Row>({ basePath, caption, columns, rows, rowKey, total, state }: GridProps<Row>) {
  const t = useTranslations("Common");
  const pages = Math.max(1, Math.ceil(total / GRID_PAGE_SIZE));
  return (
    <section className="mt-6 space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <form method="get" action={basePath} className="flex items-end gap-2" role="search">
          <div>
            <label htmlFor="grid-search" className="block text-sm font-semibold">
              {t("searchByKeyword")}
            </label>
            <input id="grid-search" name="search" defaultValue={state.search} className="mt-1 w-64 border border-line bg-white px-3 py-2" />
          </div>
          <input type="hidden" name="sort" value={state.sort} />
          <input type="hidden" name="dir" value={state.dir} />
          <button type="submit" className={buttonClass("secondary")}>
            {t("search")}
          </button>
        </form>
        <p className="text-sm text-muted" role="status">
          {t("recordsFound", { count: total })}
        </p>
      </div>
      <table className="w-full border-collapse border border-line bg-white text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="bg-[#514943] text-left text-white">
            {columns.map((column) => {
              const sorted = column.sortField === state.sort;
              return (
                <th
                  key={column.label}
                  scope="col"
                  className="border border-[#8a837f] px-3 py-2 font-semibold"
                  aria-sort={sorted ? (state.dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  {column.sortField ? (
                    <Link
                      className="hover:underline"
                      href={href(basePath, state, {
                        sort: column.sortField,
                        dir: sorted && state.dir === "asc" ? "desc" : "asc",
                        page: 1,
                      })}
                    >
                      {column.label}
                      <span aria-hidden="true">{sorted ? (state.dir === "asc" ? " ▲" : " ▼") : ""}</span>
                    </Link>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-6 text-center text-muted">
                {t("noRecords")}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)} className="border-t border-line odd:bg-[#f5f5f5]">
                {columns.map((column) => (
                  <td key={column.label} className="border-x border-line px-3 py-2 align-top">
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      <nav aria-label={t("pages")} className="flex items-center justify-end gap-3 text-sm">
        {state.page > 1 ? (
          <Link className={buttonClass("secondary")} href={href(basePath, state, { page: state.page - 1 })}>
            {t("previous")}
          </Link>
        ) : null}
        <span>{t("pageOfPages", { page: Math.min(state.page, pages), count: pages })}</span>
        {state.page < pages ? (
          <Link className={buttonClass("secondary")} href={href(basePath, state, { page: state.page + 1 })}>
            {t("next")}
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
