/**
 * Magento's searchCriteria query string, parsed and checked against the fields a list offers:
 *
 *   searchCriteria[filter_groups][i][filters][j][field|value|condition_type]
 *   searchCriteria[sortOrders][k][field|direction], searchCriteria[pageSize], searchCriteria[currentPage]
 *
 * Filters in a group are OR-ed, groups are AND-ed (Magento's FilterGroup semantics). Magento
 * accepts snake_case and camelCase for every key; so does Stockroom. Errors carry a Magento-style
 * phrase (%name placeholders) and its parameters.
 */

export type SearchFieldType = "text" | "number" | "boolean";

export const CONDITION_TYPES = ["eq", "neq", "like", "in", "gt", "lt", "gteq", "lteq"] as const;
type ConditionType = (typeof CONDITION_TYPES)[number];

export type FilterValue = string | number | boolean;

export interface SearchFilter {
  field: string;
  conditionType: ConditionType;
  /** One value; `in` has one per comma-separated item. */
  values: FilterValue[];
  /** The value as sent, echoed back in `search_criteria`. */
  raw: string;
}

interface SortOrder {
  field: string;
  direction: "ASC" | "DESC";
}

export interface SearchCriteria {
  filterGroups: { filters: SearchFilter[] }[];
  sortOrders: SortOrder[];
  /** Absent: every matching row, as in Magento. */
  pageSize?: number;
  currentPage?: number;
}

interface SearchCriteriaError {
  message: string;
  parameters: Record<string, string>;
}

export type SearchCriteriaResult = { ok: true; criteria: SearchCriteria } | { ok: false; error: SearchCriteriaError };

/** Bounds that keep one request's SQL small. */
export const MAX_FILTERS = 100;
const MAX_IN_VALUES = 1000;
const MAX_INT = 2147483647;

const ROOT = "searchCriteria";

type Tree = { [key: string]: Tree | string };

class CriteriaError extends Error {
  constructor(
    readonly phrase: string,
    readonly parameters: Record<string, string> = {},
  ) {
    super(phrase);
  }
}

/** "searchCriteria[a][0][b]" → ["a", "0", "b"]; null when the key is not bracket notation. */
function keyPath(key: string): string[] | null {
  const rest = key.slice(ROOT.length);
  if (!/^(\[[^[\]]*\])*$/.test(rest)) return null;
  return [...rest.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]);
}

function buildTree(params: URLSearchParams): Tree {
  const tree: Tree = {};
  for (const [key, value] of params) {
    if (!key.startsWith(ROOT)) continue;
    const path = keyPath(key);
    if (path === null) throw new CriteriaError('The query parameter "%name" is not valid searchCriteria notation.', { name: key });
    // `searchCriteria=` alone (as Magento's docs write it) means "no criteria".
    if (path.length === 0) {
      if (value !== "") throw new CriteriaError('The query parameter "%name" needs a [key].', { name: key });
      continue;
    }
    let node = tree;
    path.forEach((segment, i) => {
      const last = i === path.length - 1;
      const existing = node[segment];
      if (last) {
        if (typeof existing === "object") throw new CriteriaError('The query parameter "%name" is not valid searchCriteria notation.', { name: key });
        node[segment] = value;
        return;
      }
      if (typeof existing === "string") throw new CriteriaError('The query parameter "%name" is not valid searchCriteria notation.', { name: key });
      node = (node[segment] as Tree | undefined) ?? (node[segment] = {});
    });
  }
  return tree;
}

const ALIASES: Record<string, string> = {
  filterGroups: "filter_groups",
  sortOrders: "sort_orders",
  pageSize: "page_size",
  currentPage: "current_page",
  conditionType: "condition_type",
};
const canonical = (key: string) => ALIASES[key] ?? key;

/** A node's children under canonical keys; unknown keys are refused. */
function children(node: Tree | string, where: string, allowed: readonly string[]): Map<string, Tree | string> {
  if (typeof node === "string") throw new CriteriaError('"%name" needs sub-keys, not a value.', { name: where });
  const out = new Map<string, Tree | string>();
  for (const [key, value] of Object.entries(node)) {
    const name = canonical(key);
    if (!allowed.includes(name)) throw new CriteriaError('Unknown searchCriteria key "%name".', { name: `${where}[${key}]` });
    out.set(name, value);
  }
  return out;
}

/** A numerically keyed node ("0", "1", …) as a list in index order. */
function indexed(node: Tree | string, where: string): [string, Tree | string][] {
  if (typeof node === "string") throw new CriteriaError('"%name" needs [index] sub-keys, not a value.', { name: where });
  const entries = Object.entries(node);
  for (const [key] of entries) {
    if (!/^\d{1,6}$/.test(key)) throw new CriteriaError('"%name" is not a valid index: use 0, 1, 2, …', { name: `${where}[${key}]` });
  }
  return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([key, value]) => [`${where}[${key}]`, value]);
}

function leaf(node: Tree | string | undefined, where: string): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node !== "string") throw new CriteriaError('"%name" must be a value, not sub-keys.', { name: where });
  return node;
}

function positiveInt(raw: string, where: string): number {
  const n = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(n) || n < 1 || n > MAX_INT) {
    throw new CriteriaError('"%name" must be a whole number from 1 to %max; "%value" was given.', {
      name: where,
      max: String(MAX_INT),
      value: raw,
    });
  }
  return n;
}

