import "server-only";
import { z } from "zod";
import { searchFieldTypes, type SearchFields } from "@/db/queries/search";
import { MAX_INT4 } from "@/lib/validation/fields";
import { CONDITION_TYPES, echoSearchCriteria, parseSearchCriteria, type SearchCriteria } from "@/lib/validation/search-criteria";
import { RestError } from "./errors";

/** The query string's searchCriteria for a list searchable by `fields`, or a 400. */
export function searchCriteriaOf(query: URLSearchParams, fields: SearchFields): SearchCriteria {
  const parsed = parseSearchCriteria(query, searchFieldTypes(fields));
  if (!parsed.ok) throw new RestError(400, parsed.error.message, parsed.error.parameters);
  return parsed.criteria;
}

/**
 * What searchCriteriaOf reads, for the API reference: the parser itself walks the bracket
 * notation (lib/validation/search-criteria.ts), which no zod schema parses.
 */
export function searchCriteriaQuery(fields: SearchFields) {
  const field = z.enum(Object.keys(fields));
  const page = z.int().min(1).max(MAX_INT4).optional();
  return z.object({
    searchCriteria: z
      .object({
        filter_groups: z
          .array(z.object({ filters: z.array(z.object({ field, value: z.string(), condition_type: z.enum(CONDITION_TYPES).default("eq") })) }))
          .optional(),
        sort_orders: z.array(z.object({ field, direction: z.enum(["ASC", "DESC"]).default("ASC") })).optional(),
        page_size: page,
        current_page: page,
      })
      .optional()
      .describe(
        "Magento's searchCriteria in bracket notation (searchCriteria[filter_groups][0][filters][0][field]=…; camelCase keys too). " +
          "Filters in a group are OR-ed, groups AND-ed; `in` takes comma-separated values. Left out: every row.",
      ),
  });
}

/** Magento's SearchResults answer. */
export function listAnswer<T>(items: T[], criteria: SearchCriteria, total: number) {
  return { items, search_criteria: echoSearchCriteria(criteria), total_count: total };
}
