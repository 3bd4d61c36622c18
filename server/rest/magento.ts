import "server-only";
import type { z } from "zod";
import { scopeNames, type ScopeConfig } from "@/db/queries/config";
import type { OrderView } from "@/db/queries/order-views";
import type { ProductEditData } from "@/db/queries/product-page";
import type { ProductListRow } from "@/db/queries/product-search";
import type { ProductPatch } from "@/db/queries/product-save";
import type { SourceRow } from "@/db/queries/sources";
import type { SourceItemConfiguration, SourceItemRow } from "@/db/queries/source-items";
import type { LegacyStockItem } from "@/db/queries/stock-items";
import type { StockSourceLinkRow, StockWithChannels } from "@/db/queries/stocks";
import { CONFIG_FIELDS, configValueAt, describeOrigin, fieldAppliesAtScope } from "@/lib/inventory";
import type { StockItemValues } from "@/lib/validation/product";
import type {
  placedOrderAnswer,
  productAnswer,
  productListAnswer,
  scopeConfigAnswer,
  sourceAnswer,
  sourceItemAnswer,
  sourceItemConfigurationAnswer,
  StockItemAnswer,
  stockAnswer,
  stockSourceLinkAnswer,
  stockStatusAnswer,
} from "./responses";

/** Stockroom rows in Magento's data interfaces (snake_case; null fields left out, as Magento does), as responses.ts describes them. */

export function sourceData(row: SourceRow): z.output<typeof sourceAnswer> {
  return {
    source_code: row.code,
    name: row.name,
    enabled: row.enabled,
    ...(row.description !== null ? { description: row.description } : {}),
    country_id: row.countryId,
    postcode: row.postcode,
  };
}

export function stockData(stock: StockWithChannels): z.output<typeof stockAnswer> {
  return {
    stock_id: stock.id,
    name: stock.name,
    extension_attributes: { sales_channels: stock.salesChannels },
  };
}

export function stockSourceLinkData(row: StockSourceLinkRow): z.output<typeof stockSourceLinkAnswer> {
  return { stock_id: row.stockId, source_code: row.sourceCode, priority: row.priority };
}

export function sourceItemData(row: SourceItemRow): z.output<typeof sourceItemAnswer> {
  return { sku: row.sku, source_code: row.sourceCode, quantity: row.quantity, status: row.status };
}

export function sourceItemConfigurationData(config: SourceItemConfiguration): z.output<typeof sourceItemConfigurationAnswer> {
  return { source_code: config.sourceCode, sku: config.sku, notify_stock_qty: config.notifyStockQty };
}

