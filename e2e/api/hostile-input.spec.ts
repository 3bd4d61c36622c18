import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import type { RestClient } from "./rest-client";

/**
 * Hostile values in every query parameter of every page and every REST path parameter: an answer
 * may be a page, a redirect, a 400 or a 404, never a 500 or the crash page. The pages come from
 * the app/ folder and the REST calls from the route table's source, so a new page or call is
 * fuzzed too (a page whose query parameters this file does not list fails the first test).
 */

const ROOT = path.resolve(__dirname, "../..");

/** Values as they appear in a URL (already percent-encoded where they need to be). */
const HOSTILE: readonly (readonly [label: string, raw: string])[] = [
  ["a huge number", "1e300"],
  ["a number beyond 64 bits", "99999999999999999999"],
  ["NaN", "NaN"],
  ["Infinity", "Infinity"],
  ["a negative number", "-1"],
  ["zero", "0"],
  ["a fraction", "1.5"],
  ["10 kB of text", "x".repeat(10_240)],
  ["bad percent-encoding", "%E0%A4%A"],
  ["a lone percent sign", "%"],
  ["an encoded lone surrogate", "%ED%A0%80"],
  ["a NUL", "a%00b"],
  ["right-to-left text", encodeURIComponent("\u202Eمنتج\u202C")],
  ["emoji", encodeURIComponent("🛒😀👩🏽‍💻")],
  ["SQL", encodeURIComponent("1' OR '1'='1'; DROP TABLE products; --")],
  ["an encoded path", "..%2F..%2Fetc%2Fpasswd"],
  ["nothing", ""],
];

const only = (...labels: string[]) => HOSTILE.filter(([label]) => labels.includes(label));

/** A query value is read as a number or as text: fewer values cover it (the run stays well under a minute). */
const QUERY_HOSTILE = HOSTILE.filter(([label]) => !["Infinity", "a lone percent sign", "an encoded path"].includes(label));

/** Signed out, every page only redirects to sign-in (with the page as returnTo): a few values do. */
const SIGNED_OUT_HOSTILE = only("a huge number", "10 kB of text", "bad percent-encoding", "a NUL", "right-to-left text", "an encoded path");

interface PageSpec {
  /** A real value for each dynamic segment, used while the query is fuzzed. */
  segments?: Record<string, string>;
  /** Every query parameter the page reads. */
  query?: readonly string[];
}

const GRID = ["search", "sort", "dir", "page"] as const;
const PAGER = ["sort", "dir", "page", "limit"] as const;

/** Every page and route handler under app/ (REST's catch-all aside), as app/ spells its folders. */
const PAGES: Record<string, PageSpec> = {
  "/": {},
  "/admin": { query: ["returnTo"] },
  "/admin/dashboard": {},
  "/admin/catalog/product": {
    query: ["q", "salable_from", "salable_to", "salable", "type", "status", "ids", "sort", "dir", "limit", "page", "after", "before"],
  },
  "/admin/catalog/product/new": {},
  "/admin/catalog/product/edit/id/[id]": { segments: { id: "1" } },
  "/admin/catalog/product_action_attribute/edit": {
    query: ["selected", "excluded", "q", "salable_from", "salable_to", "salable", "type", "status", "ids"],
  },
  "/admin/catalog/product_action_attribute/save": {},
  "/admin/inventory/source": { query: GRID },
  "/admin/inventory/source/new": {},
  "/admin/inventory/source/edit/source_code/[code]": { segments: { code: "default" } },
  "/admin/inventory/stock": { query: GRID },
  "/admin/inventory/stock/new": {},
  "/admin/inventory/stock/edit/id/[id]": { segments: { id: "1" } },
  "/admin/reports/report_product/lowstock": { query: PAGER },
  "/admin/reports/report_product/exportLowstockCsv": {},
  "/admin/sales/order": { query: PAGER },
  "/admin/sales/order/view/order_id/[id]": { segments: { id: "1" } },
  "/admin/sales/order_creditmemo/new/order_id/[id]": { segments: { id: "1" } },
  "/admin/system_account": {},
  "/admin/system_store": { query: GRID },
  "/admin/system_store/newWebsite": {},
  "/admin/system_store/editWebsite/website_id/[id]": { segments: { id: "1" } },
  "/admin/system_store/newGroup": {},
  "/admin/system_store/editGroup/group_id/[id]": { segments: { id: "1" } },
  "/admin/system_store/newStore": {},
  "/admin/system_store/editStore/store_id/[id]": { segments: { id: "1" } },
  "/admin/notification": { query: ["show", "type", "page", "limit", "after", "before"] },
  "/admin/logging": { query: ["from", "to", "user", "where", "entity", "sku", "page", "limit", "after", "before"] },
  "/admin/import": {},
  // POST only: the upload's entity, behaviour and file name (a GET answers 405).
  "/admin/import/validate": { query: ["entity", "behavior", "name"] },
  "/admin/import/start": { query: ["entity", "behavior", "name"] },
  "/admin/export": {
    query: ["entity", "scope", "q", "salable_from", "salable_to", "salable", "type", "status", "ids"],
  },
  "/admin/export/file": {
    query: ["entity", "scope", "q", "salable_from", "salable_to", "salable", "type", "status", "ids"],
  },
  "/admin/user": {},
  "/admin/user/new": {},
  "/admin/user/edit/user_id/[id]": { segments: { id: "1" } },
  "/admin/user_role": {},
  "/admin/user_role/editrole": {},
  "/admin/user_role/editrole/rid/[id]": { segments: { id: "1" } },
  "/admin/webhooks": {},
  "/admin/webhooks/new": {},
  "/admin/webhooks/edit/id/[id]": { segments: { id: "1" }, query: ["after", "before"] },
  "/swagger": {},
  "/rss/catalog/notifystock": {},
  "/admin/system_config/edit/section/cataloginventory/[[...scope]]": { segments: { scope: "website/1" }, query: ["history_page"] },
  "/preview": { query: ["store", "p"] },
  "/preview/[sku]": { segments: { sku: "SR-CAP" }, query: ["store"] },
  "/health": {},
};

