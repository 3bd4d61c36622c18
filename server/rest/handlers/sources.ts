import "server-only";
import { z } from "zod";
import { readSnapshot } from "@/db/connection";
import { getSource, listSources, listSourcesOfStock, saveSource, SOURCE_SEARCH_FIELDS, sourceNotFound, updateSource } from "@/db/queries/sources";
import { getStock, stockNotFound } from "@/db/queries/stocks";
import { sourcePatchSchema, sourceSchema, stockIdParam } from "@/lib/validation/msi";
import { parseOr400, requestBody } from "../body";
import { listAnswer, searchCriteriaOf, searchCriteriaQuery } from "../list";
import { sourceData } from "../magento";
import { searchResultsAnswer, sourceAnswer, voidAnswer } from "../responses";
import { restRoute, type RestRoute } from "../router";

const READ = "Magento_InventoryApi::source";
const EDIT = "Magento_InventoryApi::source_edit";

const createBody = requestBody({ source: sourceSchema });
const updateBody = requestBody({ source: sourcePatchSchema });

export const sourceRoutes: RestRoute[] = [
  restRoute({
    method: "GET",
    path: "inventory/sources",
    resource: READ,
    query: searchCriteriaQuery(SOURCE_SEARCH_FIELDS),
    response: searchResultsAnswer(sourceAnswer),
    async handler({ db, query }) {
      const criteria = searchCriteriaOf(query, SOURCE_SEARCH_FIELDS);
      const { items, total } = await listSources(db, criteria);
      return listAnswer(items.map(sourceData), criteria, total);
    },
  }),
  restRoute({
    method: "GET",
    path: "inventory/sources/:sourceCode",
    resource: READ,
    response: sourceAnswer,
    async handler({ db, params }) {
      const source = await getSource(db, params.sourceCode);
      if (!source) throw sourceNotFound(params.sourceCode);
      return sourceData(source);
    },
  }),
  restRoute({
    // Magento answers [] for a stock that does not exist; Stockroom says so (404), as for GET stocks/{id}.
    method: "GET",
    path: "inventory/get-sources-assigned-to-stock-ordered-by-priority/:stockId",
    resource: READ,
    response: z.array(sourceAnswer),
    handler: ({ db, params }) =>
      readSnapshot(db, async (snap) => {
        const stockId = parseOr400(stockIdParam, params.stockId, "stockId");
        if (!(await getStock(snap, stockId))) throw stockNotFound(stockId);
        return (await listSourcesOfStock(snap, stockId)).map(sourceData);
      }),
  }),
  restRoute({
    // Magento's save: a new code creates the source, a known one is replaced.
    method: "POST",
    path: "inventory/sources",
    resource: EDIT,
    body: createBody,
    response: voidAnswer,
    bodyPath: (field) => `source.${field}`,
    async handler({ db, body, admin }) {
      const { source } = await body();
      await saveSource(db, source, admin);
    },
  }),
  restRoute({
    method: "PUT",
    path: "inventory/sources/:sourceCode",
    resource: EDIT,
    body: updateBody,
    response: voidAnswer,
    bodyPath: (field) => `source.${field}`,
    async handler({ db, body, params, admin }) {
      const { source } = await body();
      await updateSource(db, params.sourceCode, source, admin);
    },
  }),
];
