import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import type { ProductGridPage } from "@/db/queries/product-grid";
import {
  GRID_LIMITS,
  gridSearchParams,
  hasFilters,
  type GridSort,
  type ProductGridQuery,
} from "@/lib/validation/product-grid";
import { formatQuantity } from "@/lib/i18n/format";
import { GridSelection, MassActionBar, SelectedCount, SelectPageBox, SelectRowBox } from "./mass-actions";
import { PerPageSelect } from "./per-page-select";
import { useQuantityLabel } from "./quantity-label";

const BASE = "/admin/catalog/product";

/** A link to the same view with some of its state changed; paging state resets unless given. */
function href(query: ProductGridQuery, patch: Partial<ProductGridQuery>): string {
  const params = gridSearchParams({ ...query, page: 1, after: undefined, before: undefined, ...patch });
  const search = params.toString();
  return search ? `${BASE}?${search}` : BASE;
}

/** The search and filters alone: what the rows ticked belong to. */
const filterKey = (query: ProductGridQuery) => gridSearchParams({ ...query, sort: "id", dir: "asc", page: 1, limit: 20, after: undefined, before: undefined }).toString();

/** Hidden inputs that carry the rest of the view through a GET form. */
function Carry({ query, omit }: { query: ProductGridQuery; omit: string[] }) {
  const params = gridSearchParams({ ...query, page: 1, after: undefined, before: undefined });
  return (
    <>
      {[...params.entries()]
        .filter(([key]) => !omit.includes(key))
        .map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
    </>
  );
}

const COLUMNS = [
  { key: "id", sort: "id" },
  { key: "name", sort: "name" },
  { key: "type", sort: "type" },
  { key: "sku", sort: "sku" },
  { key: "price", sort: "price" },
  { key: "qty", sort: "qty" },
  { key: "salableQty", sort: "salable_qty" },
  { key: "status", sort: "status" },
  { key: "action", sort: null },
] as const satisfies readonly { key: string; sort: GridSort | null }[];

/**
 * Catalog > Products: keyword search, filters, sortable columns and paging, every bit of it a
 * URL (GET forms and links), so a view can be shared and reloaded. Ticking rows and the mass
 * actions above them need JavaScript; the rest works without.
 */
export function ProductGrid({ query, result }: { query: ProductGridQuery; result: ProductGridPage }) {
  // The forms' boxes are uncontrolled: a new view must remount them to show its own values.
  const view = gridSearchParams(query).toString();
  const t = useTranslations("Common");
  const tp = useTranslations("Products.grid");
  return (
    <div className="mt-6 space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <form key={view} role="search" method="get" action={BASE} className="flex items-end gap-2">
          <Carry query={query} omit={["q"]} />
          <label className="text-sm">
            <span className="block font-semibold">{t("searchByKeyword")}</span>
            <input
              name="q"
              type="search"
              defaultValue={query.q}
              placeholder={tp("searchPlaceholder")}
              className="mt-1 w-72 border border-line bg-white px-3 py-2"
            />
          </label>
          <button type="submit" className={buttonClass("secondary")}>
            {t("search")}
          </button>
        </form>
        <Filters key={view} query={query} />
      </div>
      <ActiveFilters query={query} />
      {/* Keyed by the search and filters: paging and sorting keep the rows ticked, another view starts afresh. */}
      <GridSelection
        key={filterKey(query)}
        total={result.total}
        pageIds={result.rows.map((row) => row.id)}
        grid={{ q: query.q, filters: query.filters }}
      >
        <MassActionBar />
        <Pager query={query} result={result} />
        <ResultsTable query={query} result={result} />
      </GridSelection>
    </div>
  );
}

function Filters({ query }: { query: ProductGridQuery }) {
  const t = useTranslations("Common");
  const tp = useTranslations("Products");
  const f = query.filters;
  const select = "mt-1 block w-40 border border-line bg-white px-2 py-2";
  return (
    <details className="group">
      <summary className={`${buttonClass("secondary")} cursor-pointer list-none`}>{t("filters")}</summary>
      <form method="get" action={BASE} className="mt-2 flex flex-wrap items-end gap-4 border border-line bg-white p-4">
        <Carry query={query} omit={["salable_from", "salable_to", "salable", "type", "status"]} />
        <fieldset className="flex gap-2">
          <legend className="text-sm font-semibold">{tp("grid.columns.salableQty")}</legend>
          <label className="text-sm">
            {tp("grid.from")}
            <input name="salable_from" inputMode="decimal" defaultValue={f.salableFrom} className="mt-1 block w-24 border border-line px-2 py-2" />
          </label>
          <label className="text-sm">
            {tp("grid.to")}
            <input name="salable_to" inputMode="decimal" defaultValue={f.salableTo} className="mt-1 block w-24 border border-line px-2 py-2" />
          </label>
        </fieldset>
        <label className="text-sm font-semibold">
          {tp("grid.salable")}
          <select name="salable" defaultValue={f.salable === undefined ? "" : f.salable ? "1" : "0"} className={select}>
            <option value="">{t("any")}</option>
            <option value="1">{t("yes")}</option>
            <option value="0">{t("no")}</option>
          </select>
        </label>
        <label className="text-sm font-semibold">
          {tp("grid.columns.type")}
          <select name="type" defaultValue={f.type ?? ""} className={select}>
            <option value="">{t("any")}</option>
            <option value="simple">{tp("types.simple")}</option>
            <option value="virtual">{tp("types.virtual")}</option>
          </select>
        </label>
        <label className="text-sm font-semibold">
          {tp("grid.columns.status")}
          <select name="status" defaultValue={f.enabled === undefined ? "" : f.enabled ? "1" : "2"} className={select}>
            <option value="">{t("any")}</option>
            <option value="1">{t("enabled")}</option>
            <option value="2">{t("disabled")}</option>
          </select>
        </label>
        <button type="submit" className={buttonClass("primary")}>
          {t("applyFilters")}
        </button>
      </form>
    </details>
  );
}

function ActiveFilters({ query }: { query: ProductGridQuery }) {
  const t = useTranslations("Common");
  const tp = useTranslations("Products");
  const locale = useLocale();
  if (!hasFilters(query)) return null;
  const f = query.filters;
  const bound = (n: number | undefined) => (n === undefined ? "…" : formatQuantity(n, locale));
  const clear = (patch: Partial<ProductGridQuery["filters"]>) => ({ filters: { ...f, ...patch } });
  const chips: { label: string; remove: Partial<ProductGridQuery> }[] = [];
  if (query.q) chips.push({ label: tp("grid.chips.keyword", { value: query.q }), remove: { q: undefined } });
  if (f.salableFrom !== undefined || f.salableTo !== undefined) {
    chips.push({
      label: tp("grid.chips.salableQty", { from: bound(f.salableFrom), to: bound(f.salableTo) }),
      remove: clear({ salableFrom: undefined, salableTo: undefined }),
    });
  }
  if (f.salable !== undefined) chips.push({ label: tp("grid.chips.salable", { value: t(f.salable ? "yes" : "no") }), remove: clear({ salable: undefined }) });
  if (f.type) chips.push({ label: tp("grid.chips.type", { value: tp(`types.${f.type}`) }), remove: clear({ type: undefined }) });
  if (f.enabled !== undefined) {
    chips.push({ label: tp("grid.chips.status", { value: t(f.enabled ? "enabled" : "disabled") }), remove: clear({ enabled: undefined }) });
  }
  if (f.ids) chips.push({ label: tp("grid.chips.ids", { count: f.ids.length }), remove: clear({ ids: undefined }) });
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="font-semibold">{tp("grid.activeFilters")}</span>
      <ul className="flex flex-wrap gap-2">
        {chips.map((chip) => (
          <li key={chip.label} className="flex items-center gap-2 border border-line bg-white px-2 py-1">
            {chip.label}
            <Link href={href(query, chip.remove)} aria-label={tp("grid.removeFilter", { label: chip.label })} className="font-bold text-muted hover:text-ink">
              ×
            </Link>
          </li>
        ))}
      </ul>
      <Link href={href(query, { q: undefined, filters: {} })} className={buttonClass("link")}>
        {tp("grid.clearAll")}
      </Link>
    </div>
  );
}

