"use server";

import { cancelOrder, shipOrder } from "@/db/queries/orders";
import { orderIdSchema, shipOrderSchema } from "@/lib/validation/order";
import { serverAction } from "@/server/action";

/** Cancel: returns the order's open quantity to salable (inventory-rules §7). */
export const cancelOrderAction = serverAction({
  resource: "Magento_Sales::cancel",
  schema: orderIdSchema,
  run: ({ orderId }, { db, admin }) => cancelOrder(db, { orderId, actor: admin }),
  // Salable figures change everywhere: storefront, grids, dashboard, this order.
  revalidate: ["/"],
  done: () => ({ message: "You canceled the order." }),
});

/** Ship: everything still open, from the chosen source (inventory-rules §7); refused with nothing changed. */
export const shipOrderAction = serverAction({
  resource: "Magento_Sales::ship",
  schema: shipOrderSchema,
  run: (input, { db, admin }) => shipOrder(db, { ...input, actor: admin }),
  revalidate: ["/"],
  done: () => ({ message: "The shipment has been created." }),
});
