/** The sign-in page's query parameter that names the page to go back to after signing in. */
export const RETURN_PARAM = "returnTo";

const MAX_LENGTH = 2048;
// Browsers drop tabs and newlines before parsing a URL ("/\t/evil.example" is "//evil.example")
// and read "\" as "/" ("/\evil.example" is another host).
const UNSAFE = /[\\\s\u0000-\u001f\u007f]/;
const BASE = "http://stockroom.invalid";

/**
 * `raw` when it is a path of this site to go back to after sign-in, otherwise undefined: a
 * relative path that starts with "/" but not "//", never an absolute URL (an open redirect).
 */
export function safeReturnPath(raw: unknown): string | undefined {
  if (typeof raw !== "string" || raw.length > MAX_LENGTH) return undefined;
  if (!raw.startsWith("/") || raw.startsWith("//") || UNSAFE.test(raw)) return undefined;
  // Belt and braces: whatever a URL parser makes of it must stay on this origin.
  return new URL(raw, BASE).origin === BASE ? raw : undefined;
}

/** The sign-in page, asked to send the browser back to `returnTo` afterwards when that is safe. */
export function signInPath(returnTo?: string): string {
  const safe = safeReturnPath(returnTo);
  return safe ? `/admin?${new URLSearchParams({ [RETURN_PARAM]: safe })}` : "/admin";
}

/** A page's path with its query string again, from the search params Next hands a page. */
export function pathWithQuery(path: string, query: Record<string, string | string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const one of [value ?? []].flat()) params.append(name, one);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