function Pager({ query, result }: { query: ProductGridQuery; result: ProductGridPage }) {
  const t = useTranslations("Common");
  const prev =
    result.page > 1
      ? href(query, result.page === 2 ? { page: 1 } : { page: result.page - 1, before: result.prevCursor ?? undefined })
      : null;
  const next = result.nextCursor ? href(query, { page: result.page + 1, after: result.nextCursor }) : null;
  const sizes = Object.fromEntries(GRID_LIMITS.map((n) => [n, href(query, { limit: n })]));
  const step = "border border-line bg-white px-3 py-1.5 text-sm";
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-4">
      <p className="text-sm" role="status">
        {t("recordsFound", { count: result.total })}
        <SelectedCount />
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <PerPageSelect limit={query.limit} hrefs={sizes} />
        {prev ? (
          <Link href={prev} className={step}>
            {t("previous")}
          </Link>
        ) : (
          <span aria-disabled="true" className={`${step} text-muted`}>
            {t("previous")}
          </span>
        )}
        <form key={gridSearchParams(query).toString()} method="get" action={BASE} className="flex items-center gap-2 text-sm">
          <Carry query={query} omit={["page"]} />
          <label className="flex items-center gap-2">
            {t("page")}
            <input
              name="page"
              type="number"
              min={1}
              max={result.pages}
              defaultValue={result.page}
              className="w-20 border border-line bg-white px-2 py-1.5"
            />
          </label>
          <span>{t("ofPages", { count: result.pages })}</span>
          <button type="submit" className="sr-only">
            {t("goToPage")}
          </button>
        </form>
        {next ? (
          <Link href={next} className={step}>
            {t("next")}
          </Link>
        ) : (
          <span aria-disabled="true" className={`${step} text-muted`}>
            {t("next")}
          </span>
        )}
      </div>
    </nav>
  );
}