function typedValue(raw: string, type: SearchFieldType, field: string): FilterValue {
  if (type === "text") return raw;
  if (type === "number") {
    const n = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(n)) {
      throw new CriteriaError('The field "%field" holds numbers; "%value" is not a number.', { field, value: raw });
    }
    return n;
  }
  if (raw === "1" || raw === "true") return true;
  if (raw === "0" || raw === "false") return false;
  throw new CriteriaError('The field "%field" holds yes/no values: use 1 or 0; "%value" was given.', { field, value: raw });
}

function fieldName(raw: string | undefined, where: string, fields: Readonly<Record<string, SearchFieldType>>): string {
  if (raw === undefined || raw === "") throw new CriteriaError('"%name" is required.', { name: `${where}[field]` });
  if (!Object.hasOwn(fields, raw)) {
    throw new CriteriaError('"%field" is not a field you can search or sort by. Use one of: %fields.', {
      field: raw,
      fields: Object.keys(fields).join(", "),
    });
  }
  return raw;
}

function parseFilter(
  node: Tree | string,
  where: string,
  fields: Readonly<Record<string, SearchFieldType>>,
): SearchFilter {
  const keys = children(node, where, ["field", "value", "condition_type"]);
  const field = fieldName(leaf(keys.get("field"), `${where}[field]`), where, fields);
  const conditionRaw = leaf(keys.get("condition_type"), `${where}[condition_type]`) ?? "eq";
  const conditionType = conditionRaw.toLowerCase() as ConditionType;
  if (!CONDITION_TYPES.includes(conditionType)) {
    throw new CriteriaError('The condition type "%type" is not supported. Use one of: %types.', {
      type: conditionRaw,
      types: CONDITION_TYPES.join(", "),
    });
  }
  const raw = leaf(keys.get("value"), `${where}[value]`);
  if (raw === undefined) throw new CriteriaError('"%name" is required.', { name: `${where}[value]` });
  const type = fields[field];
  if (conditionType === "like" && type !== "text") {
    throw new CriteriaError('The condition type "like" works on text fields only; "%field" is not one.', { field });
  }
  const parts = conditionType === "in" ? raw.split(",").map((part) => part.trim()) : [raw];
  if (parts.length > MAX_IN_VALUES) {
    throw new CriteriaError('"%name" lists more than %max values.', { name: `${where}[value]`, max: String(MAX_IN_VALUES) });
  }
  return { field, conditionType, values: parts.map((part) => typedValue(part, type, field)), raw };
}

function parseSortOrder(node: Tree | string, where: string, fields: Readonly<Record<string, SearchFieldType>>): SortOrder {
  const keys = children(node, where, ["field", "direction"]);
  const field = fieldName(leaf(keys.get("field"), `${where}[field]`), where, fields);
  const directionRaw = leaf(keys.get("direction"), `${where}[direction]`) ?? "ASC";
  const direction = directionRaw.toUpperCase();
  if (direction !== "ASC" && direction !== "DESC") {
    throw new CriteriaError('The sort direction "%direction" is not supported. Use ASC or DESC.', { direction: directionRaw });
  }
  return { field, direction };
}

/** Parses the query string's searchCriteria for a list whose searchable fields are `fields`. */
export function parseSearchCriteria(
  params: URLSearchParams,
  fields: Readonly<Record<string, SearchFieldType>>,
): SearchCriteriaResult {
  try {
    const top = children(buildTree(params), ROOT, ["filter_groups", "sort_orders", "page_size", "current_page"]);
    const groupsNode = top.get("filter_groups");
    const filterGroups = groupsNode
      ? indexed(groupsNode, `${ROOT}[filter_groups]`).map(([where, group]) => {
          const filtersNode = children(group, where, ["filters"]).get("filters");
          if (filtersNode === undefined) throw new CriteriaError('"%name" is required.', { name: `${where}[filters]` });
          return { filters: indexed(filtersNode, `${where}[filters]`).map(([at, filter]) => parseFilter(filter, at, fields)) };
        })
      : [];
    const filterCount = filterGroups.reduce((n, group) => n + group.filters.length, 0);
    if (filterCount > MAX_FILTERS) {
      throw new CriteriaError("A search may use at most %max filters.", { max: String(MAX_FILTERS) });
    }
    const sortNode = top.get("sort_orders");
    const sortOrders = sortNode
      ? indexed(sortNode, `${ROOT}[sort_orders]`).map(([where, order]) => parseSortOrder(order, where, fields))
      : [];
    const pageSizeRaw = leaf(top.get("page_size"), `${ROOT}[page_size]`);
    const currentPageRaw = leaf(top.get("current_page"), `${ROOT}[current_page]`);
    return {
      ok: true,
      criteria: {
        filterGroups,
        sortOrders,
        pageSize: pageSizeRaw === undefined ? undefined : positiveInt(pageSizeRaw, `${ROOT}[pageSize]`),
        currentPage: currentPageRaw === undefined ? undefined : positiveInt(currentPageRaw, `${ROOT}[currentPage]`),
      },
    };
  } catch (error) {
    if (error instanceof CriteriaError) return { ok: false, error: { message: error.phrase, parameters: error.parameters } };
    throw error;
  }
}

/** `search_criteria` as Magento echoes it in a list answer. */
export function echoSearchCriteria(criteria: SearchCriteria) {
  return {
    filter_groups: criteria.filterGroups.map((group) => ({
      filters: group.filters.map((f) => ({ field: f.field, value: f.raw, condition_type: f.conditionType })),
    })),
    ...(criteria.sortOrders.length > 0 ? { sort_orders: criteria.sortOrders } : {}),
    ...(criteria.pageSize !== undefined ? { page_size: criteria.pageSize } : {}),
    ...(criteria.currentPage !== undefined ? { current_page: criteria.currentPage } : {}),
  };
}
