import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { ProductGridPage } from "@/db/queries/product-grid";
import {
  GRID_LIMITS,
  gridSearchParams,
  hasFilters,
  type GridSort,
  type ProductGridQuery,
} from "@/lib/validation/product-grid";
import { PerPageSelect } from "./per-page-select";

const BASE = "/admin/catalog/product";
const TYPE_LABELS = { simple: "Simple Product", virtual: "Virtual Product" } as const;
const price = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** A link to the same view with some of its state changed; paging state resets unless given. */
function href(query: ProductGridQuery, patch: Partial<ProductGridQuery>): string {
  const params = gridSearchParams({ ...query, page: 1, after: undefined, before: undefined, ...patch });
  const search = params.toString();
  return search ? `${BASE}?${search}` : BASE;
}

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

const COLUMNS: { label: string; sort: GridSort | null }[] = [
  { label: "ID", sort: "id" },
  { label: "Name", sort: "name" },
  { label: "Type", sort: "type" },
  { label: "SKU", sort: "sku" },
  { label: "Price", sort: "price" },
  { label: "Quantity per Source", sort: "qty" },
  { label: "Salable Quantity", sort: "salable_qty" },
  { label: "Status", sort: "status" },
  { label: "Action", sort: null },
];

/**
 * Catalog > Products: keyword search, filters, sortable columns and paging, every bit of it a
 * URL (GET forms and links), so a view can be shared and reloaded.
 */
export function ProductGrid({ query, result }: { query: ProductGridQuery; result: ProductGridPage }) {
  // The forms' boxes are uncontrolled: a new view must remount them to show its own values.
  const view = gridSearchParams(query).toString();
  return (
    <div className="mt-6 space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <form key={view} role="search" method="get" action={BASE} className="flex items-end gap-2">
          <Carry query={query} omit={["q"]} />
          <label className="text-sm">
            <span className="block font-semibold">Search by keyword</span>
            <input
              name="q"
              type="search"
              defaultValue={query.q}
              placeholder="Name or SKU"
              className="mt-1 w-72 border border-line bg-white px-3 py-2"
            />
          </label>
          <button type="submit" className={buttonClass("secondary")}>
            Search
          </button>
        </form>
        <Filters key={view} query={query} />
      </div>
      <ActiveFilters query={query} />
      <Pager query={query} result={result} />
      <ResultsTable query={query} result={result} />
    </div>
  );
}

function Filters({ query }: { query: ProductGridQuery }) {
  const f = query.filters;
  const select = "mt-1 block w-40 border border-line bg-white px-2 py-2";
  return (
    <details className="group">
      <summary className={`${buttonClass("secondary")} cursor-pointer list-none`}>Filters</summary>
      <form method="get" action={BASE} className="mt-2 flex flex-wrap items-end gap-4 border border-line bg-white p-4">
        <Carry query={query} omit={["salable_from", "salable_to", "salable", "type", "status"]} />
        <fieldset className="flex gap-2">
          <legend className="text-sm font-semibold">Salable Quantity</legend>
          <label className="text-sm">
            from
            <input name="salable_from" inputMode="decimal" defaultValue={f.salableFrom} className="mt-1 block w-24 border border-line px-2 py-2" />
          </label>
          <label className="text-sm">
            to
            <input name="salable_to" inputMode="decimal" defaultValue={f.salableTo} className="mt-1 block w-24 border border-line px-2 py-2" />
          </label>
        </fieldset>
        <label className="text-sm font-semibold">
          Salable
          <select name="salable" defaultValue={f.salable === undefined ? "" : f.salable ? "1" : "0"} className={select}>
            <option value="">Any</option>
            <option value="1">Yes</option>
            <option value="0">No</option>
          </select>
        </label>
        <label className="text-sm font-semibold">
          Type
          <select name="type" defaultValue={f.type ?? ""} className={select}>
            <option value="">Any</option>
            <option value="simple">{TYPE_LABELS.simple}</option>
            <option value="virtual">{TYPE_LABELS.virtual}</option>
          </select>
        </label>
        <label className="text-sm font-semibold">
          Status
          <select name="status" defaultValue={f.enabled === undefined ? "" : f.enabled ? "1" : "2"} className={select}>
            <option value="">Any</option>
            <option value="1">Enabled</option>
            <option value="2">Disabled</option>
          </select>
        </label>
        <button type="submit" className={buttonClass("primary")}>
          Apply Filters
        </button>
      </form>
    </details>
  );
}

