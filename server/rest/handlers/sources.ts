import "server-only";
import { readSnapshot } from "@/db/connection";
import { getSource, listSources, listSourcesOfStock, saveSource, SOURCE_SEARCH_FIELDS, sourceNotFound, updateSource } from "@/db/queries/sources";
import { getStock, stockNotFound } from "@/db/queries/stocks";
import { sourcePatchSchema, sourceSchema, stockIdParam } from "@/lib/validation/msi";
import { parseOr400, requestBody } from "../body";
import { listAnswer, searchCriteriaOf } from "../list";
import { sourceData } from "../magento";
import type { RestRoute } from "../router";

const READ = "Magento_InventoryApi::source";
const EDIT = "Magento_InventoryApi::source_edit";

const createBody = requestBody({ source: sourceSchema });
const updateBody = requestBody({ source: sourcePatchSchema });

export const sourceRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "inventory/sources",
    resource: READ,
    async handler({ db, query }) {
      const criteria = searchCriteriaOf(query, SOURCE_SEARCH_FIELDS);
      const { items, total } = await listSources(db, criteria);
      return listAnswer(items.map(sourceData), criteria, total);
    },
  },
  {
    method: "GET",
    path: "inventory/sources/:sourceCode",
    resource: READ,
    async handler({ db, params }) {
      const source = await getSource(db, params.sourceCode);
      if (!source) throw sourceNotFound(params.sourceCode);
      return sourceData(source);
    },
  },
  {
    // Magento answers [] for a stock that does not exist; Stockroom says so (404), as for GET stocks/{id}.
    method: "GET",
    path: "inventory/get-sources-assigned-to-stock-ordered-by-priority/:stockId",
    resource: READ,
    handler: ({ db, params }) =>
      readSnapshot(db, async (snap) => {
        const stockId = parseOr400(stockIdParam, params.stockId, "stockId");
        if (!(await getStock(snap, stockId))) throw stockNotFound(stockId);
        return (await listSourcesOfStock(snap, stockId)).map(sourceData);
      }),
  },
  {
    // Magento's save: a new code creates the source, a known one is replaced.
    method: "POST",
    path: "inventory/sources",
    resource: EDIT,
    bodyPath: (field) => `source.${field}`,
    async handler({ db, json, admin }) {
      const { source } = parseOr400(createBody, await json());
      await saveSource(db, source, admin);
    },
  },
  {
    method: "PUT",
    path: "inventory/sources/:sourceCode",
    resource: EDIT,
    bodyPath: (field) => `source.${field}`,
    async handler({ db, json, params, admin }) {
      const { source } = parseOr400(updateBody, await json());
      await updateSource(db, params.sourceCode, source, admin);
    },
  },
];