/** The URL of every page.tsx and route.ts under app/: route groups dropped, dynamic segments kept. */
function appRoutes(dir = path.join(ROOT, "app"), segments: string[] = []): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith("_") || (segments.length === 0 && entry.name === "rest")) continue;
      const next = /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name];
      found.push(...appRoutes(path.join(dir, entry.name), next));
    } else if (/^(page\.tsx|route\.ts)$/.test(entry.name)) {
      found.push(`/${segments.join("/")}`);
    }
  }
  return found;
}

/** The page's URL with each dynamic segment replaced (by its real value unless given). */
function pageUrl(pattern: string, spec: PageSpec, replace: Record<string, string> = {}): string {
  return pattern.replace(/\[\[?(?:\.\.\.)?(\w+)\]?\]/g, (_whole, name: string) => replace[name] ?? spec.segments?.[name] ?? "");
}

/** Every URL to try on a page: each query parameter with each value, repeated, and each dynamic segment. */
function pageCases(values: typeof HOSTILE, queryValues = values): string[] {
  const urls: string[] = [];
  for (const [pattern, spec] of Object.entries(PAGES)) {
    const base = pageUrl(pattern, spec);
    const query = spec.query ?? [];
    for (const name of query) {
      for (const [, raw] of queryValues) urls.push(`${base}?${name}=${raw}`);
      // Arrays: Next hands a repeated parameter over as string[].
      urls.push(`${base}?${name}=1&${name}=${values[0][1]}`);
    }
    // A parameter the page does not read, for pages that read none.
    if (query.length === 0) urls.push(`${base}?x=${values[0][1]}&x=1`);
    for (const name of Object.keys(spec.segments ?? {})) {
      for (const [, raw] of values) {
        urls.push(pageUrl(pattern, spec, { [name]: raw }));
        // A catch-all's second segment (website/{id}) too.
        if (pattern.includes(`[[...${name}]]`)) urls.push(pageUrl(pattern, spec, { [name]: `website/${raw}` }));
      }
    }
  }
  return urls;
}

/** Keyset cursors a hand-edited URL could carry, each of a type its sort's column cannot compare with. */
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const PRODUCT_GRID_CURSORS = [
  `sort=price&page=2&after=${cursor([0, "abc", 1])}`,
  `sort=status&page=2&after=${cursor([0, 1e300, 1])}`,
  `sort=status&page=2&before=${cursor([0, 0.5, 1])}`,
  `sort=name&page=2&after=${cursor([0, "a\u0000b", 1])}`,
  `sort=sku&page=2&after=${cursor([0, 7, 1])}`,
  `sort=id&page=2&after=${cursor([0, 1, 99999999999])}`,
  `sort=salable_qty&page=2&after=${cursor([1, "x", -99999999999])}`,
  `sort=qty&dir=desc&page=2&before=${cursor([0, -1e308, 2147483648])}`,
  `page=1e300&after=${cursor([0, 1, 1])}`,
].map((query) => `/admin/catalog/product?${query}`);

/** What our error boundaries and Next's own crash pages say. */
const CRASH_PAGE = /Something went wrong|Application error|Internal Server Error/;
/**
 * A page's scripts carry the messages its forms may need (a failed save's "Something went wrong
 * and this may not have been saved."): what a visitor sees is the markup around them.
 */
const SCRIPTS = /<script\b[^>]*>[\s\S]*?<\/script>/gi;

/** Requests a few at a time: bounded, and fast enough on two cores. */
async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<string | null>): Promise<string[]> {
  const failures: string[] = [];
  for (let i = 0; i < items.length; i += 4) {
    for (const failure of await Promise.all(items.slice(i, i + 4).map(work))) if (failure) failures.push(failure);
  }
  return failures;
}

const shown = (url: string) => (url.length > 160 ? `${url.slice(0, 160)}… (${url.length} characters)` : url);

