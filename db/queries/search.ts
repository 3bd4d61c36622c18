import { and, asc, desc, eq, gt, gte, inArray, like, lt, lte, ne, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { FilterValue, SearchCriteria, SearchFieldType, SearchFilter } from "@/lib/validation/search-criteria";

/** A field a list can be searched and sorted by, as the REST API names it. */
interface SearchField {
  /** A column, or an expression over columns where Magento's value differs from the stored one. */
  column: SQLiteColumn | SQL;
  type: SearchFieldType;
}
export type SearchFields = Readonly<Record<string, SearchField>>;

/** The field names and types the searchCriteria parser checks against. */
export function searchFieldTypes(fields: SearchFields): Record<string, SearchFieldType> {
  return Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, f.type]));
}

/**
 * drizzle overloads its comparison operators per operand kind (column or SQL) and takes no union
 * of the two; at run time both go through the same code, a column also encoding the value.
 */
const operand = (column: SQLiteColumn | SQL) => column as SQL;

function condition(fields: SearchFields, filter: SearchFilter): SQL {
  const column = operand(fields[filter.field].column);
  const [value] = filter.values as [FilterValue];
  switch (filter.conditionType) {
    case "eq":
      return eq(column, value);
    case "neq":
      return ne(column, value);
    case "like":
      return like(column, String(value));
    case "in":
      return inArray(column, filter.values);
    case "gt":
      return gt(column, value);
    case "lt":
      return lt(column, value);
    case "gteq":
      return gte(column, value);
    case "lteq":
      return lte(column, value);
  }
}

export interface SqlSearch {
  where: SQL | undefined;
  orderBy: SQL[];
  limit?: number;
  offset?: number;
}

/**
 * searchCriteria as SQL: filters OR-ed within a group, groups AND-ed, the requested sort orders
 * then `tieBreak` (the key) so pages never overlap, LIMIT/OFFSET only with a page size.
 */
export function sqlSearch(fields: SearchFields, criteria: SearchCriteria, tieBreak: SQLiteColumn[]): SqlSearch {
  const groups = criteria.filterGroups
    .filter((group) => group.filters.length > 0)
    .map((group) => or(...group.filters.map((filter) => condition(fields, filter)))!);
  const orderBy = [
    ...criteria.sortOrders.map((order) => (order.direction === "DESC" ? desc : asc)(fields[order.field].column)),
    ...tieBreak.map((column) => asc(column)),
  ];
  if (criteria.pageSize === undefined) return { where: and(...groups), orderBy };
  return {
    where: and(...groups),
    orderBy,
    limit: criteria.pageSize,
    offset: ((criteria.currentPage ?? 1) - 1) * criteria.pageSize,
  };
}
