import "server-only";
import { z } from "zod";
import { CONDITION_TYPES } from "@/lib/validation/search-criteria";

/**
 * Magento's answers as zod schemas: each route declares its own (router.ts), the mappers in
 * magento.ts are typed by them, and the API reference (openapi.ts) is generated from them.
 * Objects are strict, so a test that parses a real answer also catches a field nobody declared.
 */

const int = () => z.number().int();

/** A void call: Magento answers `[]`. */
export const voidAnswer = z.array(z.never()).max(0).describe("Always `[]` (a void call).");

/** Magento's boolean of calls that answer `true` once done (cancel, delete, transfer). */
export const doneAnswer = z.boolean().describe("Always `true`: a refusal is an error answer.");

/** A new or saved entity's id, or a count, as a bare JSON number. */
export const idAnswer = int();

const salesChannelAnswer = z.strictObject({ type: z.literal("website"), code: z.string() });

export const sourceAnswer = z.strictObject({
  source_code: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  description: z.string().optional(),
  country_id: z.string(),
  postcode: z.string(),
});

export const stockAnswer = z.strictObject({
  stock_id: int(),
  name: z.string(),
  extension_attributes: z.strictObject({ sales_channels: z.array(salesChannelAnswer) }),
});

export const stockSourceLinkAnswer = z.strictObject({ stock_id: int(), source_code: z.string(), priority: int() });

export const sourceItemAnswer = z.strictObject({
  sku: z.string(),
  source_code: z.string(),
  quantity: z.number(),
  status: int().describe("1 In Stock, 0 Out of Stock."),
});

export const sourceItemConfigurationAnswer = z.strictObject({
  source_code: z.string(),
  sku: z.string(),
  notify_stock_qty: z.number().nullable().describe("null: Use Default (the product's Notify for Quantity Below)."),
});

/** `search_criteria` of a list: the searchCriteria the request sent, snake_case. */
const searchCriteriaEcho = z.strictObject({
  filter_groups: z.array(
    z.strictObject({
      filters: z.array(z.strictObject({ field: z.string(), value: z.string(), condition_type: z.enum(CONDITION_TYPES) })),
    }),
  ),
  sort_orders: z.array(z.strictObject({ field: z.string(), direction: z.enum(["ASC", "DESC"]) })).optional(),
  page_size: int().optional(),
  current_page: int().optional(),
});

/** Magento's SearchResults of `item`. */
export function searchResultsAnswer<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item), search_criteria: searchCriteriaEcho, total_count: int() });
}

/** The Advanced Inventory fields of a legacy stock item under Magento's names, in its order. */
const stockItemFieldAnswers = {
  qty: z.number(),
  is_in_stock: z.boolean(),
  is_qty_decimal: z.boolean(),
  use_config_min_qty: z.boolean(),
  min_qty: z.number(),
  use_config_min_sale_qty: z.boolean(),
  min_sale_qty: z.number(),
  use_config_max_sale_qty: z.boolean(),
  max_sale_qty: z.number(),
  use_config_backorders: z.boolean(),
  backorders: z.union([z.literal(0), z.literal(1), z.literal(2)]).describe("0 No Backorders, 1 Allow Qty Below 0, 2 … and Notify Customer."),
  use_config_notify_stock_qty: z.boolean(),
  notify_stock_qty: z.number(),
  use_config_qty_increments: z.boolean(),
  qty_increments: z.number(),
  use_config_enable_qty_inc: z.boolean(),
  enable_qty_increments: z.boolean(),
  use_config_manage_stock: z.boolean(),
  manage_stock: z.boolean(),
  is_decimal_divided: z.boolean(),
};

export const stockItemAnswer = z.strictObject({
  item_id: int(),
  product_id: int(),
  stock_id: int(),
  ...stockItemFieldAnswers,
  stock_status_changed_auto: z.union([z.literal(0), z.literal(1)]),
});
export type StockItemAnswer = z.output<typeof stockItemAnswer>;

export const stockStatusAnswer = z.strictObject({
  product_id: int(),
  website_id: int(),
  stock_id: int(),
  qty: z.number(),
  stock_status: z.union([z.literal(0), z.literal(1)]).describe("1 when Default Stock sells the product."),
  stock_item: stockItemAnswer,
});

export const lowStockAnswer = z.strictObject({
  items: z.array(stockItemAnswer),
  search_criteria: z.strictObject({ scope_id: int(), qty: z.number(), current_page: int(), page_size: int() }),
  total_count: int(),
});

const productFieldAnswers = {
  id: int(),
  sku: z.string(),
  name: z.string(),
  price: z.number(),
  status: z.union([z.literal(1), z.literal(2)]).describe("1 enabled, 2 disabled."),
  type_id: z.enum(["simple", "virtual"]),
  created_at: z.string().describe("YYYY-MM-DD HH:MM:SS, UTC."),
  updated_at: z.string().describe("YYYY-MM-DD HH:MM:SS, UTC."),
};

/** A product in a list: its main fields, without the stock item. */
export const productListAnswer = z.strictObject(productFieldAnswers);

export const productAnswer = z.strictObject({
  ...productFieldAnswers,
  extension_attributes: z.strictObject({ stock_item: stockItemAnswer }),
});

export const salableForQtyAnswer = z.strictObject({
  salable: z.boolean(),
  errors: z.array(z.strictObject({ code: z.string(), message: z.string() })),
});

export const placedOrderAnswer = z.strictObject({
  entity_id: int(),
  increment_id: z.string(),
  items: z.array(z.strictObject({ item_id: int(), sku: z.string(), qty_ordered: z.number(), qty_backordered: z.number() })),
  messages: z.array(z.string()).describe("Backorder notices (inventory-rules §5)."),
});

export const scopeConfigAnswer = z.strictObject({
  values: z.record(z.string(), z.string()).describe("The values stored at this very scope, by path."),
  effective: z
    .record(
      z.string(),
      z.strictObject({
        value: z.string(),
        scope: z.enum(["default", "websites", "stores"]).nullable(),
        scope_id: int().nullable(),
        origin: z.string(),
      }),
    )
    .describe("Every field the scope shows, with the value in force there and where it comes from (null: the system default)."),
});

export const websiteAnswer = z.strictObject({ id: int(), code: z.string(), name: z.string(), default_group_id: int() });

export const storeGroupAnswer = z.strictObject({
  id: int(),
  website_id: int(),
  root_category_id: int(),
  default_store_id: int(),
  name: z.string(),
  code: z.string(),
});

export const storeViewAnswer = z.strictObject({
  id: int(),
  code: z.string(),
  name: z.string(),
  website_id: int(),
  store_group_id: int(),
  is_active: int(),
});

export const storeConfigAnswer = z.strictObject({
  id: int(),
  code: z.string(),
  website_id: int(),
  locale: z.string(),
  base_currency_code: z.string(),
  default_display_currency_code: z.string(),
  timezone: z.string(),
  base_url: z.string(),
  base_link_url: z.string(),
  secure_base_url: z.string(),
  secure_base_link_url: z.string(),
});

/** Magento's StartImportInterface answer: messages, ["Entities Processed: 3"] once imported. */
export const importAnswer = z
  .array(z.string())
  .describe('Imported: "Entities Processed: N" first, then any rows skipped for errors. Refused: why, and nothing was imported.');
