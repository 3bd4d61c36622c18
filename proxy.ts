import { NextResponse, type NextRequest } from "next/server";

/**
 * Whether every path segment decodes, and neither it nor a query value holds a NUL: no SKU, code
 * or search does, and PostgreSQL refuses text that does before any rule could say no.
 */
function wellFormed(url: NextRequest["nextUrl"]): boolean {
  try {
    for (const segment of url.pathname.split("/")) if (decodeURIComponent(segment).includes("\0")) return false;
  } catch {
    return false;
  }
  for (const [key, value] of url.searchParams) if (key.includes("\0") || value.includes("\0")) return false;
  return true;
}

/**
 * Next answers a malformed percent-encoding in a dynamic route's URL with a bare 500 before
 * any route code runs; answer 400 instead (no input gives a 500): Magento's JSON for the REST
 * API, plain text for the admin's and the preview's pages and the RSS feed. It never redirects:
 * each route answers a signed-out request itself (the RSS feed with 401 and its Basic challenge).
 */
export function proxy(request: NextRequest) {
  if (wellFormed(request.nextUrl)) return NextResponse.next();
  if (request.nextUrl.pathname.startsWith("/rest/")) {
    return NextResponse.json({ message: "The URL is not valid percent-encoding.", parameters: {} }, { status: 400 });
  }
  return new NextResponse("Bad Request: the URL is not valid percent-encoding.", { status: 400 });
}

/**
 * The import uploads are left out (System > Data Transfer > Import, POST /V1/import/csv): Next
 * holds in memory, and cuts off at 10 MB, the body of every request its proxy sees, and their
 * bodies are files of up to 200 MB. Their URLs are fixed; the routes check their own input.
 */
export const config = {
  matcher: [
    "/rest",
    "/rest/((?!V1/import/csv|[^/]+/V1/import/csv).*)",
    "/admin",
    "/admin/((?!import/validate|import/start).*)",
    "/preview/:path*",
    "/rss/:path*",
  ],
};
