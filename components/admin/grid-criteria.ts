import { firstParam, pageParam } from "@/lib/validation/grid";
import type { SearchCriteria } from "@/lib/validation/search-criteria";

export const GRID_PAGE_SIZE = 20;

export type GridSearchParams = Record<string, string | string[] | undefined>;

export interface GridState {
  search: string;
  sort: string;
  dir: "asc" | "desc";
  page: number;
}

interface GridOptions {
  sortable: readonly string[];
  defaultSort: string;
  /** Text fields the keyword box searches (any of them may contain it). */
  keywordFields: readonly string[];
}

const one = (v: string | string[] | undefined) => firstParam(v) ?? "";

/**
 * A grid's URL (?search=&sort=&dir=&page=) as searchCriteria, so grids filter, sort and page in
 * SQL through the same db/queries the REST lists use. Unknown values fall back to the defaults.
 */
export function gridCriteria(params: GridSearchParams, options: GridOptions): { state: GridState; criteria: SearchCriteria } {
  const search = one(params.search).trim().slice(0, 255);
  const sort = options.sortable.includes(one(params.sort)) ? one(params.sort) : options.defaultSort;
  const dir = one(params.dir) === "desc" ? "desc" : "asc";
  const page = pageParam.parse(one(params.page));
  const pattern = `%${search}%`;
  return {
    state: { search, sort, dir, page },
    criteria: {
      filterGroups: search
        ? [{ filters: options.keywordFields.map((field) => ({ field, conditionType: "like" as const, values: [pattern], raw: pattern })) }]
        : [],
      sortOrders: [{ field: sort, direction: dir === "desc" ? "DESC" : "ASC" }],
      pageSize: GRID_PAGE_SIZE,
      currentPage: page,
    },
  };
}
