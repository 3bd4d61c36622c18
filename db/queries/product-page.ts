import { asc, eq, sql } from "drizzle-orm";
import {
DEFAULT_PRODUCT_SETTINGS,effectiveNotifyQty,
effectiveSettings,salableQtyLabel,withGlobalValuesShown,type EffectiveSettings,
type ProductInventorySettings,
type SourceItemStatus
} from "@/lib/inventory";
import {
type ProductFormInput,type ProductLock,type SourceAssignmentInput,
type SourceOption
} from "@/lib/validation/product";
import type { Conn } from "../connection";
import { lockSnapshot, type StoredFormValues } from "@/lib/validation/product-changes";
import {
products,sourceItems,
sources
} from "../schema";
import { getGlobalConfig, getProductInventoryState, type ResolvedConfig } from "./inventory";
import { DEFAULT_SOURCE_CODE, isSingleSourceMode, listAllSources } from "./sources";

// The product page's data: the form's values as stored, its lock and its figures.

export interface ProductSourceItem {
  sourceCode: string;
  sourceName: string;
  sourceEnabled: boolean;
  quantity: number;
  status: SourceItemStatus;
  statusAutomatic: boolean;
  /** null = "Use Default" (inventory-rules §9). */
  notifyStockQty: number | null;
}

export interface ProductFormData {
  /** What the form shows: a field on "Use Config Settings" holds the current global value. */
  values: ProductFormInput;
  singleSourceMode: boolean;
  /** The configuration the panel's disabled inputs and notes read (inventory-rules §1.3). */
  config: ResolvedConfig;
  /**
   * Multi-source mode: the form's assigned-sources rows (a "Use Default" Notify Qty holds the
   * product's effective value, shown disabled) and every source, to assign; empty otherwise.
   */
  assignedSources: SourceAssignmentInput[];
  sources: SourceOption[];
}

export interface ProductEditData extends ProductFormData {
  id: number;
  /** ISO 8601 UTC times of creation and of the last save. */
  createdAt: string;
  updatedAt: string;
  values: StoredFormValues;
  lock: ProductLock;
  sourceItems: ProductSourceItem[];
  /** The default source item was set Out of Stock by inventory-rules §8, not by an admin. */
  statusAutomatic: boolean;
  /** "Product Salable Quantity": per stock the product is assigned to, lib/inventory's label. */
  salable: { stockId: number; stockName: string; qty: string }[];
}

/** A ProductSourceItem's columns, from source_items joined to sources. */
export const productSourceItemColumns = {
  sourceCode: sourceItems.sourceCode,
  sourceName: sources.name,
  sourceEnabled: sources.enabled,
  quantity: sourceItems.quantity,
  status: sql<SourceItemStatus>`${sourceItems.status}`,
  statusAutomatic: sourceItems.statusAutomatic,
  notifyStockQty: sourceItems.notifyStockQty,
};

export async function listProductSourceItems(db: Conn, sku: string): Promise<ProductSourceItem[]> {
  return db
    .select(productSourceItemColumns)
    .from(sourceItems)
    .innerJoin(sources, eq(sources.code, sourceItems.sourceCode))
    .where(eq(sourceItems.sku, sku))
    .orderBy(asc(sources.name));
}

/** The product's source items as the form's rows; "Use Default" shows the effective Notify Qty (inventory-rules §9). */
function assignmentRows(items: readonly Omit<ProductSourceItem, "sourceName" | "sourceEnabled" | "statusAutomatic">[], eff: EffectiveSettings) {
  return items.map(
    (item): SourceAssignmentInput => ({
      sourceCode: item.sourceCode,
      isInStock: item.status === 1,
      qty: item.quantity,
      notifyUseDefault: item.notifyStockQty === null,
      notifyStockQty: effectiveNotifyQty(item.notifyStockQty, eff),
    }),
  );
}

const sourceOptions = async (db: Conn): Promise<SourceOption[]> =>
  (await listAllSources(db)).map((s) => ({ code: s.code, name: s.name, enabled: s.enabled }));

/**
 * A new product's form: every "Use Config Settings" checked, showing the global values (spec
 * §1.2). In multi-source mode the default source is assigned (Qty 0, In Stock), as in Magento.
 */
export async function getNewProductForm(db: Conn): Promise<ProductFormData> {
  const config = await getGlobalConfig(db);
  const singleSourceMode = await isSingleSourceMode(db);
  const eff = effectiveSettings(DEFAULT_PRODUCT_SETTINGS, config.values, config.origins);
  return {
    values: {
      enabled: true,
      name: "",
      sku: "",
      price: "",
      typeId: "simple",
      stockItem: { qty: 0, isInStock: true, ...withGlobalValuesShown(DEFAULT_PRODUCT_SETTINGS, config.values) },
    },
    singleSourceMode,
    config,
    assignedSources: singleSourceMode ? [] : assignmentRows([newAssignment(DEFAULT_SOURCE_CODE)], eff),
    sources: singleSourceMode ? [] : (await sourceOptions(db)),
  };
}

/** A newly assigned source: Qty 0, In Stock, Notify Qty "Use Default" (Magento's defaults). */
function newAssignment(sourceCode: string) {
  return { sourceCode, quantity: 0, status: 1 as const, notifyStockQty: null };
}

/**
 * The product page of an existing product, in a fixed number of queries; null when unknown. The
 * REST API answers a product and its stock item from the same data, found by SKU.
 */
export async function getProductForEdit(db: Conn, by: { id: number } | { sku: string }): Promise<ProductEditData | null> {
  const state = await getProductInventoryState(db, by);
  if (!state) return null;
  const { product, settings, config, effective } = state;
  const id = product.id;
  const items = await listProductSourceItems(db, product.sku);
  const singleSourceMode = await isSingleSourceMode(db);
  const stored = storedValues(product, settings, items);
  return {
    id,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
    values: { ...stored, stockItem: { ...stored.stockItem, ...withGlobalValuesShown(settings, config.values) } },
    lock: { version: product.version, snapshot: lockSnapshot(stored, singleSourceMode, items) },
    singleSourceMode,
    config,
    assignedSources: singleSourceMode ? [] : assignmentRows(items, effective),
    sources: singleSourceMode ? [] : (await sourceOptions(db)),
    sourceItems: items,
    statusAutomatic: items.find((i) => i.sourceCode === DEFAULT_SOURCE_CODE)?.statusAutomatic ?? false,
    salable: state.stocks.map((s) => ({
      stockId: s.stockId,
      stockName: s.stockName,
      qty: salableQtyLabel(effective, s.snapshot),
    })),
  };
}


type StoredProduct = Pick<typeof products.$inferSelect, "enabled" | "name" | "sku" | "price" | "typeId">;

/** The form's values as stored; quantity and status are the default source item's (single-source mode). */
export function storedValues(product: StoredProduct, settings: ProductInventorySettings, items: ProductSourceItem[]): StoredFormValues {
  const own = items.find((i) => i.sourceCode === DEFAULT_SOURCE_CODE);
  return {
    enabled: product.enabled,
    name: product.name,
    sku: product.sku,
    price: product.price,
    typeId: product.typeId,
    stockItem: { qty: own?.quantity ?? 0, isInStock: (own?.status ?? 0) === 1, ...settings },
  };
}
