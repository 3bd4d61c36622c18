import "server-only";
import { bulkAssignSources, bulkTransferInventory, bulkUnassignSources } from "@/db/queries/source-items";
import { bulkSourceAssignFields, bulkTransferFields, withDistinctSources } from "@/lib/validation/msi";
import { parseOr400, requestBody } from "../body";
import type { RestRoute } from "../router";

/** Magento guards its bulk source calls (InventoryCatalogApi) with the catalog's resource. */
const RESOURCE = "Magento_Catalog::products";

const assignBody = requestBody(bulkSourceAssignFields);
const transferBody = withDistinctSources(requestBody(bulkTransferFields));

export const bulkSourceRoutes: RestRoute[] = [
  {
    // Answers the number of new assignments, as Magento does.
    method: "POST",
    path: "inventory/bulk-product-source-assign",
    resource: RESOURCE,
    async handler({ db, json, admin }) {
      return bulkAssignSources(db, parseOr400(assignBody, await json()), admin);
    },
  },
  {
    // Answers the number of source items removed.
    method: "POST",
    path: "inventory/bulk-product-source-unassign",
    resource: RESOURCE,
    async handler({ db, json, admin }) {
      return bulkUnassignSources(db, parseOr400(assignBody, await json()), admin);
    },
  },
  {
    method: "POST",
    path: "inventory/bulk-product-source-transfer",
    resource: RESOURCE,
    async handler({ db, json, admin }) {
      await bulkTransferInventory(db, parseOr400(transferBody, await json()), admin);
      return true;
    },
  },
];
