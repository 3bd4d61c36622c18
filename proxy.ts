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
 * any route code runs; the REST API answers it as Magento's 400 instead (no input gives a 500).
 */
export function proxy(request: NextRequest) {
  if (decodable(request.nextUrl.pathname)) return NextResponse.next();
  return NextResponse.json({ message: "The URL is not valid percent-encoding.", parameters: {} }, { status: 400 });
}

export const config = { matcher: "/rest/:path*" };
