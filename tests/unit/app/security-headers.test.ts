import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";

async function headerRules() {
  if (!nextConfig.headers) throw new Error("next.config has no headers()");
  return nextConfig.headers();
}

/** The headers Next sends for a path: every rule whose source matches it, as Next matches them. */
async function headersFor(pathname: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rule of await headerRules()) {
    if (getPathMatch(rule.source)(pathname) !== false) for (const { key, value } of rule.headers) out[key] = value;
  }
  return out;
}

/** "script-src 'self' 'unsafe-inline'" → { "script-src": ["'self'", "'unsafe-inline'"] }. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
}

describe("security headers (next.config headers())", () => {
  it.each(["/", "/admin", "/admin/catalog/product/edit/id/1", "/preview/SR-CAP", "/rest/V1/products", "/_next/static/chunks/app.js"])(
    "%s gets every one of them",
    async (pathname) => {
      expect(await headersFor(pathname)).toMatchObject({
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Content-Security-Policy": expect.stringContaining("frame-ancestors 'none'"),
      });
    },
  );

  it("the Content-Security-Policy allows this origin only, with the inline scripts and styles the App Router and recharts need", async () => {
    const csp = directives((await headersFor("/admin"))["Content-Security-Policy"]);
    expect(csp).toMatchObject({
      "default-src": ["'self'"],
      "script-src": ["'self'", "'unsafe-inline'"],
      "style-src": ["'self'", "'unsafe-inline'"],
      "connect-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    });
    // No other host, no eval outside `next dev`.
    expect(Object.values(csp).flat().filter((v) => !v.startsWith("'") && !["data:", "blob:"].includes(v))).toEqual([]);
  });

  it("does not announce the framework (no X-Powered-By)", () => {
    expect(nextConfig.poweredByHeader).toBe(false);
  });
});
