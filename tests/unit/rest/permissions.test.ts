import { is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/connection";
import { saveAdminRole } from "@/db/queries/admin-roles";
import { createAdminUser } from "@/db/queries/auth";
import * as schema from "@/db/schema";
import { descendantsOf, isAllowed, withAncestors, type AclResource, type RoleAcl } from "@/lib/auth/acl";
import { API_TOKEN_TTL_MS } from "@/lib/auth/tokens";
import { issueSecret } from "@/server/auth/sign-in";
import { REST_ROUTES } from "@/server/rest/routes";
import { tempDb } from "../db/temp-db";
import { rendered, signedIn, type RestClient } from "./rest-client";

let db: Db;
vi.mock("@/server/db", () => ({ getDb: async () => db }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

/** A resource as the role tree ticks it: with everything below it. */
const ticked = (...ids: AclResource[]) => ids.flatMap((id) => [id, ...descendantsOf(id)]);

/** The issue's roles: the built-in one, and two custom ones as an administrator ticks them in the tree. */
const ROLES: [name: string, acl: RoleAcl | "Administrators"][] = [
  ["Administrators", "Administrators"],
  ["Warehouse", { allResources: false, resources: ticked("Magento_InventoryApi::source", "Magento_InventoryApi::stock", "Magento_Catalog::products") }],
  ["Sales", { allResources: false, resources: ticked("Magento_Sales::sales") }],
];

/** A value for every URL parameter a route names: real ids of the demo catalog, where there are any. */
const PARAMS: Record<string, string> = {
  sourceCode: "default",
  stockId: "1",
  sku: "SR-TEE-SEED",
  productSku: "SR-TEE-SEED",
  itemId: "1",
  id: "1",
  orderId: "1",
  scope: "default",
  scopeId: "0",
  type: "website",
  code: "base",
  requestedQty: "1",
};

const pathOf = (template: string) => template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(PARAMS[name] ?? "x"));

/** Every row of every table: a refused call must leave all of it as it was. */
async function everything(): Promise<Record<string, unknown[]>> {
  const tables = Object.entries(schema).filter(([, value]) => is(value, SQLiteTable)) as [string, SQLiteTable][];
  const out: Record<string, unknown[]> = {};
  for (const [name, table] of tables) out[name] = await db.select().from(table);
  return out;
}

type Call = (method: string, path: string, body?: unknown) => ReturnType<RestClient["call"]>;

/** Calls with a token of a user with the role, on this test's database (the built-in role: the first admin's); a write sends `{}` unless told. */
async function tokenFor(name: string, acl: RoleAcl | "Administrators", api: RestClient): Promise<Call> {
  const bodyOf = (method: string, body: unknown) => body ?? (method === "GET" ? undefined : {});
  if (acl === "Administrators") return (method, path, body) => api.call(method, path, bodyOf(method, body));
  const actor = { id: 1, username: "admin" };
  const roleId = await saveAdminRole(db, null, { roleName: name, allResources: false, resources: withAncestors(acl.resources) }, actor);
  const { id } = await createAdminUser(db, name.toLowerCase(), "not-a-real-hash", roleId);
  const { secret } = await issueSecret(db, id, "api", API_TOKEN_TTL_MS);
  return (method, path, body) => api.call(method, path, bodyOf(method, body), secret);
}

beforeEach(async () => {
  db = await tempDb();
});

describe("every REST route × role: the route's resource or Magento's 401 naming it, and nothing written", () => {
  it.each(ROLES)("%s", async (name, acl) => {
    const api = await signedIn(db);
    const call = await tokenFor(name, acl, api);
    const granted: RoleAcl = acl === "Administrators" ? { allResources: true, resources: [] } : { allResources: false, resources: withAncestors(acl.resources) };
    for (const route of REST_ROUTES.filter((r) => r.resource !== null)) {
      const before = isAllowed(granted, route.resource!) ? null : await everything();
      const answer = await call(route.method, pathOf(route.path));
      const label = `${route.method} ${route.path}`;
      if (before === null) {
        expect(answer.status, label).not.toBe(401);
        continue;
      }
      expect({ label, status: answer.status, body: answer.body }).toEqual({
        label,
        status: 401,
        body: { message: "The consumer isn't authorized to access %resources.", parameters: { resources: route.resource } },
      });
      expect(rendered(answer)).toBe(`The consumer isn't authorized to access ${route.resource}.`);
      expect(await everything(), label).toEqual(before);
    }
  }, 60_000);

  it("Warehouse: refused the configuration, while its source item save is stored (the issue's story)", async () => {
    const api = await signedIn(db);
    const call = await tokenFor("Warehouse", ROLES[1][1], api);
    const config = async () => (await api.get("stockroom/config/default/0")).body;
    const before = await config();
    expect((await call("PUT", "stockroom/config/default/0", { values: { "cataloginventory/item_options/backorders": "0" } })).status).toBe(401);
    expect(await config()).toEqual(before);
    const items = { sourceItems: [{ sku: "SR-CAP", source_code: "default", quantity: 7, status: 1 }] };
    expect((await call("POST", "inventory/source-items", items)).status).toBe(200);
    expect((await api.get("stockItems/SR-CAP")).body.qty).toBe(7);
  });
});