function ResultsTable({ query, result }: { query: ProductGridQuery; result: ProductGridPage }) {
  const t = useTranslations("Common");
  const tp = useTranslations("Products");
  const locale = useLocale();
  const quantity = useQuantityLabel();
  const price = new Intl.NumberFormat(locale, { style: "currency", currency: "USD" });
  return (
    <div className="overflow-x-auto border border-line bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{tp("title")}</caption>
        <thead className="bg-[#514943] text-white">
          <tr>
            <th scope="col" className="w-10 px-3 py-2">
              <SelectPageBox />
            </th>
            {COLUMNS.map((column) => {
              const label = tp(`grid.columns.${column.key}`);
              const active = column.sort === query.sort;
              const dir = active && query.dir === "asc" ? "desc" : "asc";
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
                  className="px-3 py-2 font-semibold whitespace-nowrap"
                >
                  {column.sort ? (
                    <Link href={href(query, { sort: column.sort, dir })} className="hover:underline">
                      {label}
                      {active && <span aria-hidden="true">{query.dir === "asc" ? " ▲" : " ▼"}</span>}
                    </Link>
                  ) : (
                    label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {result.rows.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length + 1} className="px-3 py-6 text-center">
                {t("noRecords")}
              </td>
            </tr>
          )}
          {result.rows.map((row) => (
            <tr key={row.id} className="border-b border-line align-top even:bg-page">
              <td className="px-3 py-2">
                <SelectRowBox id={row.id} sku={row.sku} />
              </td>
              <td className="px-3 py-2" data-testid="product-id">
                {row.id}
              </td>
              <td className="px-3 py-2">{row.name}</td>
              <td className="px-3 py-2">{tp(`types.${row.typeId}`)}</td>
              <td className="px-3 py-2" data-testid="sku">
                {row.sku}
              </td>
              <td className="px-3 py-2">{price.format(row.price)}</td>
              <td className="px-3 py-2" data-testid="quantity-per-source">
                <ul>
                  {row.quantities.map((q) => (
                    <li key={q.source}>
                      {q.source}: {quantity(q.qty)}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="px-3 py-2" data-testid="salable-quantity">
                <ul>
                  {row.salable.map((s) => (
                    <li key={s.stock}>
                      {s.stock}: {quantity(s.qty)}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="px-3 py-2">{t(row.enabled ? "enabled" : "disabled")}</td>
              <td className="px-3 py-2">
                <Link href={`${BASE}/edit/id/${row.id}`} className={buttonClass("link")}>
                  {t("edit")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
