import { test, expect } from "./fixtures";
import { RawBody, rendered, type RestClient } from "./rest-client";

/**
 * Each bad request gets a 4xx with a message a person can act on, and changes nothing: the
 * whole inventory read through the API is the same before and after the table.
 */

interface BadCase {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  status: number;
  /** The message with its parameters filled in, as a Magento client shows it. */
  message: string | RegExp;
}

const item = { sku: "SR-CAP", source_code: "default", quantity: 5, status: 1 };
const newSource = { source_code: "north", name: "North", country_id: "US", postcode: "10001" };
const sc = (query: string) => `inventory/source-items?${query}`;
const order = (items: unknown[]) => ({ store_code: "default", items });
const shipFrom = (source_code: string) => ({ arguments: { extension_attributes: { source_code } } });
const NO_SUCH_ORDER = "The entity that was requested doesn't exist. Verify the entity and try again.";
const NO_SUCH_PRODUCT = "The product that was requested doesn't exist. Verify the product and try again.";
const newProduct = (fields: Record<string, unknown> = {}) => ({ product: { sku: "SR-NEW", name: "New", price: 5, ...fields } });
const stockItem = (fields: Record<string, unknown>) => ({ stockItem: fields });
const CONFIG = "stockroom/config/default/0";
const C = "cataloginventory";
const configValues = (values: unknown) => ({ values });
const bulk = (skus: string[], sourceCodes: string[]) => ({ skus, sourceCodes });
/** A bulk transfer of SR-CAP from the default source to one that does not exist, changed by `fields`. */
const transfer = (fields: Record<string, unknown>) => ({
  skus: ["SR-CAP"],
  originSource: "default",
  destinationSource: "mars",
  unassignFromOrigin: true,
  ...fields,
});

