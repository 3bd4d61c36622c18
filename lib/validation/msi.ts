import { z } from "zod";
import { REQUIRED } from "./auth";
import {
  booleanField,
  clearableTextField,
  codeField,
  idField,
  listField,
  magentoObject,
  MAX_QTY,
  nullableNumberField,
  numberField,
  optionalNumberField,
  optionalTextField,
  textField,
} from "./fields";

/**
 * Multi-source inventory data with Magento's field names (snake_case), parsed the same way by
 * the REST API and the Stores > Inventory admin forms.
 */

const COUNTRY = /^[A-Z]{2}$/;

/** Source fields Magento has and Stockroom does not keep: accepted from Magento clients, ignored. */
const IGNORED_SOURCE_FIELDS = [
  "email",
  "contact_name",
  "latitude",
  "longitude",
  "region_id",
  "region",
  "city",
  "street",
  "phone",
  "fax",
  "use_default_carrier_config",
  "carrier_links",
  "extension_attributes",
] as const;

const sourceFields = {
  source_code: codeField(),
  name: textField(),
  enabled: booleanField().default(true),
  description: optionalTextField(1000),
  country_id: textField(2)
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(COUNTRY, "Please enter a two-letter country code (ISO 3166-1, e.g. US).")),
  // Magento requires a postcode (PostcodeValidator).
  postcode: textField(),
};

/** A whole source: POST /inventory/sources and the New Source form. */
export const sourceSchema = magentoObject(sourceFields, IGNORED_SOURCE_FIELDS);
export type SourceInput = z.output<typeof sourceSchema>;

/** A PUT names only what changes; the code comes from the URL. */
export const sourcePatchSchema = magentoObject(
  {
    source_code: sourceFields.source_code.optional(),
    name: sourceFields.name.optional(),
    enabled: booleanField().optional(),
    // null or "" clears the description; leaving the field out keeps it.
    description: clearableTextField(1000),
    country_id: sourceFields.country_id.optional(),
    postcode: sourceFields.postcode.optional(),
  },
  IGNORED_SOURCE_FIELDS,
);
export type SourcePatch = z.output<typeof sourcePatchSchema>;

const salesChannelSchema = magentoObject(
  {
    type: z.literal("website", { error: 'Only sales channels of type "website" are supported.' }),
    code: codeField(),
  },
  ["extension_attributes"],
);

const stockFields = {
  stock_id: idField().optional(),
  name: textField(),
  extension_attributes: magentoObject(
    { sales_channels: z.array(salesChannelSchema, { error: "Please send a list here." }).max(1000).optional() },
    ["stock_source_links"],
  ).optional(),
};

/** A whole stock: POST /inventory/stocks and the New Stock form. */
export const stockSchema = magentoObject(stockFields);
export type StockInput = z.output<typeof stockSchema>;

/** PUT /inventory/stocks/{id}: named fields change; sales channels are replaced only when sent. */
export const stockPatchSchema = magentoObject({ ...stockFields, name: stockFields.name.optional() });
export type StockPatch = z.output<typeof stockPatchSchema>;

export const stockSourceLinkSchema = magentoObject(
  {
    stock_id: idField(),
    source_code: codeField(),
    priority: numberField({ integer: true, min: { value: 0, inclusive: true }, max: 2147483647 }),
  },
  ["extension_attributes"],
);
export type StockSourceLinkInput = z.output<typeof stockSourceLinkSchema>;

export const stockSourceLinkListSchema = listField(stockSourceLinkSchema);

const priorityField = () => optionalNumberField({ integer: true, min: { value: 0, inclusive: true }, max: 2147483647 });

/**
 * The New / Edit Stock form: the stock, the websites it sells to and its sources with their
 * priorities, saved together (REST saves the same data in three calls, with the same fields).
 */
export const stockFormSchema = z.object({
  name: stockFields.name,
  /** Every website, ticked when the stock sells to it. */
  websites: z.array(z.object({ code: codeField(), selected: booleanField() })).max(1000),
  sources: z
    .array(z.object({ source_code: codeField(), assigned: booleanField(), priority: priorityField() }))
    .max(10000)
    .superRefine((rows, ctx) =>
      rows.forEach((row, i) => {
        if (row.assigned && row.priority === undefined) ctx.addIssue({ code: "custom", path: [i, "priority"], message: REQUIRED });
      }),
    ),
});
export type StockFormInput = z.output<typeof stockFormSchema>;