function ActiveFilters({ query }: { query: ProductGridQuery }) {
  if (!hasFilters(query)) return null;
  const f = query.filters;
  const clear = (patch: Partial<ProductGridQuery["filters"]>) => ({ filters: { ...f, ...patch } });
  const chips: { label: string; remove: Partial<ProductGridQuery> }[] = [];
  if (query.q) chips.push({ label: `Keyword: ${query.q}`, remove: { q: undefined } });
  if (f.salableFrom !== undefined || f.salableTo !== undefined) {
    chips.push({
      label: `Salable Quantity: ${f.salableFrom ?? "…"} – ${f.salableTo ?? "…"}`,
      remove: clear({ salableFrom: undefined, salableTo: undefined }),
    });
  }
  if (f.salable !== undefined) chips.push({ label: `Salable: ${f.salable ? "Yes" : "No"}`, remove: clear({ salable: undefined }) });
  if (f.type) chips.push({ label: `Type: ${TYPE_LABELS[f.type]}`, remove: clear({ type: undefined }) });
  if (f.enabled !== undefined) chips.push({ label: `Status: ${f.enabled ? "Enabled" : "Disabled"}`, remove: clear({ enabled: undefined }) });
  if (f.ids) chips.push({ label: `ID: ${f.ids.length} selected`, remove: clear({ ids: undefined }) });
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="font-semibold">Active filters:</span>
      <ul className="flex flex-wrap gap-2">
        {chips.map((chip) => (
          <li key={chip.label} className="flex items-center gap-2 border border-line bg-white px-2 py-1">
            {chip.label}
            <Link href={href(query, chip.remove)} aria-label={`Remove ${chip.label}`} className="font-bold text-muted hover:text-ink">
              ×
            </Link>
          </li>
        ))}
      </ul>
      <Link href={href(query, { q: undefined, filters: {} })} className={buttonClass("link")}>
        Clear all
      </Link>
    </div>
  );
}

function Pager({ query, result }: { query: ProductGridQuery; result: ProductGridPage }) {
  const prev =
    result.page > 1
      ? href(query, result.page === 2 ? { page: 1 } : { page: result.page - 1, before: result.prevCursor ?? undefined })
      : null;
  const next = result.nextCursor ? href(query, { page: result.page + 1, after: result.nextCursor }) : null;
  const sizes = Object.fromEntries(GRID_LIMITS.map((n) => [n, href(query, { limit: n })]));
  const step = "border border-line bg-white px-3 py-1.5 text-sm";
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-4">
      <p className="text-sm" role="status">
        {result.total} {result.total === 1 ? "record" : "records"} found
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <PerPageSelect limit={query.limit} hrefs={sizes} />
        {prev ? (
          <Link href={prev} className={step}>
            Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={`${step} text-muted`}>
            Previous
          </span>
        )}
        <form key={gridSearchParams(query).toString()} method="get" action={BASE} className="flex items-center gap-2 text-sm">
          <Carry query={query} omit={["page"]} />
          <label className="flex items-center gap-2">
            Page
            <input
              name="page"
              type="number"
              min={1}
              max={result.pages}
              defaultValue={result.page}
              className="w-20 border border-line bg-white px-2 py-1.5"
            />
          </label>
          <span>of {result.pages}</span>
          <button type="submit" className="sr-only">
            Go to page
          </button>
        </form>
        {next ? (
          <Link href={next} className={step}>
            Next
          </Link>
        ) : (
          <span aria-disabled="true" className={`${step} text-muted`}>
            Next
          </span>
        )}
      </div>
    </nav>
  );
}

function ResultsTable({ query, result }: { query: ProductGridQuery; result: ProductGridPage }) {
  return (
    <div className="overflow-x-auto border border-line bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Products</caption>
        <thead className="bg-[#514943] text-white">
          <tr>
            {COLUMNS.map((column) => {
              const active = column.sort === query.sort;
              const dir = active && query.dir === "asc" ? "desc" : "asc";
              return (
                <th
                  key={column.label}
                  scope="col"
                  aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
                  className="px-3 py-2 font-semibold whitespace-nowrap"
                >
                  {column.sort ? (
                    <Link href={href(query, { sort: column.sort, dir })} className="hover:underline">
                      {column.label}
                      {active && <span aria-hidden="true">{query.dir === "asc" ? " ▲" : " ▼"}</span>}
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
          {result.rows.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length} className="px-3 py-6 text-center">
                We couldn&apos;t find any records.
              </td>
            </tr>
          )}
          {result.rows.map((row) => (
            <tr key={row.id} className="border-b border-line align-top even:bg-page">
              <td className="px-3 py-2">{row.id}</td>
              <td className="px-3 py-2">{row.name}</td>
              <td className="px-3 py-2">{TYPE_LABELS[row.typeId]}</td>
              <td className="px-3 py-2" data-testid="sku">
                {row.sku}
              </td>
              <td className="px-3 py-2">{price.format(row.price)}</td>
              <td className="px-3 py-2" data-testid="quantity-per-source">
                <ul>
                  {row.quantities.map((q) => (
                    <li key={q.source}>
                      {q.source}: {q.qty}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="px-3 py-2" data-testid="salable-quantity">
                <ul>
                  {row.salable.map((s) => (
                    <li key={s.stock}>
                      {s.stock}: {s.qty}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="px-3 py-2">{row.enabled ? "Enabled" : "Disabled"}</td>
              <td className="px-3 py-2">
                <Link href={`${BASE}/edit/id/${row.id}`} className={buttonClass("link")}>
                  Edit
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
