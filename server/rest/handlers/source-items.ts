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
import { parseOr400, requestBody } from "../body";
import { listAnswer, searchCriteriaOf } from "../list";
import { sourceItemConfigurationData, sourceItemData } from "../magento";
import type { RestRoute } from "../router";

const READ = "Magento_InventoryApi::source";
const ASSIGN = "Magento_InventoryApi::source_item_assign";
const NOTIFY_READ = "Magento_InventoryLowQuantityNotificationApi::low_quantity_notification";
const NOTIFY_EDIT = "Magento_InventoryLowQuantityNotificationApi::stock_create_low_quantity_notification";

const itemsBody = requestBody({ sourceItems: sourceItemListSchema });
const itemKeysBody = requestBody({ sourceItems: sourceItemKeyListSchema });
const configurationsBody = requestBody({ sourceItemConfigurations: sourceItemConfigurationListSchema });

export const sourceItemRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "inventory/source-items",
    resource: READ,
    async handler({ db, query }) {
      const criteria = searchCriteriaOf(query, SOURCE_ITEM_SEARCH_FIELDS);
      const { items, total } = await listSourceItems(db, criteria);
      return listAnswer(items.map(sourceItemData), criteria, total);
    },
  },
  {
    method: "POST",
    path: "inventory/source-items",
    resource: ASSIGN,
    bodyPath: (field) => `sourceItems.${field}`,
    async handler({ db, json, admin }) {
      const { sourceItems } = parseOr400(itemsBody, await json());
      await saveSourceItems(db, sourceItems, admin);
    },
  },
  {
    method: "POST",
    path: "inventory/source-items-delete",
    resource: ASSIGN,
    bodyPath: (field) => `sourceItems.${field}`,
    async handler({ db, json, admin }) {
      const { sourceItems } = parseOr400(itemKeysBody, await json());
      await deleteSourceItems(db, sourceItems, admin);
    },
  },
  {
    method: "GET",
    path: "inventory/low-quantity-notification/:sourceCode/:sku",
    resource: NOTIFY_READ,
    async handler({ db, params }) {
      return sourceItemConfigurationData(await getSourceItemConfiguration(db, params.sourceCode, params.sku));
    },
  },
  {
    method: "POST",
    path: "inventory/low-quantity-notification",
    resource: NOTIFY_EDIT,
    bodyPath: (field) => `sourceItemConfigurations.${field}`,
    async handler({ db, json, admin }) {
      const { sourceItemConfigurations } = parseOr400(configurationsBody, await json());
      await saveSourceItemConfigurations(db, sourceItemConfigurations, admin);
    },
  },
];