const stockSourceLinkKeySchema = magentoObject(
  { stock_id: idField(), source_code: codeField() },
  ["priority", "extension_attributes"],
);
export type StockSourceLinkKey = z.output<typeof stockSourceLinkKeySchema>;

export const stockSourceLinkKeyListSchema = listField(stockSourceLinkKeySchema);

/** Magento's SKU length limit. */
const skuField = () => textField(64);

export const sourceItemSchema = magentoObject(
  {
    sku: skuField(),
    source_code: codeField(),
    // Magento lets a source item go negative (its MSI fixtures hold −15); shipping still never
    // takes one below 0 (spec §7).
    quantity: numberField({ min: { value: -MAX_QTY, inclusive: true }, max: MAX_QTY }),
    status: numberField({ integer: true }).pipe(
      z.union([z.literal(0), z.literal(1)], { error: "Please enter 1 (In Stock) or 0 (Out of Stock) in this field." }),
    ),
  },
  ["extension_attributes"],
);
export type SourceItemInput = z.output<typeof sourceItemSchema>;

export const sourceItemListSchema = listField(sourceItemSchema);

export const sourceItemKeySchema = magentoObject({ sku: skuField(), source_code: codeField() }, [
  "quantity",
  "status",
  "extension_attributes",
]);
export type SourceItemKey = z.output<typeof sourceItemKeySchema>;

export const sourceItemKeyListSchema = listField(sourceItemKeySchema);

/** Notify for Quantity Below per source item; null = "Use Default" (inventory-rules §9). */
export const sourceItemConfigurationSchema = magentoObject(
  {
    source_code: codeField(),
    sku: skuField(),
    notify_stock_qty: nullableNumberField({ min: { value: -MAX_QTY, inclusive: true }, max: MAX_QTY }),
  },
  ["extension_attributes"],
);
export type SourceItemConfigurationInput = z.output<typeof sourceItemConfigurationSchema>;

export const sourceItemConfigurationListSchema = listField(sourceItemConfigurationSchema);

/** URL segments of the salability calls. */
export const stockIdParam = idField();
export const requestedQtyParam = numberField({ min: { value: 0, inclusive: false }, max: MAX_QTY });

// ── Magento's bulk source calls (InventoryCatalogApi): plain lists of SKUs and source codes ──

const skuListField = () => listField(skuField());
const sourceCodeListField = () => listField(codeField(), 1000);

/** POST /inventory/bulk-product-source-assign and …-unassign: every SKU with every source. */
export const bulkSourceAssignFields = { skus: skuListField(), sourceCodes: sourceCodeListField() };
export type BulkSourceAssignInput = z.output<z.ZodObject<typeof bulkSourceAssignFields>>;

/** POST /inventory/bulk-product-source-transfer: each SKU's quantity moves from origin to destination. */
export const bulkTransferFields = {
  skus: skuListField(),
  originSource: codeField(),
  destinationSource: codeField(),
  unassignFromOrigin: booleanField(),
};
export type BulkTransferInput = z.output<z.ZodObject<typeof bulkTransferFields>>;

/** Magento's TransferSourceValidator: a transfer needs two different sources. */
export function withDistinctSources<T extends z.ZodType<{ originSource: string; destinationSource: string }>>(schema: T) {
  return schema.refine((input) => input.originSource !== input.destinationSource, {
    message: "Cannot transfer a source on itself",
    path: ["destinationSource"],
  });
}

/** Magento's legacy low-stock report (StockRegistryInterface::getLowStockItems) as query parameters. */
export const lowStockItemsQuerySchema = z.object({
  // A website id, 0 for all; Stockroom's stock items are global, so every scope answers alike.
  scopeId: numberField({ integer: true, min: { value: 0, inclusive: true }, max: 2147483647 }),
  qty: numberField({ min: { value: -MAX_QTY, inclusive: true }, max: MAX_QTY }),
  currentPage: optionalNumberField({ integer: true, min: { value: 1, inclusive: true }, max: 2147483647 }).transform((n) => n ?? 1),
  // 0 (Magento's default): the whole list.
  pageSize: optionalNumberField({ integer: true, min: { value: 0, inclusive: true }, max: 10000 }).transform((n) => n ?? 0),
});
export type LowStockItemsQuery = z.output<typeof lowStockItemsQuerySchema>;
