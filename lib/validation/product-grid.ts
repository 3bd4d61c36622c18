import { z } from "zod";
import { firstParam as first, pageParam, textParam } from "./grid";

/** Columns of Catalog > Products that sort, by their URL name. */
const GRID_SORTS = ["id", "name", "type", "sku", "price", "qty", "salable_qty", "status"] as const;
export type GridSort = (typeof GRID_SORTS)[number];
export const GRID_LIMITS = [20, 50, 200] as const;
type GridLimit = (typeof GRID_LIMITS)[number];
/** An explicit id list (the configuration page's impact preview links here with one). */
const MAX_GRID_IDS = 10000;

interface ProductGridFilters {
  /** Default Stock's salable quantity, inclusive bounds. */
  salableFrom?: number;
  salableTo?: number;
  /** Salable on Default Stock (inventory-rules §3) or not. */
  salable?: boolean;
  type?: "simple" | "virtual";
  enabled?: boolean;
  ids?: number[];
}

/** Everything a grid view is made of; all of it lives in the URL so a view can be shared. */
export interface ProductGridQuery {
  q?: string;
  filters: ProductGridFilters;
  sort: GridSort;
  dir: "asc" | "desc";
  page: number;
  limit: GridLimit;
  /** Keyset cursors the Next / Previous links carry (opaque, written by listProductGrid). */
  after?: string;
  before?: string;
}

type RawParams = Record<string, string | string[] | undefined>;

const num = z.coerce.number().refine(Number.isFinite).optional().catch(undefined);
const optionalNumber = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : num.parse(v));

/**
 * Reads a grid view from URL parameters. A hand-edited or stale URL never fails: an unknown
 * value falls back to the default, so the grid always renders.
 */
export function parseGridParams(params: RawParams): ProductGridQuery {
  const get = (key: string) => first(params[key]);
  const limit = Number(get("limit"));
  const ids = get("ids")
    ?.split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isSafeInteger(n) && n > 0)
    .slice(0, MAX_GRID_IDS);
  const salable = get("salable");
  const status = get("status");
  const type = get("type");
  return {
    q: textParam.parse(get("q")),
    filters: {
      salableFrom: optionalNumber(get("salable_from")),
      salableTo: optionalNumber(get("salable_to")),
      salable: salable === "1" ? true : salable === "0" ? false : undefined,
      type: type === "simple" || type === "virtual" ? type : undefined,
      enabled: status === "1" ? true : status === "2" ? false : undefined,
      ids: ids && ids.length > 0 ? ids : undefined,
    },
    sort: z.enum(GRID_SORTS).catch("id").parse(get("sort")),
    dir: get("dir") === "desc" ? "desc" : "asc",
    page: pageParam.parse(get("page") ?? 1),
    limit: (GRID_LIMITS as readonly number[]).includes(limit) ? (limit as GridLimit) : 20,
    after: textParam.parse(get("after")),
    before: textParam.parse(get("before")),
  };
}

/** The URL parameters of a view, defaults left out so links stay short. */
export function gridSearchParams(query: ProductGridQuery): URLSearchParams {
  const p = new URLSearchParams();
  const { filters: f } = query;
  if (query.q) p.set("q", query.q);
  if (f.salableFrom !== undefined) p.set("salable_from", String(f.salableFrom));
  if (f.salableTo !== undefined) p.set("salable_to", String(f.salableTo));
  if (f.salable !== undefined) p.set("salable", f.salable ? "1" : "0");
  if (f.type) p.set("type", f.type);
  if (f.enabled !== undefined) p.set("status", f.enabled ? "1" : "2");
  if (f.ids) p.set("ids", f.ids.join(","));
  if (query.sort !== "id") p.set("sort", query.sort);
  if (query.dir !== "asc") p.set("dir", query.dir);
  if (query.limit !== 20) p.set("limit", String(query.limit));
  if (query.page !== 1) p.set("page", String(query.page));
  if (query.after) p.set("after", query.after);
  if (query.before) p.set("before", query.before);
  return p;
}

export function hasFilters(query: Pick<ProductGridQuery, "q" | "filters">): boolean {
  return query.q !== undefined || Object.values(query.filters).some((v) => v !== undefined);
}
