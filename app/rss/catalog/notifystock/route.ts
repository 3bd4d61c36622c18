import type { NextRequest } from "next/server";
import { getDb } from "@/server/db";
import { notifyStockFeed } from "@/server/rss";

// Read per request, for the reader it authenticates: never a cached answer.
export const dynamic = "force-dynamic";

/**
 * Magento's Notify Low Stock RSS feed (Reports > Low Stock's RSS link): HTTP Basic authentication
 * of an admin, or a signed-in admin's browser. Not under /admin, whose pages redirect to sign-in:
 * an RSS reader gets 401 with the Basic challenge instead.
 */
export async function GET(request: NextRequest): Promise<Response> {
  return notifyStockFeed(await getDb(), request);
}
