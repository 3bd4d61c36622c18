import { count, sql } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import type { SearchCriteria } from "@/lib/validation/search-criteria";
import { type Conn } from "../connection";
import {
products
} from "../schema";
import { sqlSearch, type SearchFields } from "./search";

// GET /rest/V1/products: Magento's product list with searchCriteria, in SQL.

/** Magento's datetime ("2024-05-01 10:20:30", UTC) of a stored ISO time, for filters on it. */
const magentoTime = (column: AnySQLiteColumn) => sql`replace(substr(${column}, 1, 19), 'T', ' ')`;

/** What GET /V1/products searches and sorts by, as Magento names it (status: 1 enabled, 2 disabled). */
export const PRODUCT_SEARCH_FIELDS: SearchFields = {
  entity_id: { column: products.id, type: "number" },
  sku: { column: products.sku, type: "text" },
  name: { column: products.name, type: "text" },
  price: { column: products.price, type: "number" },
  // enabled is an integer 0/1 column: PostgreSQL's CASE WHEN needs a boolean, hence `= 1`.
  status: { column: sql`(CASE WHEN ${products.enabled} = 1 THEN 1 ELSE 2 END)`, type: "number" },
  type_id: { column: products.typeId, type: "text" },
  created_at: { column: magentoTime(products.createdAt), type: "text" },
  updated_at: { column: magentoTime(products.updatedAt), type: "text" },
};

export type ProductListRow = Pick<
  typeof products.$inferSelect,
  "id" | "sku" | "name" | "price" | "enabled" | "typeId" | "createdAt" | "updatedAt"
>;

/** One page of products and the number of all that match, filtered, sorted and paged in SQL. */
export async function listProducts(db: Conn, criteria: SearchCriteria): Promise<{ items: ProductListRow[]; total: number }> {
  const search = sqlSearch(PRODUCT_SEARCH_FIELDS, criteria, [products.id]);
  const [{ n: total }] = await db.select({ n: count() }).from(products).where(search.where);
  const query = db
    .select({
      id: products.id,
      sku: products.sku,
      name: products.name,
      price: products.price,
      enabled: products.enabled,
      typeId: products.typeId,
      createdAt: products.createdAt,
      updatedAt: products.updatedAt,
    })
    .from(products)
    .where(search.where)
    .orderBy(...search.orderBy)
    .$dynamic();
  const items = await (search.limit === undefined ? query : query.limit(search.limit).offset(search.offset!));
  return { items, total };
}

