import type { Tx } from "../client";
import { productInventory, products, sourceItems } from "../schema";
import { refreshInventoryIndex } from "./inventory";

export interface NewProduct {
  sku: string;
  name: string;
  price: number;
  typeId?: "simple" | "virtual";
  enabled?: boolean;
  inventory?: Partial<Omit<typeof productInventory.$inferInsert, "productId">>;
  sourceItems?: { sourceCode: string; quantity: number; status: 0 | 1; notifyStockQty?: number | null }[];
}

/** Inserts a product with its Advanced Inventory row and source items, then indexes it. */
export function insertProduct(db: Tx, input: NewProduct): number {
  const { id } = db
    .insert(products)
    .values({ sku: input.sku, name: input.name, price: input.price, typeId: input.typeId, enabled: input.enabled })
    .returning({ id: products.id })
    .get();
  db.insert(productInventory).values({ productId: id, ...input.inventory }).run();
  for (const item of input.sourceItems ?? []) {
    db.insert(sourceItems).values({ sku: input.sku, ...item }).run();
  }
  refreshInventoryIndex(db, [id]);
  return id;
}
