"use server";

import { placeOrder } from "@/db/queries/orders";
import { addToCartSchema } from "@/lib/validation/order";
import { serverAction } from "@/server/action";

/**
 * Add to Cart places a preview order at once (there is no checkout). The preview is the
 * merchant's tool: the wrapper refuses a request without an admin session before anything is
 * read, and the order and its audit entry name the admin who placed it. Nothing but the store
 * code, SKU and quantity is taken from the request.
 */
export const addToCart = serverAction({
  resource: "Stockroom_Preview::preview",
  schema: addToCartSchema,
  run: ({ storeCode, sku, qty }, { db, admin }) => placeOrder(db, { storeCode, items: [{ sku, qty }], actor: admin, via: "preview" }),
  // Inventory-rules §4: the shopper sees a refusal of the line at the Qty box.
  fieldName: (path) => (path.endsWith(".qty") ? "qty" : undefined),
  // Every page shows stock (storefront labels, grids, dashboard, reports): all render per
  // request, and this re-renders the current one in the same response so labels update at once.
  revalidate: ["/"],
  done: (placed) => ({
    message: `You added ${placed.order.items[0].name} to your shopping cart.`,
    data: { notices: placed.notices },
  }),
});