const CASES: BadCase[] = [
  { name: "malformed JSON", method: "POST", path: "inventory/sources", body: new RawBody('{"source": {'), status: 400, message: "Decoding error." },
  { name: "bytes that are not UTF-8", method: "POST", path: "inventory/source-items", body: new RawBody(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), status: 400, message: "Decoding error." },
  { name: "a JSON array as the body", method: "POST", path: "inventory/sources", body: [], status: 400, message: "The request body must be a JSON object." },
  { name: "a misspelt top-level key", method: "POST", path: "inventory/source-items", body: { source_items: [item] }, status: 400, message: /^sourceItems: This is a required field\.$/ },
  { name: "a source without a name", method: "POST", path: "inventory/sources", body: { source: { ...newSource, name: "" } }, status: 400, message: "source.name: This is a required field." },
  { name: "a source code with a space", method: "POST", path: "inventory/sources", body: { source: { ...newSource, source_code: "north wh" } }, status: 400, message: /^source\.source_code: Please use only letters/ },
  { name: "a three-letter country", method: "POST", path: "inventory/sources", body: { source: { ...newSource, country_id: "USA" } }, status: 400, message: "source.country_id: Please enter less or equal than 2 symbols." },
  { name: "a misspelt source field", method: "POST", path: "inventory/sources", body: { source: { ...newSource, nmae: "x" } }, status: 400, message: "source: Unknown field(s): nmae." },
  { name: "enabled as text", method: "POST", path: "inventory/sources", body: { source: { ...newSource, enabled: "yes" } }, status: 400, message: /^source\.enabled: Please enter true or false/ },
  { name: "an unknown source (GET)", method: "GET", path: "inventory/sources/nowhere", status: 404, message: 'Source with code "nowhere" does not exist.' },
  { name: "an unknown source (PUT)", method: "PUT", path: "inventory/sources/nowhere", body: { source: { name: "X" } }, status: 404, message: 'Source with code "nowhere" does not exist.' },
  { name: "disabling the default source", method: "PUT", path: "inventory/sources/default", body: { source: { enabled: false } }, status: 400, message: "source.enabled: Default source can not be disabled." },
  { name: "renaming a source's code", method: "PUT", path: "inventory/sources/default", body: { source: { source_code: "main" } }, status: 400, message: /can not be changed/ },
  { name: "a stock without a name", method: "POST", path: "inventory/stocks", body: { stock: { name: " " } }, status: 400, message: "stock.name: This is a required field." },
  { name: "a stock with a taken name", method: "POST", path: "inventory/stocks", body: { stock: { name: "Default Stock" } }, status: 400, message: 'stock.name: A stock named "Default Stock" already exists.' },
  {
    name: "a sales channel for an unknown website",
    method: "POST",
    path: "inventory/stocks",
    body: { stock: { name: "Mars", extension_attributes: { sales_channels: [{ type: "website", code: "mars" }] } } },
    status: 400,
    message: 'stock.extension_attributes.sales_channels.0.code: Website with code "mars" does not exist.',
  },
  {
    name: "leaving Main Website without a stock",
    method: "PUT",
    path: "inventory/stocks/1",
    body: { stock: { extension_attributes: { sales_channels: [] } } },
    status: 400,
    message: /Website "base" sells from Default Stock/,
  },
  { name: "a stock id that is not a number", method: "GET", path: "inventory/stocks/abc", status: 400, message: "stockId: Please enter a valid number in this field." },
  { name: "an unknown stock", method: "GET", path: "inventory/stocks/999", status: 404, message: 'Stock with id "999" does not exist.' },
  { name: "deleting Default Stock", method: "DELETE", path: "inventory/stocks/1", status: 400, message: "Default Stock could not be deleted." },
  { name: "deleting an unknown stock", method: "DELETE", path: "inventory/stocks/999", status: 404, message: 'Stock with id "999" does not exist.' },
  {
    name: "relinking Default Stock",
    method: "POST",
    path: "inventory/stock-source-links",
    body: { links: [{ stock_id: 1, source_code: "default", priority: 5 }] },
    status: 400,
    message: "links.0: Can not save link related to Default Source or Default Stock",
  },
  {
    name: "a negative priority",
    method: "POST",
    path: "inventory/stock-source-links",
    body: { links: [{ stock_id: 1, source_code: "default", priority: -1 }] },
    status: 400,
    message: "links.0.priority: Please enter a number 0 or greater in this field.",
  },
  {
    name: "unlinking Default Stock",
    method: "POST",
    path: "inventory/stock-source-links-delete",
    body: { links: [{ stock_id: 1, source_code: "default" }] },
    status: 400,
    message: "links.0: Can not delete link related to Default Source or Default Stock",
  },
  { name: "a quantity in words", method: "POST", path: "inventory/source-items", body: { sourceItems: [{ ...item, quantity: "ten" }] }, status: 400, message: "sourceItems.0.quantity: Please enter a valid number in this field." },
  { name: "a quantity below −99999999", method: "POST", path: "inventory/source-items", body: { sourceItems: [{ ...item, quantity: -100000000 }] }, status: 400, message: "sourceItems.0.quantity: Please enter a value greater than or equal to -99999999." },
  { name: "a quantity over 99999999", method: "POST", path: "inventory/source-items", body: { sourceItems: [{ ...item, quantity: 100000000 }] }, status: 400, message: "sourceItems.0.quantity: Please enter a value less than or equal to 99999999." },
  { name: "status 2", method: "POST", path: "inventory/source-items", body: { sourceItems: [{ ...item, status: 2 }] }, status: 400, message: "sourceItems.0.status: Please enter 1 (In Stock) or 0 (Out of Stock) in this field." },
  {
    name: "an unknown SKU after a valid item",
    method: "POST",
    path: "inventory/source-items",
    body: { sourceItems: [{ ...item, quantity: 1 }, { ...item, sku: "NO-SUCH-SKU" }] },
    status: 400,
    message: 'sourceItems.1.sku: Product with SKU "NO-SUCH-SKU" does not exist.',
  },
  { name: "an unknown source code", method: "POST", path: "inventory/source-items", body: { sourceItems: [{ ...item, source_code: "mars" }] }, status: 400, message: 'sourceItems.0.source_code: Source with code "mars" does not exist.' },
  { name: "a decimal quantity for a whole-number product", method: "POST", path: "inventory/source-items", body: { sourceItems: [{ ...item, quantity: 2.5 }] }, status: 400, message: "sourceItems.0.quantity: Please enter a valid integer in this field." },
  { name: "an empty batch", method: "POST", path: "inventory/source-items", body: { sourceItems: [] }, status: 400, message: "sourceItems: Please send at least one entry." },
  { name: "unassigning an unknown SKU", method: "POST", path: "inventory/source-items-delete", body: { sourceItems: [{ sku: "NOPE", source_code: "default" }] }, status: 400, message: 'sourceItems.0.sku: Product with SKU "NOPE" does not exist.' },
  {
    name: "Notify Qty for an unassigned pair",
    method: "POST",
    path: "inventory/low-quantity-notification",
    body: { sourceItemConfigurations: [{ source_code: "default", sku: "SR-CAP", notify_stock_qty: 3 }, { source_code: "default", sku: "NOPE", notify_stock_qty: 3 }] },
    status: 400,
    message: 'sourceItemConfigurations.1: The product with SKU "NOPE" is not assigned to the source "default".',
  },
  {
    name: "Notify Qty as text",
    method: "POST",
    path: "inventory/low-quantity-notification",
    body: { sourceItemConfigurations: [{ source_code: "default", sku: "SR-CAP", notify_stock_qty: "some" }] },
    status: 400,
    message: "sourceItemConfigurations.0.notify_stock_qty: Please enter a valid number in this field.",
  },
  { name: "reading Notify Qty of an unassigned pair", method: "GET", path: "inventory/low-quantity-notification/default/NOPE", status: 404, message: 'The product with SKU "NOPE" is not assigned to the source "default".' },
  { name: "a requested qty in words", method: "GET", path: "inventory/is-product-salable-for-requested-qty/SR-CAP/1/abc", status: 400, message: "requestedQty: Please enter a valid number in this field." },
  { name: "a requested qty of 0", method: "GET", path: "inventory/is-product-salable-for-requested-qty/SR-CAP/1/0", status: 400, message: "requestedQty: Please enter a number greater than 0 in this field." },
  { name: "a requested qty over 99999999", method: "GET", path: "inventory/is-product-salable-for-requested-qty/SR-CAP/1/100000000", status: 400, message: "requestedQty: Please enter a value less than or equal to 99999999." },
  { name: "salable qty of an unknown SKU", method: "GET", path: "inventory/get-product-salable-quantity/NOPE/1", status: 404, message: "The product that was requested doesn't exist. Verify the product and try again." },
  { name: "is-salable on an unknown stock", method: "GET", path: "inventory/is-product-salable/SR-CAP/99", status: 404, message: 'Stock with id "99" does not exist.' },
  { name: "a stock id of 0", method: "GET", path: "inventory/is-product-salable/SR-CAP/0", status: 400, message: "stockId: Please enter a number greater than 0 in this field." },
  {
    name: "searching by a field the list does not have",
    method: "GET",
    path: sc("searchCriteria[filter_groups][0][filters][0][field]=price&searchCriteria[filter_groups][0][filters][0][value]=1"),
    status: 400,
    message: '"price" is not a field you can search or sort by. Use one of: sku, source_code, quantity, status.',
  },
  {
    name: "an unsupported condition type",
    method: "GET",
    path: sc("searchCriteria[filter_groups][0][filters][0][field]=sku&searchCriteria[filter_groups][0][filters][0][value]=x&searchCriteria[filter_groups][0][filters][0][condition_type]=regexp"),
    status: 400,
    message: 'The condition type "regexp" is not supported. Use one of: eq, neq, like, in, gt, lt, gteq, lteq.',
  },
  { name: "page size 0", method: "GET", path: sc("searchCriteria[pageSize]=0"), status: 400, message: '"searchCriteria[pageSize]" must be a whole number from 1 to 2147483647; "0" was given.' },
  { name: "an order in malformed JSON", method: "POST", path: "stockroom/orders", body: new RawBody('{"store_code": "default", "items": [{'), status: 400, message: "Decoding error." },
  { name: "an order without lines", method: "POST", path: "stockroom/orders", body: order([]), status: 400, message: "items: Please send at least one entry." },
  { name: "an order qty of 0", method: "POST", path: "stockroom/orders", body: order([{ sku: "SR-CAP", qty: 0 }]), status: 400, message: "items.0.qty: Please enter a quantity greater than 0." },
  { name: "a negative order qty", method: "POST", path: "stockroom/orders", body: order([{ sku: "SR-CAP", qty: -2 }]), status: 400, message: "items.0.qty: Please enter a quantity greater than 0." },
  { name: "an order qty in words", method: "POST", path: "stockroom/orders", body: order([{ sku: "SR-CAP", qty: "two" }]), status: 400, message: "items.0.qty: Please enter a quantity greater than 0." },
  { name: "an order qty over 99999999", method: "POST", path: "stockroom/orders", body: order([{ sku: "SR-CAP", qty: 100000000 }]), status: 400, message: "items.0.qty: Please enter a value less than or equal to 99999999." },
  { name: "an order line without a SKU", method: "POST", path: "stockroom/orders", body: order([{ qty: 1 }]), status: 400, message: "items.0.sku: This is a required field." },
  { name: "a misspelt order field", method: "POST", path: "stockroom/orders", body: { store: "default", items: [{ sku: "SR-CAP", qty: 1 }] }, status: 400, message: /^store_code: This is a required field\.$/ },
  {
    name: "an unknown SKU after a valid order line",
    method: "POST",
    path: "stockroom/orders",
    body: order([{ sku: "SR-CAP", qty: 1 }, { sku: "NO-SUCH-SKU", qty: 1 }]),
    status: 400,
    message: "items.1.sku: The product that was requested doesn't exist. Verify the product and try again.",
  },
  { name: "an order for an unknown store", method: "POST", path: "stockroom/orders", body: { store_code: "mars", items: [{ sku: "SR-CAP", qty: 1 }] }, status: 400, message: "store_code: The store that was requested wasn't found. Verify the store and try again." },
  // Inventory-rules §4 refusals: the message the shopper sees, and nothing stored for the valid line before.
  { name: "more than salable after a valid line", method: "POST", path: "stockroom/orders", body: order([{ sku: "SR-CAP", qty: 1 }, { sku: "SR-TEE-SEED", qty: 76 }]), status: 400, message: "Not enough items for sale" },
  { name: "a decimal qty for a whole-number product", method: "POST", path: "stockroom/orders", body: order([{ sku: "SR-TEE-SEED", qty: 1.5 }]), status: 400, message: "You cannot use decimal quantity for this product." },
  { name: "over the product's Maximum Qty", method: "POST", path: "stockroom/orders", body: order([{ sku: "SR-POSTER-LTD", qty: 3 }]), status: 400, message: "The requested qty exceeds the maximum qty allowed in shopping cart" },
  { name: "not a multiple of the Qty Increments", method: "POST", path: "stockroom/orders", body: order([{ sku: "SR-TIES-100", qty: 7 }]), status: 400, message: "You can buy this product only in quantities of 5 at a time." },
  { name: "a product with no source item In Stock", method: "POST", path: "stockroom/orders", body: order([{ sku: "SR-MUG-OOS", qty: 1 }]), status: 400, message: "There are no source items with the in stock status" },
  { name: "a disabled product", method: "POST", path: "stockroom/orders", body: order([{ sku: "SR-NOTEBOOK", qty: 1 }]), status: 400, message: "Product that you are trying to add is not available." },
  { name: "cancelling an unknown order", method: "POST", path: "orders/999/cancel", status: 404, message: NO_SUCH_ORDER },
  { name: "an order id that is not a number", method: "POST", path: "orders/abc/cancel", status: 400, message: "id: Please enter a valid number in this field." },
  { name: "shipping an unknown order", method: "POST", path: "order/999/ship", body: shipFrom("default"), status: 404, message: NO_SUCH_ORDER },
  { name: "an order id of 0", method: "POST", path: "order/0/ship", body: shipFrom("default"), status: 400, message: "orderId: Please enter a number greater than 0 in this field." },
  { name: "a shipment qty of 0", method: "POST", path: "order/999/ship", body: { items: [{ order_item_id: 1, qty: 0 }] }, status: 400, message: "items.0.qty: Please enter a quantity greater than 0." },
  { name: "a misspelt shipment argument", method: "POST", path: "order/999/ship", body: { arguments: { extension_attributes: { source: "default" } } }, status: 400, message: "arguments.extension_attributes: Unknown field(s): source." },
  { name: "a product in malformed JSON", method: "POST", path: "products", body: new RawBody('{"product": {"sku": "SR-NEW",'), status: 400, message: "Decoding error." },
  { name: "an unknown product (GET)", method: "GET", path: "products/NOPE", status: 404, message: NO_SUCH_PRODUCT },
  { name: "an unknown product (PUT)", method: "PUT", path: "products/NOPE", body: { product: { price: 1 } }, status: 404, message: NO_SUCH_PRODUCT },
  { name: "deleting an unknown product", method: "DELETE", path: "products/NOPE", status: 404, message: NO_SUCH_PRODUCT },
  { name: "the stock item of an unknown product", method: "GET", path: "stockItems/NOPE", status: 404, message: NO_SUCH_PRODUCT },
  { name: "a stock item PUT for an unknown product", method: "PUT", path: "products/NOPE/stockItems/1", body: stockItem({ qty: 1 }), status: 404, message: NO_SUCH_PRODUCT },
  { name: "a negative price", method: "POST", path: "products", body: newProduct({ price: -1 }), status: 400, message: "product.price: Please enter a number 0 or greater in this field." },
  { name: "a price in words", method: "PUT", path: "products/SR-CAP", body: { product: { price: "cheap" } }, status: 400, message: "product.price: Please enter a valid number in this field." },
  { name: "a new product without a name", method: "POST", path: "products", body: { product: { sku: "SR-NEW", price: 5 } }, status: 400, message: "product.name: This is a required field." },
  { name: "product status 3", method: "POST", path: "products", body: newProduct({ status: 3 }), status: 400, message: "product.status: Please enter 1 (Enabled) or 2 (Disabled) in this field." },
  { name: "a product type Stockroom does not have", method: "POST", path: "products", body: newProduct({ type_id: "bundle" }), status: 400, message: "product.type_id: Please select an option." },
  { name: "a misspelt product field", method: "POST", path: "products", body: newProduct({ prise: 5 }), status: 400, message: "product: Unknown field(s): prise." },
  {
    name: "renaming a product to a taken SKU",
    method: "PUT",
    path: "products/SR-CAP",
    body: { product: { sku: "SR-TOTE" } },
    status: 400,
    message: 'product.sku: The value of the "SKU" attribute isn\'t unique. Set a unique value and try again.',
  },
  {
    name: "a decimal qty for a new whole-number product",
    method: "POST",
    path: "products",
    body: newProduct({ extension_attributes: { stock_item: { qty: 1.5 } } }),
    status: 400,
    message: "product.extension_attributes.stock_item.qty: Please enter a valid integer in this field.",
  },
  { name: "a stock item qty over 99999999", method: "PUT", path: "products/SR-TEE-SEED/stockItems/1", body: stockItem({ qty: 100000000 }), status: 400, message: "stockItem.qty: Please enter a value less than or equal to 99999999." },
  { name: "a decimal stock item qty for a whole-number product", method: "PUT", path: "products/SR-TEE-SEED/stockItems/1", body: stockItem({ qty: 2.5 }), status: 400, message: "stockItem.qty: Please enter a valid integer in this field." },
  { name: "backorders 3", method: "PUT", path: "products/SR-CAP/stockItems/8", body: stockItem({ use_config_backorders: false, backorders: 3 }), status: 400, message: "stockItem.backorders: Please select an option." },
  { name: "a Maximum Qty of 0", method: "PUT", path: "products/SR-CAP/stockItems/8", body: stockItem({ use_config_max_sale_qty: false, max_sale_qty: 0 }), status: 400, message: "stockItem.max_sale_qty: Please enter a number greater than 0 in this field." },
  {
    name: "decimal Qty Increments",
    method: "PUT",
    path: "products/SR-CAP/stockItems/8",
    body: stockItem({ use_config_enable_qty_inc: false, enable_qty_increments: true, use_config_qty_increments: false, qty_increments: 2.5 }),
    status: 400,
    message: "stockItem.qty_increments: Quantity increments can't use decimals. Enter a new increment and try again.",
  },
  { name: "a misspelt stock item field", method: "PUT", path: "products/SR-CAP/stockItems/8", body: stockItem({ quantity: 5 }), status: 400, message: "stockItem: Unknown field(s): quantity." },
  { name: "a stock item id in words", method: "PUT", path: "products/SR-CAP/stockItems/abc", body: stockItem({ qty: 5 }), status: 400, message: "itemId: Please enter a valid number in this field." },
  {
    name: "searching products by a field they don't have",
    method: "GET",
    path: "products?searchCriteria[filter_groups][0][filters][0][field]=qty&searchCriteria[filter_groups][0][filters][0][value]=1",
    status: 400,
    message: '"qty" is not a field you can search or sort by. Use one of: entity_id, sku, name, price, status, type_id, created_at, updated_at.',
  },
  { name: "a threshold in words", method: "PUT", path: CONFIG, body: configValues({ [`${C}/item_options/min_qty`]: "abc" }), status: 400, message: `values.${C}/item_options/min_qty: Please enter a valid number in this field.` },
  {
    name: "decimal Qty Increments in the configuration",
    method: "PUT",
    path: CONFIG,
    body: configValues({ [`${C}/item_options/enable_qty_increments`]: "1", [`${C}/item_options/qty_increments`]: 1.5 }),
    status: 400,
    message: `values.${C}/item_options/qty_increments: Quantity increments can't use decimals. Enter a new increment and try again.`,
  },
  { name: "a configured Maximum Qty of 0", method: "PUT", path: CONFIG, body: configValues({ [`${C}/item_options/max_sale_qty`]: 0 }), status: 400, message: `values.${C}/item_options/max_sale_qty: Please enter a number greater than 0 in this field.` },
  {
    name: "a valid value beside an invalid one",
    method: "PUT",
    path: CONFIG,
    body: configValues({ [`${C}/item_options/backorders`]: "0", [`${C}/item_options/notify_stock_qty`]: "" }),
    status: 400,
    message: `values.${C}/item_options/notify_stock_qty: This is a required field.`,
  },
  { name: "Backorders 3 in the configuration", method: "PUT", path: CONFIG, body: configValues({ [`${C}/item_options/backorders`]: "3" }), status: 400, message: `values.${C}/item_options/backorders: Please select an option.` },
  {
    name: "a configured Minimum Qty above the Maximum Qty",
    method: "PUT",
    path: CONFIG,
    body: configValues({ [`${C}/item_options/min_sale_qty`]: "20", [`${C}/item_options/max_sale_qty`]: "10" }),
    status: 400,
    message: `values.${C}/item_options/min_sale_qty: The Minimum Qty Allowed in Shopping Cart can't be greater than the Maximum Qty Allowed in Shopping Cart (10).`,
  },
  { name: "a configuration path that is not a setting", method: "PUT", path: CONFIG, body: configValues({ [`${C}/item_options/backorder`]: "1" }), status: 400, message: `values.${C}/item_options/backorder: "${C}/item_options/backorder" is not a setting of Catalog > Inventory.` },
  { name: "a website field at a store view", method: "PUT", path: "stockroom/config/stores/1", body: configValues({ [`${C}/options/stock_threshold_qty`]: "3" }), status: 400, message: `values.${C}/options/stock_threshold_qty: Only X left Threshold can't be set at this scope.` },
  { name: "a [GLOBAL] field at a website", method: "PUT", path: "stockroom/config/websites/1", body: configValues({ [`${C}/item_options/backorders`]: "0" }), status: 400, message: `values.${C}/item_options/backorders: Backorders can't be set at this scope.` },
  { name: "inheriting the setting that has no Use system value", method: "PUT", path: CONFIG, body: configValues({ [`${C}/item_options/auto_return`]: null }), status: 400, message: `values.${C}/item_options/auto_return: This is a required field.` },
  { name: "a configuration value as true", method: "PUT", path: CONFIG, body: configValues({ [`${C}/item_options/manage_stock`]: true }), status: 400, message: `values.${C}/item_options/manage_stock: Please send the value as text or a number, or null to inherit it.` },
  { name: "configuration values as a list", method: "PUT", path: CONFIG, body: configValues([`${C}/item_options/backorders`]), status: 400, message: "values: Please send an object of setting paths and their values." },
  { name: "a configuration PUT without values", method: "PUT", path: CONFIG, body: {}, status: 400, message: "values: This is a required field." },
  { name: "a misspelt values key", method: "PUT", path: CONFIG, body: { value: { [`${C}/item_options/backorders`]: "0" } }, status: 400, message: "Unknown field(s): value." },
  { name: "configuration in malformed JSON", method: "PUT", path: CONFIG, body: new RawBody('{"values": {"cataloginventory/item_options/backorders": "0"'), status: 400, message: "Decoding error." },
  { name: "an unknown configuration scope", method: "GET", path: "stockroom/config/global/0", status: 404, message: 'Scope "global" with id "0" does not exist.' },
  { name: "an unknown website's configuration", method: "PUT", path: "stockroom/config/websites/9", body: configValues({ [`${C}/options/stock_threshold_qty`]: "3" }), status: 404, message: 'Scope "websites" with id "9" does not exist.' },
  { name: "Default Config under an id other than 0", method: "GET", path: "stockroom/config/default/1", status: 404, message: 'Scope "default" with id "1" does not exist.' },
  { name: "a configuration scope id in words", method: "GET", path: "stockroom/config/stores/one", status: 400, message: "scopeId: Please enter a valid number in this field." },
  { name: "lowStock without qty", method: "GET", path: "stockItems/lowStock?scopeId=0", status: 400, message: "qty: This is a required field." },
  { name: "lowStock with a qty in words", method: "GET", path: "stockItems/lowStock?scopeId=0&qty=few", status: 400, message: "qty: Please enter a valid number in this field." },
  { name: "lowStock page 0", method: "GET", path: "stockItems/lowStock?scopeId=0&qty=5&currentPage=0", status: 400, message: "currentPage: Please enter a number 1 or greater in this field." },
  { name: "the stock status of an unknown SKU", method: "GET", path: "stockStatuses/NOPE", status: 404, message: NO_SUCH_PRODUCT },
  { name: "bulk-assigning an unknown SKU", method: "POST", path: "inventory/bulk-product-source-assign", body: bulk(["SR-CAP", "NOPE"], ["default"]), status: 400, message: 'skus.1: Product with SKU "NOPE" does not exist.' },
  { name: "bulk-assigning to an unknown source", method: "POST", path: "inventory/bulk-product-source-assign", body: bulk(["SR-CAP"], ["mars"]), status: 400, message: "sourceCodes.0: Source mars does not exist" },
  { name: "bulk-assigning no SKUs", method: "POST", path: "inventory/bulk-product-source-assign", body: bulk([], ["default"]), status: 400, message: "skus: Please send at least one entry." },
  { name: "a misspelt bulk key", method: "POST", path: "inventory/bulk-product-source-assign", body: { skus: ["SR-CAP"], sources: ["default"] }, status: 400, message: "sourceCodes: This is a required field." },
  { name: "bulk-unassigning from an unknown source too", method: "POST", path: "inventory/bulk-product-source-unassign", body: bulk(["SR-CAP"], ["default", "mars"]), status: 400, message: "sourceCodes.1: Source mars does not exist" },
  { name: "a transfer onto the same source", method: "POST", path: "inventory/bulk-product-source-transfer", body: transfer({ destinationSource: "default" }), status: 400, message: "destinationSource: Cannot transfer a source on itself" },
  { name: "a transfer from an unknown source", method: "POST", path: "inventory/bulk-product-source-transfer", body: transfer({ originSource: "mars", destinationSource: "default" }), status: 400, message: "originSource: Origin source mars does not exist" },
  { name: "a transfer to an unknown source", method: "POST", path: "inventory/bulk-product-source-transfer", body: transfer({}), status: 400, message: "destinationSource: Destination source mars does not exist" },
  { name: "a transfer of an unknown SKU", method: "POST", path: "inventory/bulk-product-source-transfer", body: transfer({ skus: ["SR-CAP", "NOPE"] }), status: 400, message: 'skus.1: Product with SKU "NOPE" does not exist.' },
  { name: "unassignFromOrigin in words", method: "POST", path: "inventory/bulk-product-source-transfer", body: transfer({ unassignFromOrigin: "sometimes" }), status: 400, message: /^unassignFromOrigin: Please enter true or false/ },
  { name: "the sources of an unknown stock", method: "GET", path: "inventory/get-sources-assigned-to-stock-ordered-by-priority/99", status: 404, message: 'Stock with id "99" does not exist.' },
  { name: "the sources of stock abc", method: "GET", path: "inventory/get-sources-assigned-to-stock-ordered-by-priority/abc", status: 400, message: "stockId: Please enter a valid number in this field." },
  { name: "resolving an unknown website", method: "GET", path: "inventory/stock-resolver/website/mars", status: 404, message: "No such entity with type = website, code = mars" },
  { name: "resolving a sales channel type that is not website", method: "GET", path: "inventory/stock-resolver/store/default", status: 404, message: "No such entity with type = store, code = default" },
  { name: "an unknown route", method: "GET", path: "inventory/warehouses", status: 404, message: "Request does not match any route." },
  { name: "a method the route does not have", method: "PATCH", path: "inventory/sources/default", body: { source: { name: "x" } }, status: 404, message: "Request does not match any route." },
  { name: "broken percent-encoding in the URL", method: "GET", path: "inventory/sources/%E0%A4%A", status: 400, message: "The URL is not valid percent-encoding." },
  { name: "a body over 5 MB", method: "POST", path: "inventory/source-items", body: new RawBody(`{"sourceItems": "${"x".repeat(5 * 1024 * 1024)}"}`), status: 413, message: "The request body is larger than 5242880 bytes." },
];

