import { z } from "zod";

export const PAGE_SIZES = [20, 50, 200] as const;

/** The deepest page a URL may name: further on, offsets would overflow the engines' integers. */
const MAX_PAGE = 1_000_000;

/** A page number from the URL: a whole number from 1 up to MAX_PAGE; anything else is page 1. */
export const pageParam = z.coerce.number().int().min(1).max(MAX_PAGE).catch(1);

/** A keyset cursor (or a short text) from the URL: trimmed, 1–255 characters, else absent. */
export const textParam = z.string().trim().min(1).max(255).optional().catch(undefined);

/** The first of a repeated URL parameter (`?page=2&page=3`). */
export const firstParam = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export interface GridParams<S extends string> {
  sort: S;
  dir: "asc" | "desc";
  page: number;
  limit: (typeof PAGE_SIZES)[number];
}

type Query = Record<string, string | string[] | undefined>;

/**
 * A grid's paging and sorting from the URL, so a view can be shared and reloaded. Anything
 * unknown or malformed falls back to the default instead of failing the page.
 */
export function parseGridParams<S extends string>(
  query: Query,
  sorts: readonly [S, ...S[]],
  defaults: { sort: S; dir: "asc" | "desc" },
): GridParams<S> {
  const schema = z.object({
    sort: z.enum(sorts).catch(defaults.sort),
    dir: z.enum(["asc", "desc"]).catch(defaults.dir),
    page: pageParam,
    limit: z.coerce
      .number()
      .refine((n): n is (typeof PAGE_SIZES)[number] => (PAGE_SIZES as readonly number[]).includes(n))
      .catch(PAGE_SIZES[0]),
  });
  return schema.parse({
    sort: firstParam(query.sort),
    dir: firstParam(query.dir),
    page: firstParam(query.page) ?? 1,
    limit: firstParam(query.limit) ?? PAGE_SIZES[0],
  }) as GridParams<S>;
}

/** The grid's URL with some parameters changed. */
export function gridHref<S extends string>(path: string, params: GridParams<S>, change: Partial<GridParams<S>>): string {
  const next = { ...params, ...change };
  const query = new URLSearchParams({
    sort: next.sort,
    dir: next.dir,
    page: String(next.page),
    limit: String(next.limit),
  });
  return `${path}?${query}`;
}
