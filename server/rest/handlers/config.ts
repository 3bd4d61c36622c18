import "server-only";
import { z } from "zod";
import { transaction, type Conn } from "@/db/connection";
import { getScopeConfig, getScopeTarget, saveConfigValues } from "@/db/queries/config";
import type { Scope } from "@/lib/inventory";
import { configScopeIdParam, configScopeSchema, configValuesSchema } from "@/lib/validation/config";
import { parseOr400, requestBody } from "../body";
import { RestError } from "../errors";
import { scopeConfigData } from "../magento";
import type { RestRoute } from "../router";

/** Magento's ACL resource of Stores > Configuration > Catalog > Inventory. */
const RESOURCE = "Magento_CatalogInventory::cataloginventory";

const SCOPE_NOT_FOUND = 'Scope "%scope" with id "%scopeId" does not exist.';

// `values` is checked by configValuesSchema, which needs the scope (and says when it is
// missing): here only the body's keys.
const putBody = requestBody({ values: z.unknown().optional() });

interface At {
  scope: Scope;
  scopeId: number;
}

const scopeNotFound = (scope: string, scopeId: string | number) =>
  new RestError(404, SCOPE_NOT_FOUND, { scope, scopeId: String(scopeId) });

/**
 * The URL's scope, which must exist: an unknown scope name, website or store view is a 404, a
 * scope id that is not a whole number a 400 (as a stock id is).
 */
async function scopeOf(db: Conn, params: Record<string, string>): Promise<At> {
  const scope = configScopeSchema.safeParse(params.scope);
  if (!scope.success) throw scopeNotFound(params.scope, params.scopeId);
  const scopeId = parseOr400(configScopeIdParam, params.scopeId, "scopeId");
  if (!(await getScopeTarget(db, scope.data, scopeId))) throw scopeNotFound(scope.data, scopeId);
  return { scope: scope.data, scopeId };
}

async function answer(db: Conn, at: At) {
  const config = await getScopeConfig(db, at.scope, at.scopeId);
  if (!config) throw scopeNotFound(at.scope, at.scopeId);
  return scopeConfigData(config);
}

export const configRoutes: RestRoute[] = [
  {
    // Stockroom's own (Magento has no REST call for configuration).
    method: "GET",
    path: "stockroom/config/:scope/:scopeId",
    resource: RESOURCE,
    handler: async ({ db, params }) => answer(db, await scopeOf(db, params)),
  },
  {
    // The configuration page's Save Config: its schema and messages (configValuesSchema), then
    // saveConfigValues (Minimum Qty above Maximum Qty refused, inventory-rules §8, the index, a history row
    // naming the token's admin), and the answer read in the same transaction.
    method: "PUT",
    path: "stockroom/config/:scope/:scopeId",
    resource: RESOURCE,
    // Each refused value is named `values.<path>`, as the body names it.
    bodyPath: (field) => `values.${field}`,
    async handler({ db, json, params, admin }) {
      const at = await scopeOf(db, params);
      const { values } = parseOr400(putBody, await json());
      const save = parseOr400(configValuesSchema, { ...at, values });
      return transaction(db, async (tx) => {
        await saveConfigValues(tx, { ...save, actor: admin });
        return answer(tx, at);
      });
    },
  },
];
