import type { OrderView } from "@/db/queries/orders";
import type { SourceRow } from "@/db/queries/sources";
import type { SourceItemConfiguration, SourceItemRow } from "@/db/queries/source-items";
import type { StockSourceLinkRow, StockWithChannels } from "@/db/queries/stocks";

/** Stockroom rows in Magento's data interfaces (snake_case; null fields left out, as Magento does). */

export function sourceData(row: SourceRow) {
  return {
    source_code: row.code,
    name: row.name,
    enabled: row.enabled,
    ...(row.description !== null ? { description: row.description } : {}),
    country_id: row.countryId,
    postcode: row.postcode,
  };
}

export function stockData(stock: StockWithChannels) {
  return {
    stock_id: stock.id,
    name: stock.name,
    extension_attributes: { sales_channels: stock.salesChannels },
  };
}

export function stockSourceLinkData(row: StockSourceLinkRow) {
  return { stock_id: row.stockId, source_code: row.sourceCode, priority: row.priority };
}

export function sourceItemData(row: SourceItemRow) {
  return { sku: row.sku, source_code: row.sourceCode, quantity: row.quantity, status: row.status };
}

export function sourceItemConfigurationData(config: SourceItemConfiguration) {
  return { source_code: config.sourceCode, sku: config.sku, notify_stock_qty: config.notifyStockQty };
}

/** A placed order (Stockroom's own answer) with the spec §5 backorder notices in `messages`. */
export function placedOrderData(order: OrderView, notices: string[]) {
  return {
    entity_id: order.id,
    increment_id: order.incrementId,
    items: order.items.map((item) => ({
      item_id: item.id,
      sku: item.sku,
      qty_ordered: item.qtyOrdered,
      qty_backordered: item.qtyBackordered,
    })),
    messages: notices,
  };
}
