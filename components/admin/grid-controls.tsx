import Link from "next/link";
import { useTranslations } from "next-intl";
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

/** "N records found", page size and page links above a grid (Magento's toolbar), by page number. */
export function GridPager<S extends string>({ path, params, total }: { path: string; params: GridParams<S>; total: number }) {
  const pages = Math.max(1, Math.ceil(total / params.limit));
  return (
    <PagerBar
      total={total}
      limit={params.limit}
      page={Math.min(params.page, pages)}
      pages={pages}
      sizeHref={(size) => gridHref(path, params, { limit: size, page: 1 })}
      prevHref={params.page > 1 ? gridHref(path, params, { page: params.page - 1 }) : null}
      nextHref={params.page < pages ? gridHref(path, params, { page: params.page + 1 }) : null}
    />
  );
}

/** The toolbar itself, with the links its grid writes (GridPager, KeysetPager). */
function PagerBar({
  total,
  limit,
  page,
  pages,
  sizeHref,
  prevHref,
  nextHref,
}: {
  total: number;
  limit: number;
  page: number;
  pages: number;
  /** The first page of the same view at another page size. */
  sizeHref: (size: (typeof PAGE_SIZES)[number]) => string;
  /** Null where there is no such page. */
  prevHref: string | null;
  nextHref: string | null;
}) {
  const t = useTranslations("Common");
  const link = "text-link underline hover:no-underline";
  return (
    <div className="flex flex-wrap items-center justify-between gap-4 py-3 text-sm">
      <p>{t("recordsFound", { count: total })}</p>
      <div className="flex flex-wrap items-center gap-4">
        <span className="flex items-center gap-2">
          <span className="text-muted">{t("perPageLabel")}:</span>
          {PAGE_SIZES.map((size) =>
            size === limit ? (
              <strong key={size} aria-current="true">
                {size}
              </strong>
            ) : (
              <Link key={size} href={sizeHref(size)} className={link}>
                {size}
              </Link>
            ),
          )}
        </span>
        <nav aria-label={t("pages")} className="flex items-center gap-3">
          {prevHref ? (
            <Link href={prevHref} className={link}>
              {t("previous")}
            </Link>
          ) : (
            <span className="text-muted">{t("previous")}</span>
          )}
          <span>{t("pageOfPages", { page, count: pages })}</span>
          {nextHref ? (
            <Link href={nextHref} className={link}>
              {t("next")}
            </Link>
          ) : (
            <span className="text-muted">{t("next")}</span>
          )}
        </nav>
      </div>
    </div>
  );
}

/** A view's change of page: the page number and the keyset cursor that reaches it, or a page size. */
interface PageChange {
  page: number;
  after: string | undefined;
  before: string | undefined;
  limit?: (typeof PAGE_SIZES)[number];
}

/**
 * The toolbar of a keyset-paged grid (db/pager.ts) whose whole view lives in the URL: Previous /
 * Next carry the page's cursors, a page size starts again from the first page. `href` writes the
 * view's URL with the change.
 */
export function KeysetPager({
  limit,
  result,
  href,
}: {
  limit: number;
  result: { total: number; page: number; pages: number; nextCursor: string | null; prevCursor: string | null };
  href: (change: PageChange) => string;
}) {
  const first = { page: 1, after: undefined, before: undefined };
  const prev =
    result.page > 1 ? href(result.page === 2 ? first : { page: result.page - 1, after: undefined, before: result.prevCursor ?? undefined }) : null;
  const next = result.nextCursor ? href({ page: result.page + 1, after: result.nextCursor, before: undefined }) : null;
  return (
    <PagerBar
      total={result.total}
      limit={limit}
      page={result.page}
      pages={result.pages}
      sizeHref={(size) => href({ ...first, limit: size })}
      prevHref={prev}
      nextHref={next}
    />
  );
}
