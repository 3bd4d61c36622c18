import { and, asc, eq, inArray } from "drizzle-orm";
import { PRODUCT_CSV_HEADER, PRODUCT_STOCK_COLUMNS, STOCK_SOURCE_CSV_HEADER, type CsvEntity } from "@/lib/catalog-csv";
import { round4 } from "@/lib/inventory";
import type { ProductGridQuery } from "@/lib/validation/product-grid";
import type { Conn } from "../connection";
import { productInventory, products, sourceItems } from "../schema";
import { listMatchingProductIds } from "./product-grid";
import { DEFAULT_SOURCE_CODE } from "./sources";

type Cell = string | number;
type ExportRow = Cell[];

/** System > Data Transfer > Export: the header and rows of each entity, as the import reads them. */
export function exportHeader(entity: CsvEntity): readonly string[] {
  return entity === "catalog_product" ? PRODUCT_CSV_HEADER : STOCK_SOURCE_CSV_HEADER;
}

/** Flags as Magento exports them: 1 or 0. */
const flag = (value: boolean) => (value ? 1 : 0);

/**
 * The Products rows of some products, by id: the stored stock item, with `qty` and `is_in_stock`
 * from the default source item (empty when the product is not assigned to the default source:
 * an empty cell changes nothing on import).
 */
async function productRows(db: Conn, ids: number[]): Promise<ExportRow[]> {
  const rows = await db
    .select({ sku: products.sku, settings: productInventory, qty: sourceItems.quantity, status: sourceItems.status })
    .from(products)
    .innerJoin(productInventory, eq(productInventory.productId, products.id))
    .leftJoin(sourceItems, and(eq(sourceItems.sku, products.sku), eq(sourceItems.sourceCode, DEFAULT_SOURCE_CODE)))
    .where(inArray(products.id, ids))
    .orderBy(asc(products.id));
  return rows.map(({ sku, settings, qty, status }) => {
    const values: Record<string, Cell | boolean> = { ...settings, qty: qty ?? "", isInStock: status ?? "" };
    return [
      sku,
      ...Object.values(PRODUCT_STOCK_COLUMNS).map((key) => {
        const value = values[key];
        return typeof value === "boolean" ? flag(value) : typeof value === "number" ? round4(value) : value;
      }),
    ];
  });
}

/** The Stock Sources rows of some products: one per source item, by SKU then source code. */
async function stockSourceRows(db: Conn, ids: number[]): Promise<ExportRow[]> {
  const rows = await db
    .select({ sourceCode: sourceItems.sourceCode, sku: sourceItems.sku, status: sourceItems.status, quantity: sourceItems.quantity })
    .from(sourceItems)
    .innerJoin(products, eq(products.sku, sourceItems.sku))
    .where(inArray(products.id, ids))
    .orderBy(asc(products.id), asc(sourceItems.sourceCode));
  return rows.map((r) => [r.sourceCode, r.sku, r.status, round4(r.quantity)]);
}

export interface ExportChunk {
  rows: ExportRow[];
  /** Where the next chunk starts; null after the last. */
  next: number | null;
}

/**
 * One chunk of an export: the rows of up to `limit` products (all of them, or those the grid's
 * filter matches) with an id above `afterId`. Keyset-paged, so an export of a large catalog never
 * sits in memory at once.
 */
export async function readExportChunk(
  db: Conn,
  entity: CsvEntity,
  filter: Pick<ProductGridQuery, "q" | "filters">,
  afterId: number,
  limit: number,
): Promise<ExportChunk> {
  const ids = await listMatchingProductIds(db, filter, afterId, limit);
  if (ids.length === 0) return { rows: [], next: null };
  const rows = entity === "catalog_product" ? await productRows(db, ids) : await stockSourceRows(db, ids);
  return { rows, next: ids.length < limit ? null : ids[ids.length - 1] };
}
