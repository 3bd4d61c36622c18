import "server-only";
import { bulkSourceRoutes } from "./handlers/bulk-sources";
import { configRoutes } from "./handlers/config";
import { importRoutes } from "./handlers/import";
import { orderRoutes } from "./handlers/orders";
import { productRoutes } from "./handlers/products";
import { salabilityRoutes } from "./handlers/salability";
import { sourceItemRoutes } from "./handlers/source-items";
import { sourceRoutes } from "./handlers/sources";
import { stockRoutes } from "./handlers/stocks";
import { storeRoutes } from "./handlers/stores";
import { tokenRoutes } from "./handlers/token";
import type { RestRoute } from "./router";

const GROUPS: [tag: string, routes: RestRoute[]][] = [
  ["Admin token", tokenRoutes],
  ["Sources", sourceRoutes],
  ["Stocks and source links", stockRoutes],
  ["Source items", sourceItemRoutes],
  ["Bulk source assignment", bulkSourceRoutes],
  ["Salability", salabilityRoutes],
  ["Orders", orderRoutes],
  ["Products and stock items", productRoutes],
  ["Configuration", configRoutes],
  ["Websites, stores and store views", storeRoutes],
  ["Import", importRoutes],
];

/** Every /rest/V1 call Stockroom answers (docs/api.md lists them with curl examples), tagged with its group for the API reference. */
export const REST_ROUTES: readonly RestRoute[] = GROUPS.flatMap(([tag, routes]) => routes.map((route) => ({ ...route, tag })));
