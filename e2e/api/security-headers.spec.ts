import { test, expect } from "./fixtures";

/*
 * Issue 12: the production server sends the security headers on every kind of response: a page
 * (the sign-in page), a REST answer, and an answer without a session. The unit test pins the
 * policy itself; this proves the build sends it.
 */
test.describe("security headers on the production server's responses", () => {
  for (const path of ["/admin", "/rest/V1/inventory/sources", "/health"]) {
    test(`GET ${path}`, async ({ request }) => {
      const answer = await request.get(path, { maxRedirects: 0, failOnStatusCode: false });
      const headers = answer.headers();
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"]).toContain("default-src 'self'");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["x-powered-by"]).toBeUndefined();
    });
  }
});
