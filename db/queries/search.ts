import { and, asc, Column, desc, eq, gt, gte, inArray, is, lt, lte, ne, or, sql, type SQL } from "drizzle-orm";
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

const MAX_INT4 = 2147483647;
/** A number PostgreSQL can bind against an integer column (SQLite compares any number with any). */
const fitsInteger = (value: FilterValue) => typeof value !== "number" || (Number.isInteger(value) && Math.abs(value) <= MAX_INT4);

function condition(fields: SearchFields, filter: SearchFilter): SQL {
  const field = fields[filter.field].column;
  // PostgreSQL refuses 1.5 or 1e10 as a parameter compared with an integer column (or a CASE
  // of integers); comparing as double precision means what SQLite does. Only then: it can cost
  // PostgreSQL the column's index.
  const column = filter.values.every(fitsInteger) ? operand(field) : sql`CAST(${field} AS double precision)`;
  const [value] = filter.values as [FilterValue];
  switch (filter.conditionType) {
    case "eq":
      return eq(column, value);
    case "neq":
      return ne(column, value);
    case "like":
      // Case-insensitive as on SQLite (PostgreSQL's LIKE is not); `%` and `_` are the client's
      // wildcards, a backslash is literal on both (PostgreSQL's LIKE would take it as an escape).
      return sql`lower(${column}) LIKE lower(${String(value).replace(/\\/g, "\\\\")}) ESCAPE '\\'`;
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
 * NULLs sort first ascending and last descending, as on SQLite (and Magento's MySQL); PostgreSQL
 * does the opposite unless told. Said only for nullable columns: PostgreSQL sorts by an index only
 * in its own NULL order.
 */
function sortBy(column: SQLiteColumn | SQL, direction: "ASC" | "DESC"): SQL {
  if (is(column, Column) && !column.notNull) {
    return direction === "DESC" ? sql`${column} desc nulls last` : sql`${column} asc nulls first`;
  }
  return (direction === "DESC" ? desc : asc)(column);
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
    ...criteria.sortOrders.map((order) => sortBy(fields[order.field].column, order.direction)),
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
