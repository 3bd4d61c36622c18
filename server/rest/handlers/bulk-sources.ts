import "server-only";
import { bulkAssignSources, bulkTransferInventory, bulkUnassignSources } from "@/db/queries/source-items";
import { bulkSourceAssignFields, bulkTransferFields, withDistinctSources } from "@/lib/validation/msi";
import { requestBody } from "../body";
import { doneAnswer, idAnswer } from "../responses";
import { restRoute, type RestRoute } from "../router";

/** Magento guards its bulk source calls (InventoryCatalogApi) with the catalog's resource. */
const RESOURCE = "Magento_Catalog::products";

const assignBody = requestBody(bulkSourceAssignFields);
const transferBody = withDistinctSources(requestBody(bulkTransferFields));

export const bulkSourceRoutes: RestRoute[] = [
  restRoute({
    // Answers the number of new assignments, as Magento does.
    method: "POST",
    path: "inventory/bulk-product-source-assign",
    resource: RESOURCE,
    body: assignBody,
    response: idAnswer,
    async handler({ db, body, admin }) {
      return bulkAssignSources(db, await body(), admin);
    },
  }),
  restRoute({
    // Answers the number of source items removed.
    method: "POST",
    path: "inventory/bulk-product-source-unassign",
    resource: RESOURCE,
    body: assignBody,
    response: idAnswer,
    async handler({ db, body, admin }) {
      return bulkUnassignSources(db, await body(), admin);
    },
  }),
  restRoute({
    method: "POST",
    path: "inventory/bulk-product-source-transfer",
    resource: RESOURCE,
    body: transferBody,
    response: doneAnswer,
    async handler({ db, body, admin }) {
      await bulkTransferInventory(db, await body(), admin);
      return true;
    },
  }),
];
