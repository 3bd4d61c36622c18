import { describe, expect, it } from "vitest";
import {
  collapsedGroupsCookieValue,
  collapsedGroupsFrom,
  configPageHref,
  fieldRowId,
  productGridHref,
  scopeFromSegments,
} from "@/app/admin/(shell)/system_config/edit/section/cataloginventory/_components/scope-route";

describe("configuration page URLs (spec screens-and-api)", () => {
  it.each<[string[] | undefined, ReturnType<typeof scopeFromSegments>]>([
    [undefined, { scope: "default", scopeId: 0 }],
    [[], { scope: "default", scopeId: 0 }],
    [["website", "1"], { scope: "websites", scopeId: 1 }],
    [["store", "12"], { scope: "stores", scopeId: 12 }],
    [["website"], null],
    [["website", "0"], null],
    [["website", "01"], null],
    [["website", "1.5"], null],
    [["store", "1", "x"], null],
    [["group", "1"], null],
  ])("%j → %j", (segments, scope) => {
    expect(scopeFromSegments(segments)).toEqual(scope);
  });

  it("builds the URLs back", () => {
    expect(configPageHref("default", 0)).toBe("/admin/system_config/edit/section/cataloginventory");
    expect(configPageHref("websites", 1)).toBe("/admin/system_config/edit/section/cataloginventory/website/1");
    expect(configPageHref("stores", 3)).toBe("/admin/system_config/edit/section/cataloginventory/store/3");
  });

  it("links the grid filtered by ids and a field's row like Magento", () => {
    expect(productGridHref([2, 7, 12])).toBe("/admin/catalog/product?ids=2,7,12");
    expect(fieldRowId("cataloginventory/item_options/min_qty")).toBe("row_cataloginventory_item_options_min_qty");
  });

  it.each<[string[], string[]]>([
    [[], []],
    [["item_options"], ["item_options"]],
    // Both collapsed: the bug was a "." join read back split on ",", so neither stayed collapsed.
    [["item_options", "options"], ["options", "item_options"]],
  ])("the collapsed-groups cookie written for %j reads back as %j", (written, read) => {
    // Next hands cookie values to the page decoded, as the browser stored them encoded.
    expect(collapsedGroupsFrom(decodeURIComponent(collapsedGroupsCookieValue(written)))).toEqual(read);
  });

  it("reads nothing from a missing cookie and drops ids that are not groups", () => {
    expect(collapsedGroupsFrom(undefined)).toEqual([]);
    expect(collapsedGroupsFrom("options,stock,,options.item_options")).toEqual(["options"]);
  });
});