async function inventory(api: RestClient) {
  const read = async (path: string) => {
    const answer = await api.get(path);
    expect(answer.status, path).toBe(200);
    return answer.body;
  };
  return {
    sources: await read("inventory/sources"),
    stocks: await read("inventory/stocks"),
    links: await read("inventory/stock-source-links"),
    items: await read("inventory/source-items"),
    notify: await read("inventory/low-quantity-notification/default/SR-CAP"),
    salable: await read("inventory/get-product-salable-quantity/SR-CAP/1"),
    salableTee: await read("inventory/get-product-salable-quantity/SR-TEE-SEED/1"),
    products: await read("products"),
    tee: await read("products/SR-TEE-SEED"),
    cap: await read("products/SR-CAP"),
    configDefault: await read("stockroom/config/default/0"),
    configWebsite: await read("stockroom/config/websites/1"),
    configStoreView: await read("stockroom/config/stores/1"),
  };
}

test("bad input gets a 4xx with a clear message and nothing is stored", async ({ api }) => {
  const before = await inventory(api);
  for (const c of CASES) {
    const answer = await api.call(c.method, c.path, c.body);
    expect(answer.status, c.name).toBe(c.status);
    expect(answer.body, c.name).toHaveProperty("parameters");
    if (typeof c.message === "string") expect(rendered(answer), c.name).toBe(c.message);
    else expect(rendered(answer), c.name).toMatch(c.message);
  }
  expect(await inventory(api)).toEqual(before);
  // No refused order left a row behind: the next one placed is the first.
  expect((await api.post("stockroom/orders", order([{ sku: "SR-CAP", qty: 1 }]))).body).toMatchObject({ entity_id: 1 });
});

test("an unknown store code is not a route; a known one is", async ({ api }) => {
  const mars = await api.forStore("mars").get("inventory/sources");
  expect(mars.status).toBe(404);
  expect(rendered(mars)).toBe("Request does not match any route.");
  expect((await api.forStore("default").get("inventory/sources")).status).toBe(200);
});
