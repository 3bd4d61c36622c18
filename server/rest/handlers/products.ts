import "server-only";
import { readSnapshot, transaction, type Conn, type Db } from "@/db/connection";
import type { AuditEntry } from "@/db/queries/audit";
import { deleteProduct, saveProduct } from "@/db/queries/product-save";
import { getNewProductForm, getProductForEdit, type ProductEditData, type ProductSourceItem } from "@/db/queries/product-page";
import { listProducts, PRODUCT_SEARCH_FIELDS } from "@/db/queries/product-search";
import { DEFAULT_SOURCE_CODE } from "@/db/queries/sources";
import { listLowStockItems } from "@/db/queries/stock-items";
import { DEFAULT_STOCK_ID, getStockSalability } from "@/db/queries/stocks";
import { isSalable } from "@/lib/inventory";
import { productNotFound } from "@/lib/refusal";
import { idField } from "@/lib/validation/fields";
import { lowStockItemsQuerySchema } from "@/lib/validation/msi";
import type { SourceAssignment, StockItemValues } from "@/lib/validation/product";
import { parseOr400, requestBody } from "../body";
import { listAnswer, searchCriteriaOf, searchCriteriaQuery } from "../list";
import { productData, productListData, stockItemData, stockStatusData } from "../magento";
import {
  bodyPath,
  parseProductForm,
  PRODUCT_BODY,
  productBody,
  STOCK_ITEM_BODY,
  stockItemBody,
  type BodyPaths,
  type ProductWrite,
} from "../product-body";
import {
  doneAnswer,
  idAnswer,
  lowStockAnswer,
  productAnswer,
  productListAnswer,
  searchResultsAnswer,
  stockItemAnswer,
  stockStatusAnswer,
} from "../responses";
import { restRoute, type RestRoute } from "../router";

const PRODUCTS = "Magento_Catalog::products";
const STOCK_ITEMS = "Magento_CatalogInventory::cataloginventory";

// Magento's POST /V1/products also takes `saveOptions`; Stockroom has none to apply.
const productRequest = requestBody({ product: productBody }, ["saveOptions"]);
const stockItemRequest = requestBody({ stockItem: stockItemBody });
const itemIdParam = idField();

/**
 * A product write as the product page's Save makes it, in one immediate transaction: the product
 * as the page would load it (a new product's defaults when `sku` names none and `create` is
 * set), the fields the request names merged over it, the whole parsed with the page's schema,
 * then saveProduct (inventory-rules §8, the index, the audit). Nothing can change between the check and
 * the write, and a refusal stores nothing.
 */
async function writeProduct(
  db: Db,
  target: { sku: string; create: boolean },
  write: ProductWrite,
  paths: BodyPaths,
  actor: AuditEntry["actor"],
): Promise<ProductEditData> {
  return transaction(db, async (tx) => {
      const current = await getProductForEdit(tx, { sku: target.sku });
      if (!current && !target.create) throw productNotFound();
      const form = current ?? await getNewProductForm(tx);
      const { stockItem, ...product } = parseProductForm(
        { ...form.values, ...write.product, stockItem: { ...form.values.stockItem, ...write.stockItem } },
        paths,
      );
      const legacyQtyWrite = write.stockItem.qty !== undefined || write.stockItem.isInStock !== undefined;
      const sources = !form.singleSourceMode && legacyQtyWrite ? withDefaultSourceItem(current?.sourceItems ?? [], stockItem) : undefined;
      const saved = await saveProduct(tx, { id: current?.id, product, stockItem, sources, actor });
      return (await getProductForEdit(tx, { id: saved.id }))!;
  });
}

/**
 * Magento's legacy stock item sync in multi-source mode (UpdateSourceItemBasedOnLegacyStockItem):
 * a stock item's qty and is_in_stock are the default source item's, so writing them saves that
 * item, assigning the product to the default source when it was not. The other source items stay
 * as they are; all go through the product page's own save of its assigned sources.
 */
function withDefaultSourceItem(items: readonly ProductSourceItem[], { qty, isInStock }: StockItemValues): SourceAssignment[] {
  const rows = items.map(
    (item): SourceAssignment => ({
      sourceCode: item.sourceCode,
      qty: item.quantity,
      isInStock: item.status === 1,
      notifyUseDefault: item.notifyStockQty === null,
      notifyStockQty: item.notifyStockQty,
    }),
  );
  const own = rows.find((row) => row.sourceCode === DEFAULT_SOURCE_CODE);
  if (own) return rows.map((row) => (row === own ? { ...row, qty, isInStock } : row));
  return [...rows, { sourceCode: DEFAULT_SOURCE_CODE, qty, isInStock, notifyUseDefault: true, notifyStockQty: null }];
}

