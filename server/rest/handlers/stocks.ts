import "server-only";
import {
  deleteStock,
  deleteStockSourceLinks,
  getStock,
  listStocks,
  listStockSourceLinks,
  saveStock,
  saveStockSourceLinks,
  STOCK_SEARCH_FIELDS,
  STOCK_SOURCE_LINK_SEARCH_FIELDS,
  stockNotFound,
  updateStock,
} from "@/db/queries/stocks";
import {
  stockIdParam,
  stockPatchSchema,
  stockSchema,
  stockSourceLinkKeyListSchema,
  stockSourceLinkListSchema,
} from "@/lib/validation/msi";
import { parseOr400, requestBody } from "../body";
import { listAnswer, searchCriteriaOf } from "../list";
import { stockData, stockSourceLinkData } from "../magento";
import type { RestRoute } from "../router";

const READ = "Magento_InventoryApi::stock";
const EDIT = "Magento_InventoryApi::stock_edit";
const DELETE = "Magento_InventoryApi::stock_delete";
const LINKS = "Magento_InventoryApi::stock_source_link";

const createBody = requestBody({ stock: stockSchema });
const updateBody = requestBody({ stock: stockPatchSchema });
const linksBody = requestBody({ links: stockSourceLinkListSchema });
const linkKeysBody = requestBody({ links: stockSourceLinkKeyListSchema });

const stockId = (params: Record<string, string>) => parseOr400(stockIdParam, params.stockId, "stockId");

export const stockRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "inventory/stocks",
    resource: READ,
    async handler({ db, query }) {
      const criteria = searchCriteriaOf(query, STOCK_SEARCH_FIELDS);
      const { items, total } = await listStocks(db, criteria);
      return listAnswer(items.map(stockData), criteria, total);
    },
  },
  {
    method: "GET",
    path: "inventory/stocks/:stockId",
    resource: READ,
    async handler({ db, params }) {
      const id = stockId(params);
      const stock = await getStock(db, id);
      if (!stock) throw stockNotFound(id);
      return stockData(stock);
    },
  },
  {
    // Answers the stock id, new or saved.
    method: "POST",
    path: "inventory/stocks",
    resource: EDIT,
    bodyPath: (field) => `stock.${field}`,
    async handler({ db, json, admin }) {
      const { stock } = parseOr400(createBody, await json());
      return await saveStock(db, stock, admin);
    },
  },
  {
    method: "PUT",
    path: "inventory/stocks/:stockId",
    resource: EDIT,
    bodyPath: (field) => `stock.${field}`,
    async handler({ db, json, params, admin }) {
      const id = stockId(params);
      const { stock } = parseOr400(updateBody, await json());
      return await updateStock(db, id, stock, admin);
    },
  },
  {
    method: "DELETE",
    path: "inventory/stocks/:stockId",
    resource: DELETE,
    async handler({ db, params, admin }) {
      await deleteStock(db, stockId(params), admin);
    },
  },
  {
    method: "GET",
    path: "inventory/stock-source-links",
    resource: LINKS,
    async handler({ db, query }) {
      const criteria = searchCriteriaOf(query, STOCK_SOURCE_LINK_SEARCH_FIELDS);
      const { items, total } = await listStockSourceLinks(db, criteria);
      return listAnswer(items.map(stockSourceLinkData), criteria, total);
    },
  },
  {
    method: "POST",
    path: "inventory/stock-source-links",
    resource: LINKS,
    bodyPath: (field) => `links.${field}`,
    async handler({ db, json, admin }) {
      const { links } = parseOr400(linksBody, await json());
      await saveStockSourceLinks(db, links, admin);
    },
  },
  {
    method: "POST",
    path: "inventory/stock-source-links-delete",
    resource: LINKS,
    bodyPath: (field) => `links.${field}`,
    async handler({ db, json, admin }) {
      const { links } = parseOr400(linkKeysBody, await json());
      await deleteStockSourceLinks(db, links, admin);
    },
  },
];
