import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { Db } from "@/db/connection";
import { getDb } from "@/server/db";

import { isAllowed, type AclResource } from "@/lib/auth/acl";
import { Refusal } from "@/lib/refusal";
import { databaseTrouble } from "@/db/errors";
import { getStoreByCode } from "@/db/queries/stores";
import type { AdminUser } from "@/server/auth/guard";
import { bearerAdmin } from "@/server/auth/rest";
import { parseOr400, readJson } from "./body";
import { fromRefusal, NO_ROUTE, notAuthorized, RestError, storeBusy } from "./errors";
import { openApiDocument } from "./openapi";

type Method = "GET" | "POST" | "PUT" | "DELETE";

export interface RestContext<Body = unknown> {
  request: Request;
  db: Db;
  /** URL parameters of the route (":sku" → params.sku), percent-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The token's admin; null only on the anonymous token call. */
  admin: AdminUser | null;
  /** `{storeCode}` of /rest/{storeCode}/V1/…, null under /rest/V1/…. */
  storeCode: string | null;
  /** The JSON body (an empty body is `{}`) parsed with the route's `body` schema, or the 400 naming every problem. */
  body(): Promise<Body>;
}

/** What a handler answers: its route's `response`, or nothing for a void call (`[]`). */
type Answer<R extends z.ZodType> = z.output<R> extends readonly never[] ? void : z.output<R>;

/** One call, described by its schemas: `body()` parses with its body schema, and the API reference (openapi.ts) shows them all. */
export interface RestRoute<B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  method: Method;
  /** Under V1, Magento's notation: "inventory/sources/:sourceCode". */
  path: string;
  /** Magento's ACL resource the token's role must grant, named in the 401 answer; null = anonymous (the token call only). */
  resource: AclResource | null;
  /** The API reference's group of the call (routes.ts names one per handler file). */
  tag?: string;
  /** The request body of a call that takes one. */
  body?: B;
  /** The query parameters the handler reads, for the API reference. */
  query?: z.ZodObject;
  /** Magento's answer (200). */
  response: R;
  /** The body path of a field a write refused, where the write names it its own way ("0.sku" → "sourceItems.0.sku"). */
  bodyPath?: (field: string) => string;
  handler(ctx: RestContext<z.output<B>>): Promise<Answer<R>>;
}

/** A route whose handler is typed by its own schemas: `body()` gives what `body` parses to, and it answers `response`. */
export function restRoute<B extends z.ZodType = z.ZodNever, R extends z.ZodType = z.ZodType>(route: RestRoute<B, R>): RestRoute {
  return route;
}

/** Magento accepts /rest/{storeCode}/V1 for any store view code, and "all". */
const STORE_NOT_FOUND = "The store that was requested wasn't found. Verify the store and try again.";
const ALL_STORES = "all";

/** What a /rest/… URL asks for, under a store code or none: a V1 call (its path segments after V1), or the API schema. */
type Target = { storeCode: string | null } & ({ schema: true } | { schema: false; segments: string[] });

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
  const named = segments.length > 0 && segments[0] !== "V1" && segments[0] !== "schema";
  const storeCode = named ? segments[0] : null;
  const rest = named ? segments.slice(1) : segments;
  if (rest[0] === "V1") return { storeCode, schema: false, segments: rest.slice(1) };
  return rest.length === 1 && rest[0] === "schema" ? { storeCode, schema: true } : null;
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
 * The one entry point of /rest/…: the API schema, or route (404 "Request does not match any route."), then the
 * bearer token and its role's grant of the route's resource (401 before anything is read or written), then the handler. Writes revalidate
 * every page, so the admin and the storefront show them at once.
 */
export async function handleRest(request: Request, method: string, routes: readonly RestRoute[]): Promise<Response> {
  let found: { route: RestRoute; params: Record<string, string> } | null = null;
  try {
    const url = new URL(request.url);
    const to = target(url.pathname);
    const db = await getDb();
    if (!to) throw new RestError(404, NO_ROUTE);
    if (to.storeCode !== null && to.storeCode !== ALL_STORES) {
      const store = await getStoreByCode(db, to.storeCode);
      if (!store) throw new RestError(404, NO_ROUTE);
      // A disabled store view has no storefront, and no API prefix either.
      if (!store.isActive) throw new RestError(404, STORE_NOT_FOUND);
    }
    // Magento answers the schema anonymously (it holds no data), whole for ?services=all; Stockroom whatever `services` says.
    if (to.schema) {
      if (method !== "GET") throw new RestError(404, NO_ROUTE);
      return Response.json(openApiDocument(routes));
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
    // Magento answers a token whose role lacks the resource as it answers no token at all.
    if (route.resource !== null && !(admin && isAllowed(admin.acl, route.resource))) throw notAuthorized(route.resource);
    const result = await route.handler({
      request,
      db,
      params,
      query: url.searchParams,
      admin,
      storeCode: to.storeCode,
      body: async () => {
        const json = await readJson(request);
        return route.body ? parseOr400(route.body, json) : json;
      },
    });
    if (method !== "GET" && route.resource !== null) revalidatePath("/", "layout");
    return Response.json(result === undefined ? [] : result);
  } catch (error) {
    return errorResponse(error, found?.route ?? null);
  }
}
