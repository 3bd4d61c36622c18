import "server-only";
import { z } from "zod";
import packageJson from "@/package.json";
import { errorBodySchema } from "./errors";
import type { RestRoute } from "./router";

/**
 * The OpenAPI 3.1 document of the REST API, generated from the route table: each route's path,
 * ACL resource and zod schemas (the body it parses, the query it reads, the answer it gives),
 * so the reference cannot drift from what the router does. Served at /rest/schema and
 * /rest/{storeCode}/schema (router.ts), and shown at /swagger.
 */

type JsonSchema = z.core.JSONSchema.BaseSchema;

export interface OpenApiParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
  style?: "deepObject";
  explode?: boolean;
}

interface JsonContent {
  content: { "application/json": { schema: JsonSchema } };
}

type ResponseRef = { $ref: string };

export interface OpenApiOperation {
  operationId: string;
  tags: string[];
  description: string;
  "x-acl-resource": string | null;
  security: Record<string, string[]>[];
  parameters: OpenApiParameter[];
  requestBody?: JsonContent & { required: true };
  responses: Record<string, (JsonContent & { description: string }) | ResponseRef>;
}

export type HttpMethod = "get" | "post" | "put" | "delete";

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string; variables?: Record<string, { default: string; description: string }> }[];
  tags: { name: string }[];
  paths: Record<string, Partial<Record<HttpMethod, OpenApiOperation>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, { description: string; content: { "application/json": { schema: ResponseRef } } }>;
    securitySchemes: Record<string, { type: "http"; scheme: "bearer"; description: string }>;
  };
}

const TOKEN = "adminToken";

/** `z.undefined()` in a union (a form's empty number) means "left out", which `required` already says. */
function withoutUndefined({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }): void {
  const def = zodSchema._zod.def;
  if (def.type !== "union" || !jsonSchema.anyOf) return;
  jsonSchema.anyOf = jsonSchema.anyOf.filter((_, i) => def.options[i]._zod.def.type !== "undefined");
}

/**
 * A zod schema as a Schema Object (JSON Schema 2020-12, OpenAPI 3.1's dialect): a body as a
 * client may send it (`input`: before defaults and transforms), an answer as Stockroom sends it.
 */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  // "any": only z.undefined() is unrepresentable here, and withoutUndefined drops it.
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: "any", override: withoutUndefined });
  return json;
}

const json = (schema: JsonSchema): JsonContent => ({ content: { "application/json": { schema } } });

/** "inventory/sources/:sourceCode" → "/V1/inventory/sources/{sourceCode}". */
const openApiPath = (path: string) => `/V1/${path.replace(/:(\w+)/g, "{$1}")}`;

/** "PUT products/:sku/stockItems/:itemId" → "putProductsBySkuStockItemsByItemId". */
function operationId(route: RestRoute): string {
  const words = route.path.split("/").flatMap((segment) => (segment.startsWith(":") ? ["by", segment.slice(1)] : segment.split(/[-_]/)));
  return route.method.toLowerCase() + words.map((word) => word[0].toUpperCase() + word.slice(1)).join("");
}

function parameters(route: RestRoute): OpenApiParameter[] {
  const inPath = [...route.path.matchAll(/:(\w+)/g)].map(
    ([, name]): OpenApiParameter => ({ name, in: "path", required: true, schema: { type: "string" } }),
  );
  if (!route.query) return inPath;
  const query = jsonSchema(route.query, "input");
  const inQuery = Object.entries(query.properties ?? {}).map(([name, property]): OpenApiParameter => {
    const { description, ...schema } = property as JsonSchema;
    return {
      name,
      in: "query",
      required: query.required?.includes(name) ?? false,
      ...(description ? { description } : {}),
      schema,
      ...(schema.type === "object" ? { style: "deepObject", explode: true } : {}),
    };
  });
  return [...inPath, ...inQuery];
}

const errorRef = (name: string): ResponseRef => ({ $ref: `#/components/responses/${name}` });

function operation(route: RestRoute): OpenApiOperation {
  const resource = route.resource;
  return {
    operationId: operationId(route),
    tags: route.tag ? [route.tag] : [],
    description: resource === null ? "Anonymous: no token." : `ACL resource: ${resource} (named in a 401 answer).`,
    "x-acl-resource": resource,
    security: resource === null ? [] : [{ [TOKEN]: [] }],
    parameters: parameters(route),
    ...(route.body ? { requestBody: { required: true, ...json(jsonSchema(route.body, "input")) } } : {}),
    responses: {
      200: { description: "Magento's answer.", ...json(jsonSchema(route.response, "output")) },
      400: errorRef("BadRequest"),
      401: errorRef("Unauthorized"),
      404: errorRef("NotFound"),
      ...(route.body ? { 413: errorRef("TooLarge") } : {}),
      // The one anonymous call is the token call, which the sign-in throttle guards.
      ...(resource === null ? { 429: errorRef("Throttled") } : {}),
      503: errorRef("Busy"),
    },
  };
}

const ERROR_ANSWERS = {
  BadRequest: "400: malformed JSON, a field or parameter refused, or a rule refused the write; nothing was stored.",
  Unauthorized: "401: no token, or an unknown or expired one (the message names the ACL resource); wrong credentials on the token call.",
  NotFound: "404: the entity the URL names does not exist, or no route matches.",
  TooLarge: "413: a body over 5 MB.",
  Throttled: "429: too many failed sign-ins from the client's address; try again after Retry-After seconds.",
  Busy: "503: the database could not take the call now; nothing was stored, send it again after Retry-After seconds.",
};

function build(routes: readonly RestRoute[]): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const route of routes) {
    const method = route.method.toLowerCase() as HttpMethod;
    (paths[openApiPath(route.path)] ??= {})[method] = operation(route);
  }
  const error = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };
  return {
    openapi: "3.1.0",
    info: {
      title: "Stockroom REST API",
      version: packageJson.version,
      description:
        "A Magento-compatible subset of Magento Open Source 2.4's REST API (Multi-Source Inventory). " +
        "Numbers may be sent as numeric strings and yes/no fields as 1/0; unknown fields are refused. See docs/api.md.",
    },
    servers: [
      { url: "/rest", description: "The default store view." },
      {
        url: "/rest/{storeCode}",
        description: "A store view, or all of them.",
        variables: { storeCode: { default: "default", description: "A store view code, or `all`." } },
      },
    ],
    tags: [...new Set(routes.flatMap((route) => (route.tag ? [route.tag] : [])))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: jsonSchema(errorBodySchema, "output") },
      responses: Object.fromEntries(Object.entries(ERROR_ANSWERS).map(([name, description]) => [name, { description, content: error }])),
      securitySchemes: {
        [TOKEN]: { type: "http", scheme: "bearer", description: "The token POST /V1/integration/admin/token answers; it lasts 4 hours." },
      },
    },
  };
}

// The route table never changes at run time: one document per table.
const documents = new WeakMap<readonly RestRoute[], OpenApiDocument>();

export function openApiDocument(routes: readonly RestRoute[]): OpenApiDocument {
  let document = documents.get(routes);
  if (!document) documents.set(routes, (document = build(routes)));
  return document;
}
