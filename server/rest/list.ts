import "server-only";
import { searchFieldTypes, type SearchFields } from "@/db/queries/search";
import { echoSearchCriteria, parseSearchCriteria, type SearchCriteria } from "@/lib/validation/search-criteria";
import { RestError } from "./errors";

/** The query string's searchCriteria for a list searchable by `fields`, or a 400. */
export function searchCriteriaOf(query: URLSearchParams, fields: SearchFields): SearchCriteria {
  const parsed = parseSearchCriteria(query, searchFieldTypes(fields));
  if (!parsed.ok) throw new RestError(400, parsed.error.message, parsed.error.parameters);
  return parsed.criteria;
}

/** Magento's SearchResults answer. */
export function listAnswer<T>(items: T[], criteria: SearchCriteria, total: number) {
  return { items, search_criteria: echoSearchCriteria(criteria), total_count: total };
}
