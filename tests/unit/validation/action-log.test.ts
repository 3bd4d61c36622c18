import { describe, expect, it } from "vitest";
import { actionLogHref, dayAfter, parseActionLogQuery, parseAuditChanges } from "@/lib/validation/action-log";

describe("System > Action Log's URL", () => {
  it("reads every filter and writes the same URL back, defaults left out", () => {
    const query = parseActionLogQuery({
      from: "2024-03-01",
      to: "2024-03-31",
      user: " clerk ",
      where: "rest",
      entity: "product",
      sku: "SR-TEE-SEED",
      limit: "50",
      page: "2",
    });
    expect(query).toEqual({
      from: "2024-03-01",
      to: "2024-03-31",
      user: "clerk",
      source: "rest",
      entityType: "product",
      sku: "SR-TEE-SEED",
      page: 2,
      limit: 50,
      after: undefined,
      before: undefined,
    });
    expect(actionLogHref(query)).toBe(
      "/admin/logging?from=2024-03-01&to=2024-03-31&user=clerk&where=rest&entity=product&sku=SR-TEE-SEED&limit=50&page=2",
    );
    expect(actionLogHref(parseActionLogQuery({}))).toBe("/admin/logging");
  });

  it.each<[string, Record<string, string>]>([
    ["a day that does not exist", { from: "2024-02-30" }],
    ["a time instead of a day", { to: "2024-03-01T10:00" }],
    ["an unknown where", { where: "ftp" }],
    ["an entity type that is not one", { entity: "Product'; --" }],
    ["a control character", { user: "ad\u0000min", sku: "SR\u0007" }],
    ["an empty box", { sku: "  " }],
    ["a page size the grid does not offer", { limit: "1000" }],
  ])("ignores %s rather than failing the page", (_case, params) => {
    expect(actionLogHref(parseActionLogQuery(params))).toBe("/admin/logging");
  });

  it("a day's end is the next day's start, across months and leap days", () => {
    expect(dayAfter("2024-02-28")).toBe("2024-02-29T00:00:00.000Z");
    expect(dayAfter("2024-12-31")).toBe("2025-01-01T00:00:00.000Z");
  });
});

describe("an entry's recorded changes", () => {
  it("reads the list writeAudit stores, and nothing else", () => {
    const changes = [{ field: "backorders", label: "Backorders", old: null, new: 0 }];
    expect(parseAuditChanges(JSON.stringify(changes))).toEqual(changes);
    expect(parseAuditChanges(null)).toBeNull();
    expect(parseAuditChanges("{not json")).toBeNull();
    expect(parseAuditChanges(JSON.stringify([{ field: "x", old: 1, new: 2 }]))).toBeNull();
  });
});