/** A placed order (Stockroom's own answer) with the inventory-rules §5 backorder notices in `messages`. */
export function placedOrderData(order: OrderView, notices: string[]): z.output<typeof placedOrderAnswer> {
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

/** Magento's product field names for the product form's (lib/validation/product.ts). */
export const PRODUCT_NAMES = {
  sku: "sku",
  name: "name",
  price: "price",
  enabled: "status",
  typeId: "type_id",
} as const satisfies Record<keyof ProductPatch, string>;

/** Magento's stock item field names for the Advanced Inventory panel's, in Magento's answer order. */
export const STOCK_ITEM_NAMES = {
  qty: "qty",
  isInStock: "is_in_stock",
  isQtyDecimal: "is_qty_decimal",
  useConfigMinQty: "use_config_min_qty",
  minQty: "min_qty",
  useConfigMinSaleQty: "use_config_min_sale_qty",
  minSaleQty: "min_sale_qty",
  useConfigMaxSaleQty: "use_config_max_sale_qty",
  maxSaleQty: "max_sale_qty",
  useConfigBackorders: "use_config_backorders",
  backorders: "backorders",
  useConfigNotifyStockQty: "use_config_notify_stock_qty",
  notifyStockQty: "notify_stock_qty",
  useConfigQtyIncrements: "use_config_qty_increments",
  qtyIncrements: "qty_increments",
  useConfigEnableQtyInc: "use_config_enable_qty_inc",
  enableQtyIncrements: "enable_qty_increments",
  useConfigManageStock: "use_config_manage_stock",
  manageStock: "manage_stock",
  isDecimalDivided: "is_decimal_divided",
} as const satisfies Record<keyof StockItemValues, string>;

/** Magento's legacy stock items all belong to stock 1 (Magento\CatalogInventory). */
const LEGACY_STOCK_ID = 1;

/** Magento's datetime: "2024-05-01 10:20:30" (UTC) for a stored ISO time. */
const magentoTime = (iso: string) => iso.slice(0, 19).replace("T", " ");

/**
 * A product's legacy stock item. Stockroom keeps one per product, so its item_id is the product's
 * id. A field on "Use Config Settings" answers the configured value, as Magento's getters do.
 */
export function stockItemData(product: LegacyStockItem): StockItemAnswer {
  const item = product.values.stockItem;
  // Each value keeps its type under its Magento name; the Pick fails to compile if the names and the answer part ways.
  const fields = Object.fromEntries(
    (Object.keys(STOCK_ITEM_NAMES) as (keyof StockItemValues)[]).map((key) => [STOCK_ITEM_NAMES[key], item[key]]),
  ) as Pick<StockItemAnswer, (typeof STOCK_ITEM_NAMES)[keyof StockItemValues]>;
  return {
    item_id: product.id,
    product_id: product.id,
    stock_id: LEGACY_STOCK_ID,
    ...fields,
    // Inventory-rules §8: the status was switched Out of Stock automatically.
    stock_status_changed_auto: product.statusAutomatic ? 1 : 0,
  };
}

/** Magento's legacy stock status rows are kept for the default scope (website 0) only. */
const LEGACY_WEBSITE_ID = 0;

/**
 * A product's legacy stock status (GET stockStatuses/{sku}): the stock item's qty, and whether
 * Default Stock sells it, computed by lib/inventory (inventory-rules §3) as Magento's index does.
 */
export function stockStatusData(product: LegacyStockItem, salableOnDefaultStock: boolean): z.output<typeof stockStatusAnswer> {
  return {
    product_id: product.id,
    website_id: LEGACY_WEBSITE_ID,
    stock_id: LEGACY_STOCK_ID,
    qty: product.values.stockItem.qty,
    stock_status: salableOnDefaultStock ? 1 : 0,
    stock_item: stockItemData(product),
  };
}

/** A product in a list: Magento's main fields (status 1 enabled, 2 disabled). */
export function productListData(row: ProductListRow): z.output<typeof productListAnswer> {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    price: row.price,
    status: row.enabled ? 1 : 2,
    type_id: row.typeId,
    created_at: magentoTime(row.createdAt),
    updated_at: magentoTime(row.updatedAt),
  };
}

/** One product with its stock item, as GET /V1/products/{sku} answers it. */
export function productData(product: ProductEditData): z.output<typeof productAnswer> {
  const { values } = product;
  return {
    ...productListData({ ...values, id: product.id, createdAt: product.createdAt, updatedAt: product.updatedAt }),
    extension_attributes: { stock_item: stockItemData(product) },
  };
}

/**
 * Stockroom's own configuration answer at one scope, for the fields the scope shows (inventory-rules §1.1
 * scope column): `values` as stored at the scope itself (a path left out inherits), `effective`
 * the value in force there with the scope it comes from (null = the system default) in words too.
 */
export function scopeConfigData({ target, tree, rows }: ScopeConfig): z.output<typeof scopeConfigAnswer> {
  const names = scopeNames(tree);
  const fields = CONFIG_FIELDS.filter((field) => fieldAppliesAtScope(field, target.scope));
  const stored = new Map(
    rows.filter((row) => row.scope === target.scope && row.scopeId === target.scopeId).map((row) => [row.path, row.value]),
  );
  return {
    values: Object.fromEntries(fields.filter((field) => stored.has(field.path)).map((field) => [field.path, stored.get(field.path)!])),
    effective: Object.fromEntries(
      fields.map((field) => {
        const { value, origin } = configValueAt(rows, field.key, target.scope, target.scopeId, target.websiteId);
        const from = origin.kind === "config" ? origin : null;
        return [
          field.path,
          { value, scope: from?.scope ?? null, scope_id: from?.scopeId ?? null, origin: describeOrigin(origin, names) },
        ];
      }),
    ),
  };
}
