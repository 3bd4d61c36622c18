import "server-only";
import { z } from "zod";
import { getStockBySalesChannel, getStockSalability } from "@/db/queries/stocks";
import { isSalable, isSalableForRequestedQty, salableQty } from "@/lib/inventory";
import { requestedQtyParam, stockIdParam } from "@/lib/validation/msi";
import { parseOr400 } from "../body";
import { stockData } from "../magento";
import { salableForQtyAnswer, stockAnswer } from "../responses";
import { restRoute, type RestContext, type RestRoute } from "../router";

const RESOURCE = "Magento_InventorySalesApi::stock";

/** The (sku, stock) state the three calls compute on with lib/inventory, read live (inventory-rules §3 Decision). */
async function salability({ db, params }: RestContext) {
  return getStockSalability(db, params.sku, parseOr400(stockIdParam, params.stockId, "stockId"));
}

export const salabilityRoutes: RestRoute[] = [
  restRoute({
    // Magento's StockResolver: the stock a website sells from (type "website", a website code).
    method: "GET",
    path: "inventory/stock-resolver/:type/:code",
    resource: RESOURCE,
    response: stockAnswer,
    handler: async ({ db, params }) => stockData(await getStockBySalesChannel(db, params.type, params.code)),
  }),
  restRoute({
    // Inventory-rules §2; with Manage Stock = No the computed figure, as Magento answers.
    method: "GET",
    path: "inventory/get-product-salable-quantity/:sku/:stockId",
    resource: RESOURCE,
    response: z.number(),
    async handler(ctx) {
      const { effective, snapshot } = await salability(ctx);
      return salableQty(effective, snapshot);
    },
  }),
  restRoute({
    method: "GET",
    path: "inventory/is-product-salable/:sku/:stockId",
    resource: RESOURCE,
    response: z.boolean(),
    async handler(ctx) {
      const { effective, snapshot } = await salability(ctx);
      return isSalable(effective, snapshot);
    },
  }),
  restRoute({
    // Inventory-rules §4, with the Not Available Message of the website that sells from the stock.
    method: "GET",
    path: "inventory/is-product-salable-for-requested-qty/:sku/:stockId/:requestedQty",
    resource: RESOURCE,
    response: salableForQtyAnswer,
    async handler(ctx) {
      const qty = parseOr400(requestedQtyParam, ctx.params.requestedQty, "requestedQty");
      const { effective, snapshot, notAvailableMessage } = await salability(ctx);
      const errors = isSalableForRequestedQty(effective, snapshot, qty, notAvailableMessage);
      return { salable: errors.length === 0, errors };
    },
  }),
];
