import { compileErrors, validate } from "@readme/openapi-parser";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Db } from "@/db/connection";
import { openApiDocument, type HttpMethod } from "@/server/rest/openapi";
import { REST_ROUTES } from "@/server/rest/routes";
import { handleRest } from "@/server/rest/router";
import { tempDb } from "../db/temp-db";

let db: Db;
vi.mock("@/server/db", () => ({ getDb: async () => db }));

const document = openApiDocument(REST_ROUTES);

const operationOf = (method: string, path: string) =>
  document.paths[`/V1/${path.replace(/:(\w+)/g, "{$1}")}`]?.[method.toLowerCase() as HttpMethod];

/** The answer's schema as the document must show it: the route's own, through zod's converter. */
function outputSchema(schema: z.ZodType) {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: "output" });
  return json;
}

describe("the OpenAPI document generated from the route table", () => {
  it("is a valid OpenAPI 3.1 document (the official schema, unique operation ids, path parameters declared)", async () => {
    expect(document.openapi).toBe("3.1.0");
    // validate() resolves $refs in place: it gets a copy.
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });

  it("is built once: the same object every time", () => {
    expect(openApiDocument(REST_ROUTES)).toBe(document);
  });

  it("has exactly the router's calls", () => {
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented).toHaveLength(REST_ROUTES.length);
  });

  describe.each(REST_ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))("%s", (_name, route) => {
    const operation = operationOf(route.method, route.path)!;

    it("is in it, with its group and ACL resource, and a token unless anonymous", () => {
      expect(operation).toBeDefined();
      expect(operation.tags).toEqual([route.tag]);
      expect(operation["x-acl-resource"]).toBe(route.resource);
      expect(operation.security).toEqual(route.resource === null ? [] : [{ adminToken: [] }]);
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "404"]));
    });

    it("names each path parameter", () => {
      const names = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => name);
      expect(operation.parameters.filter((p) => p.in === "path").map((p) => p.name)).toEqual(names);
    });

    it("shows the request body the route parses, when it takes one", () => {
      if (!route.body) {
        expect(operation.requestBody).toBeUndefined();
        return;
      }
      const schema = operation.requestBody!.content["application/json"].schema;
      expect(Object.keys(schema.properties ?? {}).sort()).toEqual(Object.keys((route.body as z.ZodObject).shape).sort());
      // Unknown fields are refused.
      expect(schema.additionalProperties).toBe(false);
    });

    it("shows the answer the route declares", () => {
      const ok = operation.responses[200];
      expect("content" in ok && ok.content["application/json"].schema).toEqual(outputSchema(route.response));
    });
  });

  it("lists searchCriteria as a deepObject query parameter of every list, and lowStock's own parameters", () => {
    for (const path of ["inventory/sources", "inventory/stocks", "inventory/stock-source-links", "inventory/source-items", "products"]) {
      const [criteria] = operationOf("GET", path)!.parameters;
      expect(criteria).toMatchObject({ name: "searchCriteria", in: "query", required: false, style: "deepObject" });
    }
    const lowStock = operationOf("GET", "stockItems/lowStock")!.parameters.map((p) => [p.name, p.required]);
    expect(lowStock).toEqual([["scopeId", true], ["qty", true], ["currentPage", false], ["pageSize", false]]);
  });

  it("shows a number the product form also takes as text as such, without the empty value it reads as left out", () => {
    const body = operationOf("PUT", "products/:productSku/stockItems/:itemId")!.requestBody!.content["application/json"].schema;
    const stockItem = body.properties!.stockItem as z.core.JSONSchema.BaseSchema;
    expect(stockItem.properties!.min_qty).toEqual({ type: ["number", "string", "null"] });
  });
});

describe("GET /rest/schema and /rest/{storeCode}/schema", () => {
  beforeEach(async () => {
    db = await tempDb();
  });

  const get = (path: string, method = "GET") => handleRest(new Request(`http://127.0.0.1${path}`, { method }), method, REST_ROUTES);

  it.each(["/rest/schema", "/rest/default/schema?services=all", "/rest/all/schema", "/rest/default/schema?services=inventoryApiSourceRepositoryV1"])(
    "%s answers the whole document without a token",
    async (path) => {
      const answer = await get(path);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual(JSON.parse(JSON.stringify(document)));
    },
  );

  it.each([
    ["an unknown store code", "/rest/nowhere/schema", "GET"],
    ["a POST", "/rest/schema", "POST"],
    ["a path under it", "/rest/default/schema/V1", "GET"],
  ])("%s is the 404 of any unknown route", async (_name, path, method) => {
    const answer = await get(path, method);
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual({ message: "Request does not match any route.", parameters: {} });
  });
});
