import { z } from "zod";

export const PAGE_SIZES = [20, 50, 200] as const;

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
    page: z.coerce.number().int().min(1).catch(1),
    limit: z.coerce
      .number()
      .refine((n): n is (typeof PAGE_SIZES)[number] => (PAGE_SIZES as readonly number[]).includes(n))
      .catch(PAGE_SIZES[0]),
  });
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return schema.parse({
    sort: first(query.sort),
    dir: first(query.dir),
    page: first(query.page) ?? 1,
    limit: first(query.limit) ?? PAGE_SIZES[0],
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
