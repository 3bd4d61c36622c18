import { describe, expect, it } from "vitest";
import { pathWithQuery, safeReturnPath, signInPath } from "@/lib/auth/return-path";
import { signInFormSchema } from "@/lib/validation/auth";

describe("safeReturnPath: sign-in goes back only to a path of this site (no open redirect)", () => {
  it.each([
    ["the preview's product page", "/preview/SR-TEE-SEED"],
    ["with its query string", "/preview/SR-TEE-SEED?store=default&p=2"],
    ["percent-encoded, kept as asked", "/preview/SR%20TEE?store=fr%2Fbe"],
    ["an admin page", "/admin/catalog/product/edit/id/1"],
    ["the site's root", "/"],
    ["a fragment", "/preview#reviews"],
  ])("keeps %s", (_, path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it.each([
    ["an absolute URL", "https://evil.example/preview"],
    ["a protocol-relative URL", "//evil.example/preview"],
    ["a backslash a browser reads as a slash", "/\\evil.example"],
    ["a backslash anywhere", "/preview\\..\\x"],
    ["a tab a browser drops before parsing", "/\t/evil.example"],
    ["a newline", "/\n/evil.example"],
    ["a space", "/preview/ x"],
    ["a NUL", "/preview\u0000"],
    ["a script URL", "javascript:alert(1)"],
    ["a relative path without the leading slash", "preview/SR-CAP"],
    ["an empty string", ""],
    ["more than 2048 characters", `/${"a".repeat(2048)}`],
    ["no value", undefined],
    ["a list of values (a repeated query parameter)", ["/preview", "/admin"]],
    ["a number", 42],
  ])("refuses %s", (_, raw) => {
    expect(safeReturnPath(raw)).toBeUndefined();
  });
});

describe("signInPath", () => {
  it("names the page to go back to in the query string", () => {
    expect(signInPath("/preview/SR-CAP?store=default")).toBe("/admin?returnTo=%2Fpreview%2FSR-CAP%3Fstore%3Ddefault");
  });

  it.each([undefined, "//evil.example", "https://evil.example/"])("is the plain sign-in page for %s", (returnTo) => {
    expect(signInPath(returnTo)).toBe("/admin");
  });
});

describe("pathWithQuery: a page's own URL from the params Next hands it", () => {
  it.each([
    ["no query", {}, "/preview"],
    ["one parameter", { store: "default" }, "/preview?store=default"],
    ["a repeated parameter, in order", { store: ["a", "b"], p: "2" }, "/preview?store=a&store=b&p=2"],
    ["characters that need encoding", { q: "a b&c" }, "/preview?q=a+b%26c"],
    ["an absent value", { store: undefined }, "/preview"],
  ])("%s", (_, query, expected) => {
    expect(pathWithQuery("/preview", query)).toBe(expected);
  });
});

describe("the sign-in form's returnTo (parsed again by the server action)", () => {
  const credentials = { username: "admin", password: "secret1" };

  it("passes a path of this site through", () => {
    expect(signInFormSchema.parse({ ...credentials, returnTo: "/preview/SR-CAP" }).returnTo).toBe("/preview/SR-CAP");
  });

  it.each(["//evil.example", "https://evil.example/", 7, undefined])("turns %s into undefined without refusing the sign-in", (returnTo) => {
    const parsed = signInFormSchema.safeParse({ ...credentials, returnTo });
    expect(parsed.success).toBe(true);
    expect(parsed.success && parsed.data.returnTo).toBeUndefined();
  });

  it("signs in when the form sends no returnTo at all (the sign-in page opened directly)", () => {
    const parsed = signInFormSchema.safeParse(credentials);
    expect(parsed.success).toBe(true);
    expect(parsed.success && parsed.data.returnTo).toBeUndefined();
  });
});
