import "server-only";
import { z } from "zod";
import type { ProductPatch } from "@/db/queries/product-save";
import { magentoObject } from "@/lib/validation/fields";
import {
  productFields,
  productFormSchema,
  stockItemFields,
  type ProductFormValues,
  type StockItemValues,
} from "@/lib/validation/product";
import { validationError } from "./errors";
import { PRODUCT_NAMES, STOCK_ITEM_NAMES } from "./magento";

/**
 * Magento's product and stock item bodies, parsed field by field with the product page's own
 * schemas (lib/validation/product.ts) under Magento's names. Every field is optional: a PUT
 * names a few, and the handler merges them over the stored product, then parses the whole
 * with the page's schema (its cross-field rules) through parseProductForm.
 */

/** Magento stock item fields answered by GET or not kept: accepted (a GET answer can be PUT back), ignored. */
const IGNORED_STOCK_ITEM_FIELDS = [
  "item_id",
  "product_id",
  "stock_id",
  "stock_status_changed_auto",
  "show_default_notification_message",
  "low_stock_date",
  "extension_attributes",
] as const;

/** Magento product fields Stockroom does not keep (or answers and sets itself): accepted, ignored. */
const IGNORED_PRODUCT_FIELDS = [
  "id",
  "attribute_set_id",
  "visibility",
  "weight",
  "created_at",
  "updated_at",
  "custom_attributes",
  "media_gallery_entries",
  "options",
  "product_links",
  "tier_prices",
] as const;

const IGNORED_PRODUCT_EXTENSIONS = ["website_ids", "category_links"] as const;

export const STATUS_VALUES = "Please enter 1 (Enabled) or 2 (Disabled) in this field.";

/** Magento's product status (1 enabled, 2 disabled) as the form's Enable Product. */
const statusField = z
  .union([z.literal(1), z.literal(2), z.literal("1"), z.literal("2")], { error: STATUS_VALUES })
  .transform((status) => Number(status) === 1);

type Names<K extends string> = Readonly<Record<K, string>>;

/** The form's field schemas under Magento's names, each optional. */
function magentoFields<K extends string>(shape: Readonly<Record<K, z.ZodType>>, names: Names<K>) {
  return Object.fromEntries((Object.keys(names) as K[]).map((key) => [names[key], shape[key].optional()]));
}

/** Parsed Magento fields back under the form's names; fields not sent stay absent. */
function formKeys<K extends string>(values: Readonly<Record<string, unknown>>, names: Names<K>): Partial<Record<K, unknown>> {
  return Object.fromEntries(
    (Object.keys(names) as K[]).filter((key) => values[names[key]] !== undefined).map((key) => [key, values[names[key]]]),
  ) as Partial<Record<K, unknown>>;
}

/** `stockItem` of PUT /V1/products/{sku}/stockItems/{itemId}, `stock_item` of a product. */
export const stockItemBody = magentoObject(
  magentoFields(stockItemFields.shape, STOCK_ITEM_NAMES),
  IGNORED_STOCK_ITEM_FIELDS,
).transform((item) => formKeys(item, STOCK_ITEM_NAMES) as Partial<StockItemValues>);

const productShape = {
  sku: productFields.shape.sku,
  name: productFields.shape.name,
  price: productFields.shape.price,
  enabled: statusField,
  typeId: productFields.shape.typeId,
} satisfies Record<keyof ProductPatch, z.ZodType>;

export interface ProductWrite {
  product: ProductPatch;
  stockItem: Partial<StockItemValues>;
}

/** `product` of POST /V1/products and PUT /V1/products/{sku}. */
export const productBody = magentoObject(
  {
    ...magentoFields(productShape, PRODUCT_NAMES),
    extension_attributes: magentoObject({ stock_item: stockItemBody.optional() }, IGNORED_PRODUCT_EXTENSIONS).optional(),
  },
  IGNORED_PRODUCT_FIELDS,
).transform(
  (product): ProductWrite => ({
    product: formKeys(product, PRODUCT_NAMES) as ProductPatch,
    stockItem: (product.extension_attributes as { stock_item?: Partial<StockItemValues> } | undefined)?.stock_item ?? {},
  }),
);

/** Where a body puts the product's fields and its stock item's. */
export interface BodyPaths {
  product: readonly string[];
  stockItem: readonly string[];
}

export const PRODUCT_BODY: BodyPaths = { product: ["product"], stockItem: ["product", "extension_attributes", "stock_item"] };
export const STOCK_ITEM_BODY: BodyPaths = { product: ["product"], stockItem: ["stockItem"] };

const nameOf = (names: Readonly<Record<string, string>>, key: PropertyKey) =>
  typeof key === "string" && Object.hasOwn(names, key) ? names[key] : String(key);

/** A product form path (["stockItem", "minQty"]) as the body names it (["stockItem", "min_qty"]). */
export function bodyPath(path: readonly PropertyKey[], paths: BodyPaths): string[] {
  const [head, ...rest] = path;
  if (head === "stockItem" && rest.length > 0) {
    const [field, ...deeper] = rest;
    return [...paths.stockItem, nameOf(STOCK_ITEM_NAMES, field), ...deeper.map(String)];
  }
  return [...paths.product, nameOf(PRODUCT_NAMES, head), ...rest.map(String)];
}

/** Problems found on the product form's fields as one 400, each named as the body names it. */
function bodyError(issues: readonly z.core.$ZodIssue[], paths: BodyPaths) {
  return validationError(new z.ZodError(issues.map((issue) => ({ ...issue, path: bodyPath(issue.path, paths) }))));
}

/**
 * The merged product parsed with the product page's schema, or the 400 naming each problem as
 * the body names its field (a decimal qty on a whole-number product: "stockItem.qty").
 */
export function parseProductForm(values: unknown, paths: BodyPaths): ProductFormValues {
  const result = productFormSchema.safeParse(values);
  if (!result.success) throw bodyError(result.error.issues, paths);
  return result.data;
}