/** A product form field the save refused ("stockItem.minQty"), as the body names it. */
const bodyFieldOf = (paths: BodyPaths) => (field: string) => bodyPath(field.split("."), paths).join(".");

async function findProduct(db: Conn, sku: string): Promise<ProductEditData> {
  const product = await getProductForEdit(db, { sku });
  if (!product) throw productNotFound();
  return product;
}

export const productRoutes: RestRoute[] = [
  restRoute({
    method: "GET",
    path: "products",
    resource: PRODUCTS,
    query: searchCriteriaQuery(PRODUCT_SEARCH_FIELDS),
    response: searchResultsAnswer(productListAnswer),
    async handler({ db, query }) {
      const criteria = searchCriteriaOf(query, PRODUCT_SEARCH_FIELDS);
      const { items, total } = await listProducts(db, criteria);
      return listAnswer(items.map(productListData), criteria, total);
    },
  }),
  restRoute({
    method: "GET",
    path: "products/:sku",
    resource: PRODUCTS,
    response: productAnswer,
    handler: async ({ db, params }) => productData(await findProduct(db, params.sku)),
  }),
  restRoute({
    // Magento's save: a new SKU creates the product, a known one is updated with the fields sent.
    method: "POST",
    path: "products",
    resource: PRODUCTS,
    body: productRequest,
    response: productAnswer,
    bodyPath: bodyFieldOf(PRODUCT_BODY),
    async handler({ db, body, admin }) {
      const { product: write } = await body();
      return productData(await writeProduct(db, { sku: write.product.sku ?? "", create: true }, write, PRODUCT_BODY, admin));
    },
  }),
  restRoute({
    // The URL names the product; a `sku` in the body renames it, as the product page can.
    method: "PUT",
    path: "products/:sku",
    resource: PRODUCTS,
    body: productRequest,
    response: productAnswer,
    bodyPath: bodyFieldOf(PRODUCT_BODY),
    async handler({ db, body, params, admin }) {
      const { product: write } = await body();
      return productData(await writeProduct(db, { sku: params.sku, create: false }, write, PRODUCT_BODY, admin));
    },
  }),
  restRoute({
    method: "DELETE",
    path: "products/:sku",
    resource: PRODUCTS,
    response: doneAnswer,
    async handler({ db, params, admin }) {
      await deleteProduct(db, params.sku, admin);
      return true;
    },
  }),
  restRoute({
    // Before stockItems/:productSku, which would read "lowStock" as a SKU (Magento's router also
    // matches the literal path first). Magento's query parameters and its StockItemCollection answer.
    method: "GET",
    path: "stockItems/lowStock",
    resource: STOCK_ITEMS,
    query: lowStockItemsQuerySchema,
    response: lowStockAnswer,
    async handler({ db, query }) {
      const criteria = parseOr400(lowStockItemsQuerySchema, Object.fromEntries(query));
      const { items, total } = await listLowStockItems(db, criteria);
      return {
        items: items.map(stockItemData),
        search_criteria: {
          scope_id: criteria.scopeId,
          qty: criteria.qty,
          current_page: criteria.currentPage,
          page_size: criteria.pageSize,
        },
        total_count: total,
      };
    },
  }),
  restRoute({
    method: "GET",
    path: "stockItems/:productSku",
    resource: STOCK_ITEMS,
    response: stockItemAnswer,
    handler: async ({ db, params }) => stockItemData(await findProduct(db, params.productSku)),
  }),
  restRoute({
    // Magento answers this one anonymously; Stockroom asks for a token like every other call.
    method: "GET",
    path: "stockStatuses/:productSku",
    resource: STOCK_ITEMS,
    response: stockStatusAnswer,
    handler: ({ db, params }) =>
      readSnapshot(db, async (snap) => {
        const product = await findProduct(snap, params.productSku);
        const { effective, snapshot } = await getStockSalability(snap, params.productSku, DEFAULT_STOCK_ID);
        return stockStatusData(product, isSalable(effective, snapshot));
      }),
  }),
  restRoute({
    // Changes only the fields named. As in Magento the URL's item id is checked for form and
    // otherwise ignored (clients send 1 for any product): the SKU names the item. Answers its id.
    method: "PUT",
    path: "products/:productSku/stockItems/:itemId",
    resource: STOCK_ITEMS,
    body: stockItemRequest,
    response: idAnswer,
    bodyPath: bodyFieldOf(STOCK_ITEM_BODY),
    async handler({ db, body, params, admin }) {
      parseOr400(itemIdParam, params.itemId, "itemId");
      const { stockItem } = await body();
      const saved = await writeProduct(db, { sku: params.productSku, create: false }, { product: {}, stockItem }, STOCK_ITEM_BODY, admin);
      return saved.id;
    },
  }),
];
