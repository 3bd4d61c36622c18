import { sql } from "drizzle-orm";
import { transaction, type Db } from "./connection";
import { seed, type SeedKind } from "./seed";

// Every data table, children first; admin users and their sessions survive a reset.
const DATA_TABLES = [
  "salable_index",
  "effective_inventory",
  "shipment_items",
  "shipments",
  "order_items",
  "orders",
  "reservation_totals",
  "reservations",
  "source_items",
  "product_inventory",
  "products",
  "stock_sales_channels",
  "stock_source_links",
  "stocks",
  "sources",
  "config_history",
  "config_data",
  "audit_log",
  "stores",
  "store_groups",
  "websites",
] as const;

/** Empties every data table and seeds again, in one transaction: a reader never sees half. */
export async function resetDatabase(db: Db, kind: SeedKind): Promise<void> {
  await transaction(db, async (tx) => {
      for (const table of DATA_TABLES) tx.run(sql.raw(`DELETE FROM ${table}`));
      tx.run(sql.raw(`DELETE FROM sqlite_sequence WHERE name IN (${DATA_TABLES.map((t) => `'${t}'`).join(",")})`));
      await seed(tx, kind);
    },
  );
}

