import "server-only";
import { revalidatePath } from "next/cache";
import type { Db } from "@/db/connection";
import { getDb } from "@/server/db";

import { Refusal } from "@/lib/refusal";
import { databaseTrouble } from "@/db/errors";
import { getStoreByCode } from "@/db/queries/stores";
import type { AdminUser } from "@/server/auth/guard";
import { bearerAdmin } from "@/server/auth/rest";
import { readJson } from "./body";
import { fromRefusal, NO_ROUTE, notAuthorized, RestError, storeBusy } from "./errors";

type Method = "GET" | "POST" | "PUT" | "DELETE";

export interface RestContext {
  request: Request;
  db: Db;
  /** URL parameters of the route (":sku" → params.sku), percent-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The token's admin; null only on the anonymous token call. */
  admin: AdminUser | null;
  /** `{storeCode}` of /rest/{storeCode}/V1/…, null under /rest/V1/…. */
  storeCode: string | null;
  /** The parsed JSON body; an empty body is `{}`. */
  json(): Promise<unknown>;
}

export interface RestRoute {
  method: Method;
  /** Under V1, Magento's notation: "inventory/sources/:sourceCode". */
  path: string;
  /** Magento's ACL resource named in the 401 answer; null = anonymous (the token call only). */
  resource: string | null;
  /** The body path of a field a write refused, where the write names it its own way ("0.sku" → "sourceItems.0.sku"). */
  bodyPath?: (field: string) => string;
  /** Answers JSON; undefined answers Magento's `[]` for void calls. */
  handler(ctx: RestContext): Promise<unknown>;
}

/** Magento accepts /rest/{storeCode}/V1 for any store view code, and "all". */
const ALL_STORES = "all";

interface Target {
  storeCode: string | null;
  segments: string[];
}

/** The V1 path segments and store code of a /rest/… URL, or null when it is not one. */
function target(pathname: string): Target | null {
  const raw = pathname.split("/").filter((s) => s !== "");
  if (raw[0] !== "rest") return null;
  let segments: string[];
  try {
    segments = raw.slice(1).map((s) => decodeURIComponent(s));
  } catch {
    throw new RestError(400, "The URL is not valid percent-encoding.");
  }
  // No SKU, code or id holds a NUL, and PostgreSQL refuses to compare text that does.
  if (segments.some((s) => s.includes("\0"))) throw new RestError(400, "The URL is not valid percent-encoding.");
  if (segments[0] === "V1") return { storeCode: null, segments: segments.slice(1) };
  if (segments[1] === "V1") return { storeCode: segments[0], segments: segments.slice(2) };
  return null;
}

function match(route: RestRoute, segments: string[]): Record<string, string> | null {
  const parts = route.path.split("/");
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].startsWith(":")) params[parts[i].slice(1)] = segments[i];
    else if (parts[i] !== segments[i]) return null;
  }
  return params;
}

/** Any error as Magento's JSON answer. Only a bug reaches the 500 branch, never an input. */
function errorResponse(error: unknown, route: RestRoute | null): Response {
  const rest = toRestError(error, route);
  const headers = rest.retryAfterSeconds === undefined ? undefined : { "Retry-After": String(rest.retryAfterSeconds) };
  return Response.json(rest.body(), { status: rest.status, headers });
}

function toRestError(error: unknown, route: RestRoute | null): RestError {
  if (error instanceof RestError) return error;
  if (error instanceof Refusal) return fromRefusal(error, route?.bodyPath);
  const trouble = databaseTrouble(error);
  // Two writers racing for the same new name or key: the loser is told to look again.
  if (trouble === "conflict") {
    return new RestError(400, "The request conflicts with data saved at the same time. Reload and try again.");
  }
  if (trouble === "busy") return storeBusy();
  console.error("REST call failed", error);
  return new RestError(500, "Internal Error. Details are available in the server log.");
}

/**
 * The one entry point of /rest/…: route (404 "Request does not match any route."), then the
 * bearer token (401 before anything is read or written), then the handler. Writes revalidate
 * every page, so the admin and the storefront show them at once.
 */
export async function handleRest(request: Request, method: string, routes: readonly RestRoute[]): Promise<Response> {
  let found: { route: RestRoute; params: Record<string, string> } | null = null;
  try {
    const url = new URL(request.url);
    const to = target(url.pathname);
    const db = await getDb();
    if (!to || (to.storeCode !== null && to.storeCode !== ALL_STORES && !(await getStoreByCode(db, to.storeCode)))) {
      throw new RestError(404, NO_ROUTE);
    }
    for (const route of routes) {
      const params = route.method === method ? match(route, to.segments) : null;
      if (params) {
        found = { route, params };
        break;
      }
    }
    if (!found) throw new RestError(404, NO_ROUTE);
    const { route, params } = found;
    const admin = route.resource === null ? null : await bearerAdmin(db, request);
    if (route.resource !== null && !admin) throw notAuthorized(route.resource);
    const result = await route.handler({
      request,
      db,
      params,
      query: url.searchParams,
      admin,
      storeCode: to.storeCode,
      json: () => readJson(request),
    });
    if (method !== "GET" && route.resource !== null) revalidatePath("/", "layout");
    return Response.json(result === undefined ? [] : result);
  } catch (error) {
    return errorResponse(error, found?.route ?? null);
  }
}
