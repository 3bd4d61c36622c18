import "server-only";
import { getSource, listSources, saveSource, SOURCE_SEARCH_FIELDS, sourceNotFound, updateSource } from "@/db/queries/sources";
import { sourcePatchSchema, sourceSchema } from "@/lib/validation/msi";
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
