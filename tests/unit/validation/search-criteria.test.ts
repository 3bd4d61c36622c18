import { describe, expect, it } from "vitest";
import {
  echoSearchCriteria,
  MAX_FILTERS,
  parseSearchCriteria,
  type SearchFieldType,
} from "@/lib/validation/search-criteria";

const FIELDS: Record<string, SearchFieldType> = { sku: "text", quantity: "number", enabled: "boolean" };

const parse = (query: string) => parseSearchCriteria(new URLSearchParams(query), FIELDS);

function criteria(query: string) {
  const result = parse(query);
  if (!result.ok) throw new Error(`expected criteria, got ${JSON.stringify(result.error)}`);
  return result.criteria;
}

const f = (g: number, i: number, key: string, value: string) =>
  `searchCriteria[filter_groups][${g}][filters][${i}][${key}]=${encodeURIComponent(value)}`;

describe("searchCriteria parsing (Magento's query-string notation)", () => {
  it("no searchCriteria, or Magento's bare `searchCriteria=`, means every row in the default order", () => {
    for (const query of ["", "searchCriteria=", "other=1"]) {
      expect(criteria(query)).toEqual({ filterGroups: [], sortOrders: [], pageSize: undefined, currentPage: undefined });
    }
  });

  it("reads groups and filters in index order, whatever order the keys come in, typed by field", () => {
    const c = criteria(
      [
        f(1, 0, "field", "quantity"), f(1, 0, "value", "5"), f(1, 0, "condition_type", "gteq"),
        f(0, 1, "field", "sku"), f(0, 1, "value", "SR-CAP"),
        f(0, 0, "field", "enabled"), f(0, 0, "value", "1"),
      ].join("&"),
    );
    expect(c.filterGroups).toEqual([
      {
        filters: [
          { field: "enabled", conditionType: "eq", values: [true], raw: "1" },
          { field: "sku", conditionType: "eq", values: ["SR-CAP"], raw: "SR-CAP" },
        ],
      },
      { filters: [{ field: "quantity", conditionType: "gteq", values: [5], raw: "5" }] },
    ]);
  });

  it("`in` takes a comma-separated list; condition types are case-insensitive", () => {
    const c = criteria([f(0, 0, "field", "quantity"), f(0, 0, "value", "1, 2,3"), f(0, 0, "condition_type", "IN")].join("&"));
    expect(c.filterGroups[0].filters[0]).toMatchObject({ conditionType: "in", values: [1, 2, 3] });
  });

  it("accepts camelCase keys as Magento does (filterGroups, conditionType, sortOrders, pageSize, currentPage)", () => {
    const c = criteria(
      "searchCriteria[filterGroups][0][filters][0][field]=sku&searchCriteria[filterGroups][0][filters][0][value]=A%25" +
        "&searchCriteria[filterGroups][0][filters][0][conditionType]=like" +
        "&searchCriteria[sortOrders][0][field]=quantity&searchCriteria[sortOrders][0][direction]=desc" +
        "&searchCriteria[pageSize]=20&searchCriteria[currentPage]=3",
    );
    expect(c).toEqual({
      filterGroups: [{ filters: [{ field: "sku", conditionType: "like", values: ["A%"], raw: "A%" }] }],
      sortOrders: [{ field: "quantity", direction: "DESC" }],
      pageSize: 20,
      currentPage: 3,
    });
  });

  it("a sort order without a direction is ascending", () => {
    expect(criteria("searchCriteria[sort_orders][0][field]=sku").sortOrders).toEqual([{ field: "sku", direction: "ASC" }]);
  });

  it.each([
    ["an unknown field", [f(0, 0, "field", "price"), f(0, 0, "value", "1")].join("&"), { field: "price", fields: "sku, quantity, enabled" }],
    ["an unsupported condition type", [f(0, 0, "field", "sku"), f(0, 0, "value", "x"), f(0, 0, "condition_type", "regexp")].join("&"), { type: "regexp" }],
    ["a text value for a number field", [f(0, 0, "field", "quantity"), f(0, 0, "value", "ten")].join("&"), { field: "quantity", value: "ten" }],
    ["an empty value for a number field", [f(0, 0, "field", "quantity"), f(0, 0, "value", "")].join("&"), { field: "quantity", value: "" }],
    ["a yes/no field given 2", [f(0, 0, "field", "enabled"), f(0, 0, "value", "2")].join("&"), { field: "enabled", value: "2" }],
    ["like on a number field", [f(0, 0, "field", "quantity"), f(0, 0, "value", "1%"), f(0, 0, "condition_type", "like")].join("&"), { field: "quantity" }],
    ["a filter without a field", f(0, 0, "value", "x"), { name: "searchCriteria[filter_groups][0][filters][0][field]" }],
    ["a filter without a value", f(0, 0, "field", "sku"), { name: "searchCriteria[filter_groups][0][filters][0][value]" }],
    ["a group without filters", "searchCriteria[filter_groups][0][x]=1", { name: "searchCriteria[filter_groups][0][x]" }],
    ["a non-numeric index", "searchCriteria[filter_groups][a][filters][0][field]=sku", { name: "searchCriteria[filter_groups][a]" }],
    ["an unknown top-level key", "searchCriteria[limit]=5", { name: "searchCriteria[limit]" }],
    ["a key that is not bracket notation", "searchCriteria.pageSize=5", { name: "searchCriteria.pageSize" }],
    ["a value and sub-keys under one key", "searchCriteria[pageSize][0]=1&searchCriteria[pageSize]=1", { name: "searchCriteria[pageSize]" }],
    ["a bare searchCriteria with a value", "searchCriteria=all", { name: "searchCriteria" }],
    ["page size 0", "searchCriteria[pageSize]=0", { value: "0" }],
    ["a fractional current page", "searchCriteria[currentPage]=1.5", { value: "1.5" }],
    ["a page size beyond 32-bit", "searchCriteria[pageSize]=2147483648", { value: "2147483648" }],
    ["a sort direction other than ASC/DESC", "searchCriteria[sortOrders][0][field]=sku&searchCriteria[sortOrders][0][direction]=up", { direction: "up" }],
    ["sorting by an unknown field", "searchCriteria[sortOrders][0][field]=price", { field: "price" }],
  ])("refuses %s with a message naming it", (_case, query, parameters) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message.length).toBeGreaterThan(10);
    expect(result.error.parameters).toMatchObject(parameters);
  });

  it(`refuses more than ${MAX_FILTERS} filters in one search`, () => {
    const query = Array.from({ length: MAX_FILTERS + 1 }, (_, i) => `${f(0, i, "field", "sku")}&${f(0, i, "value", "x")}`).join("&");
    expect(parse(query).ok).toBe(false);
  });

  it("echoes the criteria the way Magento's search_criteria does", () => {
    const c = criteria([f(0, 0, "field", "quantity"), f(0, 0, "value", "5"), f(0, 0, "condition_type", "gt")].join("&") + "&searchCriteria[pageSize]=2");
    expect(echoSearchCriteria(c)).toEqual({
      filter_groups: [{ filters: [{ field: "quantity", value: "5", condition_type: "gt" }] }],
      page_size: 2,
    });
  });
});