/** null when the page answered without crashing, otherwise what went wrong. */
async function visit(request: APIRequestContext, url: string): Promise<string | null> {
  try {
    const response = await request.get(url, { failOnStatusCode: false, maxRedirects: 5 });
    if (response.status() >= 500) return `${response.status()} ${shown(url)}`;
    const type = response.headers()["content-type"] ?? "";
    if (type.includes("text/html") && CRASH_PAGE.test((await response.text()).replace(SCRIPTS, ""))) return `crash page (${response.status()}) ${shown(url)}`;
    return null;
  } catch (error) {
    return `no answer for ${shown(url)}: ${String(error).split("\n")[0]}`;
  }
}

test.describe.configure({ timeout: 60_000 });

test("every page under app/ is in this file's list, with the query parameters it reads", () => {
  expect(appRoutes().sort(), "add the new page (and its query parameters) to PAGES").toEqual(Object.keys(PAGES).sort());
});

test("every query parameter and path segment of every page, signed in: no 500, no crash page", async ({ adminPage }) => {
  const urls = [...pageCases(HOSTILE, QUERY_HOSTILE), ...PRODUCT_GRID_CURSORS];
  const failures = await inBatches(urls, (url) => visit(adminPage.request, url));
  expect(failures, `${failures.length} of ${urls.length} URLs`).toEqual([]);
});

test("the same signed out: every page sends the visit to sign-in, whatever its URL holds", async ({ request }) => {
  const urls = pageCases(SIGNED_OUT_HOSTILE);
  const failures = await inBatches(urls, (url) => visit(request, url));
  expect(failures, `${failures.length} of ${urls.length} URLs`).toEqual([]);
});

// ── REST ──

interface RestCall {
  method: string;
  /** Magento's notation, "inventory/sources/:sourceCode". */
  path: string;
}

/** The route table's calls, read from the handler modules server/rest/routes.ts spreads into it. */
function restCalls(): RestCall[] {
  const restDir = path.join(ROOT, "server/rest");
  const table = fs.readFileSync(path.join(restDir, "routes.ts"), "utf8");
  const modules = [...table.matchAll(/from "\.\/(handlers\/[\w-]+)"/g)].map((m) => m[1]);
  expect(modules.length, "server/rest/routes.ts imports its handlers from ./handlers/…").toBeGreaterThan(5);
  return modules.flatMap((module) => {
    const source = fs.readFileSync(path.join(restDir, `${module}.ts`), "utf8");
    const calls = [...source.matchAll(/method: "(GET|POST|PUT|DELETE)",\s*path: "([^"]+)"/g)].map((m) => ({ method: m[1], path: m[2] }));
    // Each route is written `method: "…", path: "…"`: one written otherwise would be missed here.
    expect(calls.length, `routes of ${module}`).toBe([...source.matchAll(/^\s*path: "/gm)].length);
    return calls;
  });
}

/** A real value for each path parameter, used while another of the call's parameters is fuzzed. */
const REST_SAMPLES: Record<string, string> = {
  sku: "SR-CAP",
  productSku: "SR-CAP",
  sourceCode: "default",
  stockId: "1",
  id: "1",
  orderId: "1",
  itemId: "1",
  requestedQty: "1",
  scope: "default",
  scopeId: "0",
  type: "website",
  code: "base",
};

/** null for a Magento-style answer (a result, or 400 / 404 with a message), otherwise what went wrong. */
async function callOnce(api: RestClient, method: string, url: string): Promise<string | null> {
  const answer = await api.call(method, url, method === "POST" || method === "PUT" ? {} : undefined);
  if (answer.status === 200) return null;
  if (![400, 404].includes(answer.status)) return `${answer.status} ${method} ${shown(url)}`;
  return typeof answer.body?.message === "string" ? null : `${answer.status} without a message: ${method} ${shown(url)}`;
}

test("every path parameter of every REST call, and the store code: Magento's 400 or 404, never a 500", async ({ api }) => {
  const cases: { method: string; url: string }[] = [];
  for (const call of restCalls()) {
    const names = [...call.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
    for (const name of names) {
      expect(REST_SAMPLES[name], `a sample value for :${name} (${call.method} ${call.path})`).toBeDefined();
      for (const [, raw] of HOSTILE) {
        const url = call.path.replace(/:(\w+)/g, (_whole, other: string) => (other === name ? raw : REST_SAMPLES[other]));
        cases.push({ method: call.method, url });
      }
    }
  }
  expect(cases.length, "calls with path parameters in the route table").toBeGreaterThan(100);
  const failures = await inBatches(cases, ({ method, url }) => callOnce(api, method, url));
  // /rest/{storeCode}/V1/…: an unknown or hostile store code is no route (404), never a crash.
  failures.push(...(await inBatches(HOSTILE, ([, raw]) => callOnce(api.forStore(raw), "GET", "inventory/sources"))));
  expect(failures, `${failures.length} of ${cases.length + HOSTILE.length} calls`).toEqual([]);
  // Nothing hostile reached a write: the demo catalog still answers as before.
  expect((await api.get("products/SR-CAP")).status).toBe(200);
});
