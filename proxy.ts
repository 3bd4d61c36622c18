import { NextResponse, type NextRequest } from "next/server";

function decodable(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * Next answers a malformed percent-encoding in a dynamic route's URL with a bare 500 before
 * any route code runs; answer 400 instead (no input gives a 500): Magento's JSON for the REST
 * API, plain text for the admin's dynamic pages.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (decodable(pathname)) return NextResponse.next();
  if (pathname.startsWith("/rest/")) {
    return NextResponse.json({ message: "The URL is not valid percent-encoding.", parameters: {} }, { status: 400 });
  }
  return new NextResponse("Bad Request: the URL is not valid percent-encoding.", { status: 400 });
}

export const config = { matcher: ["/rest/:path*", "/admin/:path*"] };
