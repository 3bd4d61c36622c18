import "server-only";
import { transaction, type Conn } from "@/db/connection";
import { getScopeConfig, getScopeTarget, saveConfigValues } from "@/db/queries/config";
import type { Scope } from "@/lib/inventory";
import { configScopeIdParam, configScopeSchema, configValuesField, configValuesSchema } from "@/lib/validation/config";
import { parseOr400, requestBody } from "../body";
import { RestError } from "../errors";
import { scopeConfigData } from "../magento";
import { scopeConfigAnswer } from "../responses";
import { restRoute, type RestRoute } from "../router";

/** Magento's ACL resource of Stores > Configuration > Catalog > Inventory. */
const RESOURCE = "Magento_CatalogInventory::cataloginventory";

const SCOPE_NOT_FOUND = 'Scope "%scope" with id "%scopeId" does not exist.';

// Each value is checked by configValuesSchema, which needs the scope (and says when `values` is missing).
const putBody = requestBody({ values: configValuesField.optional() });

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
  restRoute({
    // Stockroom's own (Magento has no REST call for configuration).
    method: "GET",
    path: "stockroom/config/:scope/:scopeId",
    resource: RESOURCE,
    response: scopeConfigAnswer,
    handler: async ({ db, params }) => answer(db, await scopeOf(db, params)),
  }),
  restRoute({
    // The configuration page's Save Config: its schema and messages (configValuesSchema), then
    // saveConfigValues (Minimum Qty above Maximum Qty refused, inventory-rules §8, the index, a history row
    // naming the token's admin), and the answer read in the same transaction.
    method: "PUT",
    path: "stockroom/config/:scope/:scopeId",
    resource: RESOURCE,
    body: putBody,
    response: scopeConfigAnswer,
    // Each refused value is named `values.<path>`, as the body names it.
    bodyPath: (field) => `values.${field}`,
    async handler({ db, body, params, admin }) {
      const at = await scopeOf(db, params);
      const { values } = await body();
      const save = parseOr400(configValuesSchema, { ...at, values });
      return transaction(db, async (tx) => {
        await saveConfigValues(tx, { ...save, actor: admin });
        return answer(tx, at);
      });
    },
  }),
];
