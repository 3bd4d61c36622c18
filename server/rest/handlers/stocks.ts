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
import { listAnswer, searchCriteriaOf, searchCriteriaQuery } from "../list";
import { stockData, stockSourceLinkData } from "../magento";
import { idAnswer, searchResultsAnswer, stockAnswer, stockSourceLinkAnswer, voidAnswer } from "../responses";
import { restRoute, type RestRoute } from "../router";

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
  restRoute({
    method: "GET",
    path: "inventory/stocks",
    resource: READ,
    query: searchCriteriaQuery(STOCK_SEARCH_FIELDS),
    response: searchResultsAnswer(stockAnswer),
    async handler({ db, query }) {
      const criteria = searchCriteriaOf(query, STOCK_SEARCH_FIELDS);
      const { items, total } = await listStocks(db, criteria);
      return listAnswer(items.map(stockData), criteria, total);
    },
  }),
  restRoute({
    method: "GET",
    path: "inventory/stocks/:stockId",
    resource: READ,
    response: stockAnswer,
    async handler({ db, params }) {
      const id = stockId(params);
      const stock = await getStock(db, id);
      if (!stock) throw stockNotFound(id);
      return stockData(stock);
    },
  }),
  restRoute({
    // Answers the stock id, new or saved.
    method: "POST",
    path: "inventory/stocks",
    resource: EDIT,
    body: createBody,
    response: idAnswer,
    bodyPath: (field) => `stock.${field}`,
    async handler({ db, body, admin }) {
      const { stock } = await body();
      return await saveStock(db, stock, admin);
    },
  }),
  restRoute({
    method: "PUT",
    path: "inventory/stocks/:stockId",
    resource: EDIT,
    body: updateBody,
    response: idAnswer,
    bodyPath: (field) => `stock.${field}`,
    async handler({ db, body, params, admin }) {
      const id = stockId(params);
      const { stock } = await body();
      return await updateStock(db, id, stock, admin);
    },
  }),
  restRoute({
    method: "DELETE",
    path: "inventory/stocks/:stockId",
    resource: DELETE,
    response: voidAnswer,
    async handler({ db, params, admin }) {
      await deleteStock(db, stockId(params), admin);
    },
  }),
  restRoute({
    method: "GET",
    path: "inventory/stock-source-links",
    resource: LINKS,
    query: searchCriteriaQuery(STOCK_SOURCE_LINK_SEARCH_FIELDS),
    response: searchResultsAnswer(stockSourceLinkAnswer),
    async handler({ db, query }) {
      const criteria = searchCriteriaOf(query, STOCK_SOURCE_LINK_SEARCH_FIELDS);
      const { items, total } = await listStockSourceLinks(db, criteria);
      return listAnswer(items.map(stockSourceLinkData), criteria, total);
    },
  }),
  restRoute({
    method: "POST",
    path: "inventory/stock-source-links",
    resource: LINKS,
    body: linksBody,
    response: voidAnswer,
    bodyPath: (field) => `links.${field}`,
    async handler({ db, body, admin }) {
      const { links } = await body();
      await saveStockSourceLinks(db, links, admin);
    },
  }),
  restRoute({
    method: "POST",
    path: "inventory/stock-source-links-delete",
    resource: LINKS,
    body: linkKeysBody,
    response: voidAnswer,
    bodyPath: (field) => `links.${field}`,
    async handler({ db, body, admin }) {
      const { links } = await body();
      await deleteStockSourceLinks(db, links, admin);
    },
  }),
];
