import { z } from "zod";
import type { Tx } from "@/db/client";
import { getScopeConfig, getScopeTarget, saveConfigValues, type SaveConfigResult } from "@/db/queries/config";
import type { Scope } from "@/lib/inventory";
import { configScopeIdParam, configScopeSchema, configValuesSchema } from "@/lib/validation/config";
import { parseOr400, requestBody } from "../body";
import { fieldsError, RestError } from "../errors";
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
function scopeOf(db: Tx, params: Record<string, string>): At {
  const scope = configScopeSchema.safeParse(params.scope);
  if (!scope.success) throw scopeNotFound(params.scope, params.scopeId);
  const scopeId = parseOr400(configScopeIdParam, params.scopeId, "scopeId");
  if (!getScopeTarget(db, scope.data, scopeId)) throw scopeNotFound(scope.data, scopeId);
  return { scope: scope.data, scopeId };
}

function answer(db: Tx, at: At) {
  const config = getScopeConfig(db, at.scope, at.scopeId);
  if (!config) throw scopeNotFound(at.scope, at.scopeId);
  return scopeConfigData(config);
}

/** A save saveConfigValues refused, each problem named `values.<path>` as the body names it. */
function refused(result: Extract<SaveConfigResult, { ok: false }>, at: At): RestError {
  if (result.reason === "scope") return scopeNotFound(at.scope, at.scopeId);
  const [first, ...rest] = Object.entries(result.fieldErrors).map(([path, message]) => ({ path: `values.${path}`, message }));
  // "invalid" names its fields; a "conflict" needs `expected` values, which REST does not send.
  return first ? fieldsError([first, ...rest]) : new RestError(400, result.message!);
}

export const configRoutes: RestRoute[] = [
  {
    // Stockroom's own (Magento has no REST call for configuration).
    method: "GET",
    path: "stockroom/config/:scope/:scopeId",
    resource: RESOURCE,
    handler: ({ db, params }) => answer(db, scopeOf(db, params)),
  },
  {
    // The configuration page's Save Config: its schema and messages (configValuesSchema), then
    // saveConfigValues (Minimum Qty above Maximum Qty refused, spec §8, the index, a history row
    // naming the token's admin), and the answer read in the same transaction.
    method: "PUT",
    path: "stockroom/config/:scope/:scopeId",
    resource: RESOURCE,
    async handler({ db, json, params, admin }) {
      const at = scopeOf(db, params);
      const { values } = parseOr400(putBody, await json());
      const save = parseOr400(configValuesSchema, { ...at, values });
      return db.transaction(
        (tx) => {
          const result = saveConfigValues(tx, { ...save, actor: admin });
          if (!result.ok) throw refused(result, at);
          return answer(tx, at);
        },
        { behavior: "immediate" },
      );
    },
  },
];
