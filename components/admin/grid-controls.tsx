import Link from "next/link";
import { gridHref, PAGE_SIZES, type GridParams } from "@/lib/validation/grid";

/** A column header that sorts the grid in SQL through the URL; a second click reverses it. */
export function SortHeader<S extends string>({
  label,
  column,
  path,
  params,
  align = "left",
}: {
  label: string;
  column: S;
  path: string;
  params: GridParams<S>;
  align?: "left" | "right";
}) {
  const active = params.sort === column;
  const dir = active && params.dir === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : undefined}
      className={`border-r border-[#5f5a56] bg-menu px-3 py-2 font-semibold text-white ${align === "right" ? "text-right" : "text-left"}`}
    >
      <Link href={gridHref(path, params, { sort: column, dir, page: 1 })} className="hover:underline">
        {label}
        {active && <span aria-hidden="true">{params.dir === "asc" ? " ▲" : " ▼"}</span>}
      </Link>
    </th>
  );
}

/** "N records found", page size and page links above a grid (Magento's toolbar). */
export function GridPager<S extends string>({ path, params, total }: { path: string; params: GridParams<S>; total: number }) {
  const pages = Math.max(1, Math.ceil(total / params.limit));
  const link = "text-link underline hover:no-underline";
  return (
    <div className="flex flex-wrap items-center justify-between gap-4 py-3 text-sm">
      <p>{total === 1 ? "1 record found" : `${total} records found`}</p>
      <div className="flex flex-wrap items-center gap-4">
        <span className="flex items-center gap-2">
          <span className="text-muted">Per page:</span>
          {PAGE_SIZES.map((size) =>
            size === params.limit ? (
              <strong key={size} aria-current="true">
                {size}
              </strong>
            ) : (
              <Link key={size} href={gridHref(path, params, { limit: size, page: 1 })} className={link}>
                {size}
              </Link>
            ),
          )}
        </span>
        <nav aria-label="Pages" className="flex items-center gap-3">
          {params.page > 1 ? (
            <Link href={gridHref(path, params, { page: params.page - 1 })} className={link}>
              Previous
            </Link>
          ) : (
            <span className="text-muted">Previous</span>
          )}
          <span>
            Page {Math.min(params.page, pages)} of {pages}
          </span>
          {params.page < pages ? (
            <Link href={gridHref(path, params, { page: params.page + 1 })} className={link}>
              Next
            </Link>
          ) : (
            <span className="text-muted">Next</span>
          )}
        </nav>
      </div>
    </div>
  );
}
