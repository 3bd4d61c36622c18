import "server-only";
import {
  deleteSourceItems,
  getSourceItemConfiguration,
  listSourceItems,
  saveSourceItemConfigurations,
  saveSourceItems,
  SOURCE_ITEM_SEARCH_FIELDS,
} from "@/db/queries/source-items";
import {
  sourceItemConfigurationListSchema,
  sourceItemKeyListSchema,
  sourceItemListSchema,
} from "@/lib/validation/msi";
import { requestBody } from "../body";
import { listAnswer, searchCriteriaOf, searchCriteriaQuery } from "../list";
import { sourceItemConfigurationData, sourceItemData } from "../magento";
import { searchResultsAnswer, sourceItemAnswer, sourceItemConfigurationAnswer, voidAnswer } from "../responses";
import { restRoute, type RestRoute } from "../router";

const READ = "Magento_InventoryApi::source";
const ASSIGN = "Magento_InventoryApi::stock_source_item_assign";
const NOTIFY_READ = "Magento_InventoryLowQuantityNotificationApi::low_quantity_notification";
const NOTIFY_EDIT = "Magento_InventoryLowQuantityNotificationApi::stock_create_low_quantity_notification";

const itemsBody = requestBody({ sourceItems: sourceItemListSchema });
const itemKeysBody = requestBody({ sourceItems: sourceItemKeyListSchema });
const configurationsBody = requestBody({ sourceItemConfigurations: sourceItemConfigurationListSchema });

export const sourceItemRoutes: RestRoute[] = [
  restRoute({
    method: "GET",
    path: "inventory/source-items",
    resource: READ,
    query: searchCriteriaQuery(SOURCE_ITEM_SEARCH_FIELDS),
    response: searchResultsAnswer(sourceItemAnswer),
    async handler({ db, query }) {
      const criteria = searchCriteriaOf(query, SOURCE_ITEM_SEARCH_FIELDS);
      const { items, total } = await listSourceItems(db, criteria);
      return listAnswer(items.map(sourceItemData), criteria, total);
    },
  }),
  restRoute({
    method: "POST",
    path: "inventory/source-items",
    resource: ASSIGN,
    body: itemsBody,
    response: voidAnswer,
    bodyPath: (field) => `sourceItems.${field}`,
    async handler({ db, body, admin }) {
      const { sourceItems } = await body();
      await saveSourceItems(db, sourceItems, admin);
    },
  }),
  restRoute({
    method: "POST",
    path: "inventory/source-items-delete",
    resource: ASSIGN,
    body: itemKeysBody,
    response: voidAnswer,
    bodyPath: (field) => `sourceItems.${field}`,
    async handler({ db, body, admin }) {
      const { sourceItems } = await body();
      await deleteSourceItems(db, sourceItems, admin);
    },
  }),
  restRoute({
    method: "GET",
    path: "inventory/low-quantity-notification/:sourceCode/:sku",
    resource: NOTIFY_READ,
    response: sourceItemConfigurationAnswer,
    async handler({ db, params }) {
      return sourceItemConfigurationData(await getSourceItemConfiguration(db, params.sourceCode, params.sku));
    },
  }),
  restRoute({
    method: "POST",
    path: "inventory/low-quantity-notification",
    resource: NOTIFY_EDIT,
    body: configurationsBody,
    response: voidAnswer,
    bodyPath: (field) => `sourceItemConfigurations.${field}`,
    async handler({ db, body, admin }) {
      const { sourceItemConfigurations } = await body();
      await saveSourceItemConfigurations(db, sourceItemConfigurations, admin);
    },
  }),
];
