import "server-only";
import { transaction, type Db } from "@/db/connection";
import type { AuditEntry } from "@/db/queries/audit";
import { deleteProduct, saveProduct } from "@/db/queries/product-save";
import { getNewProductForm, getProductForEdit, type ProductEditData } from "@/db/queries/product-page";
import { listProducts, PRODUCT_SEARCH_FIELDS } from "@/db/queries/product-search";
import { productNotFound } from "@/lib/refusal";
import { idField } from "@/lib/validation/fields";
import { parseOr400, requestBody } from "../body";
import { listAnswer, searchCriteriaOf } from "../list";
import { productData, productListData, stockItemData } from "../magento";
import {
  bodyError,
  bodyPath,
  parseProductForm,
  PRODUCT_BODY,
  productBody,
  STOCK_ITEM_BODY,
  stockItemBody,
  type BodyPaths,
  type ProductWrite,
} from "../product-body";
import type { RestRoute } from "../router";

const PRODUCTS = "Magento_Catalog::products";
const STOCK_ITEMS = "Magento_CatalogInventory::cataloginventory";

/** Spec REST note: in multi-source mode a product's quantities are its source items'. */
const QTY_IN_SOURCE_ITEMS =
  "Quantities and stock statuses live in source items in multi-source mode: set them with POST /V1/inventory/source-items.";

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
      if (!form.singleSourceMode) {
        const named = (["qty", "isInStock"] as const).filter((field) => write.stockItem[field] !== undefined);
        if (named.length > 0) {
          throw bodyError(
            named.map((field) => ({ code: "custom", path: ["stockItem", field], message: QTY_IN_SOURCE_ITEMS, input: undefined })),
            paths,
          );
        }
      }
      const { stockItem, ...product } = parseProductForm(
        { ...form.values, ...write.product, stockItem: { ...form.values.stockItem, ...write.stockItem } },
        paths,
      );
      const saved = await saveProduct(tx, { id: current?.id, product, stockItem, actor });
      return (await getProductForEdit(tx, { id: saved.id }))!;
  });
}

/** A product form field the save refused ("stockItem.minQty"), as the body names it. */
const bodyFieldOf = (paths: BodyPaths) => (field: string) => bodyPath(field.split("."), paths).join(".");

async function findProduct(db: Db, sku: string): Promise<ProductEditData> {
  const product = await getProductForEdit(db, { sku });
  if (!product) throw productNotFound();
  return product;
}

export const productRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "products",
    resource: PRODUCTS,
    async handler({ db, query }) {
      const criteria = searchCriteriaOf(query, PRODUCT_SEARCH_FIELDS);
      const { items, total } = await listProducts(db, criteria);
      return listAnswer(items.map(productListData), criteria, total);
    },
  },
  {
    method: "GET",
    path: "products/:sku",
    resource: PRODUCTS,
    handler: async ({ db, params }) => productData(await findProduct(db, params.sku)),
  },
  {
    // Magento's save: a new SKU creates the product, a known one is updated with the fields sent.
    method: "POST",
    path: "products",
    resource: PRODUCTS,
    bodyPath: bodyFieldOf(PRODUCT_BODY),
    async handler({ db, json, admin }) {
      const { product: write } = parseOr400(productRequest, await json());
      return productData(await writeProduct(db, { sku: write.product.sku ?? "", create: true }, write, PRODUCT_BODY, admin));
    },
  },
  {
    // The URL names the product; a `sku` in the body renames it, as the product page can.
    method: "PUT",
    path: "products/:sku",
    resource: PRODUCTS,
    bodyPath: bodyFieldOf(PRODUCT_BODY),
    async handler({ db, json, params, admin }) {
      const { product: write } = parseOr400(productRequest, await json());
      return productData(await writeProduct(db, { sku: params.sku, create: false }, write, PRODUCT_BODY, admin));
    },
  },
  {
    method: "DELETE",
    path: "products/:sku",
    resource: PRODUCTS,
    async handler({ db, params, admin }) {
      await deleteProduct(db, params.sku, admin);
      return true;
    },
  },
  {
    method: "GET",
    path: "stockItems/:productSku",
    resource: STOCK_ITEMS,
    handler: async ({ db, params }) => stockItemData(await findProduct(db, params.productSku)),
  },
  {
    // Changes only the fields named. As in Magento the URL's item id is checked for form and
    // otherwise ignored (clients send 1 for any product): the SKU names the item. Answers its id.
    method: "PUT",
    path: "products/:productSku/stockItems/:itemId",
    resource: STOCK_ITEMS,
    bodyPath: bodyFieldOf(STOCK_ITEM_BODY),
    async handler({ db, json, params, admin }) {
      parseOr400(itemIdParam, params.itemId, "itemId");
      const { stockItem } = parseOr400(stockItemRequest, await json());
      const saved = await writeProduct(db, { sku: params.productSku, create: false }, { product: {}, stockItem }, STOCK_ITEM_BODY, admin);
      return saved.id;
    },
  },
];
