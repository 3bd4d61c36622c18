import { describe, expect, it } from "vitest";
import { pageParam, parseGridParams } from "@/lib/validation/grid";
import { parseGridParams as parseProductGridParams } from "@/lib/validation/product-grid";

// A grid's or the storefront's page number is the URL's: whatever it holds, a page from 1 to
// 1,000,000 (beyond, offsets would overflow the engines' integers; `/preview?p=1e300` was a 500).
describe("pageParam", () => {
  it.each([
    ["1e300", 1],
    ["99999999999999999999", 1],
    ["NaN", 1],
    ["Infinity", 1],
    ["-1", 1],
    ["0", 1],
    ["1.5", 1],
    ["", 1],
    ["x".repeat(10_240), 1],
    ["\u202E٣", 1],
    [undefined, 1],
    ["1000001", 1],
    ["1000000", 1_000_000],
    [" 7 ", 7],
    ["3", 3],
  ])("%j → page %i", (text, page) => {
    expect(pageParam.parse(text)).toBe(page);
  });
});

describe("grid URL parameters fall back to their defaults", () => {
  const hostile = { sort: "1' OR '1'='1", dir: "sideways", page: "1e300", limit: "99999999999999999999" };

  it("the orders and low-stock grids", () => {
    expect(parseGridParams(hostile, ["created_at", "status"], { sort: "created_at", dir: "desc" })).toEqual({
      sort: "created_at",
      dir: "desc",
      page: 1,
      limit: 20,
    });
    expect(parseGridParams({ page: ["2", "1e300"], limit: ["50", "x"] }, ["quantity"], { sort: "quantity", dir: "asc" })).toMatchObject({ page: 2, limit: 50 });
  });

  it("Catalog > Products", () => {
    expect(parseProductGridParams({ ...hostile, q: "x".repeat(10_240), after: "x".repeat(300) })).toMatchObject({
      sort: "id",
      dir: "asc",
      page: 1,
      limit: 20,
      q: undefined,
      after: undefined,
    });
  });
});
