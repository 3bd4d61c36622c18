import { getTableName, sql } from "drizzle-orm";
import { engineKind, execute, transaction, type Db } from "./connection";
import {
  auditLog,
  configData,
  configHistory,
  effectiveInventory,
  orderItems,
  orders,
  productInventory,
  products,
  reservations,
  reservationTotals,
  salableIndex,
  shipmentItems,
  shipments,
  sourceItems,
  sources,
  stockSalesChannels,
  stockSourceLinks,
  stocks,
  storeGroups,
  stores,
  websites,
} from "./schema";
import { seed, type SeedKind } from "./seed";

// Every data table, children first; admin users and their sessions survive a reset.
const DATA_TABLES = [
  salableIndex,
  effectiveInventory,
  shipmentItems,
  shipments,
  orderItems,
  orders,
  reservationTotals,
  reservations,
  sourceItems,
  productInventory,
  products,
  stockSalesChannels,
  stockSourceLinks,
  stocks,
  sources,
  configHistory,
  configData,
  auditLog,
  stores,
  storeGroups,
  websites,
] as const;

/** Empties every data table and seeds again, in one transaction: a reader never sees half. */
export async function resetDatabase(db: Db, kind: SeedKind): Promise<void> {
  await transaction(db, async (tx) => {
      for (const table of DATA_TABLES) await tx.delete(table);
      // Ids start again from 1, as in a new database.
      const names = DATA_TABLES.map((table) => getTableName(table));
      if (engineKind(tx) === "pg") {
        // ALTER SEQUENCE … RESTART is rolled back with the transaction (setval would not be).
        const owned = await execute<{ sequence: string }>(
          tx,
          sql`SELECT pg_get_serial_sequence(quote_ident(table_name), column_name) AS sequence
                FROM information_schema.columns
               WHERE table_schema = current_schema() AND is_identity = 'YES'
                 AND table_name IN (${sql.join(names.map((name) => sql`${name}`), sql`, `)})`,
        );
        for (const { sequence } of owned) await execute(tx, sql`ALTER SEQUENCE ${sql.raw(sequence)} RESTART`);
      } else {
        await execute(tx, sql`DELETE FROM sqlite_sequence WHERE name IN (${sql.join(names.map((name) => sql`${name}`), sql`, `)})`);
      }
      await seed(tx, kind);
    },
  );
}
