import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";

const answer = (url: string) => proxy(new NextRequest(`http://127.0.0.1${url}`));

describe("proxy: a URL no route could read is a 400 before Next or a page sees it", () => {
  it.each([
    ["bad percent-encoding in an admin path", "/admin/inventory/source/edit/source_code/%E0%A4%A"],
    ["an encoded lone surrogate in a preview path", "/preview/%ED%A0%80"],
    ["a NUL in a path", "/preview/SR%00CAP"],
    ["a NUL in a query value", "/admin/catalog/product?q=a%00b"],
    ["a NUL in a query name", "/preview?a%00=1"],
    ["bad percent-encoding in an RSS path", "/rss/catalog/%E0%A4%A"],
  ])("%s", async (_name, url) => {
    const response = answer(url);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
  });

  it("answers the REST API in Magento's shape", async () => {
    const response = answer("/rest/V1/products/%E0%A4%A");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: "The URL is not valid percent-encoding.", parameters: {} });
  });

  it.each(["/preview/SR-CAP?store=default", "/rss/catalog/notifystock", "/preview?p=1e300", `/preview/${encodeURIComponent("🛒 مرحبا")}`, "/admin/catalog/product?q=%25%27"])(
    "lets %s through",
    (url) => {
      expect(answer(url).headers.get("x-middleware-next")).toBe("1");
    },
  );

  it.each([
    "/rest/V1/products/SR-CAP",
    "/rest/default/V1/stockItems/SR-CAP",
    "/rest",
    "/admin",
    "/admin/catalog/product",
    "/admin/import",
    "/admin/export/file",
    "/preview/SR-CAP",
    "/rss/catalog/notifystock",
  ])("runs for %s", (url) => {
    expect(unstable_doesMiddlewareMatch({ config, url })).toBe(true);
  });

  // Next holds in memory, and cuts off at 10 MB, the body of every request its proxy sees: the import uploads pass by it.
  it.each(["/admin/import/validate?entity=stock_sources", "/admin/import/start", "/rest/V1/import/csv", "/rest/default/V1/import/csv", "/", "/health"])(
    "does not run for %s",
    (url) => {
      expect(unstable_doesMiddlewareMatch({ config, url })).toBe(false);
    },
  );
});
