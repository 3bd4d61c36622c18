import "server-only";
import { bulkSourceRoutes } from "./handlers/bulk-sources";
import { configRoutes } from "./handlers/config";
import { orderRoutes } from "./handlers/orders";
import { productRoutes } from "./handlers/products";
import { salabilityRoutes } from "./handlers/salability";
import { sourceItemRoutes } from "./handlers/source-items";
import { sourceRoutes } from "./handlers/sources";
import { stockRoutes } from "./handlers/stocks";
import { tokenRoutes } from "./handlers/token";
import type { RestRoute } from "./router";

/** Every /rest/V1 call Stockroom answers (docs/api.md lists them with curl examples). */
export const REST_ROUTES: readonly RestRoute[] = [
  ...tokenRoutes,
  ...sourceRoutes,
  ...stockRoutes,
  ...sourceItemRoutes,
  ...bulkSourceRoutes,
  ...salabilityRoutes,
  ...orderRoutes,
  ...productRoutes,
  ...configRoutes,
];
