import { getTableName, isNull, ne, or, sql } from "drizzle-orm";
import { ADMINISTRATORS_ROLE_ID } from "@/lib/auth/acl";
import { engineKind, execute, transaction, type Db } from "./connection";
import {
  adminRoles,
  adminUsers,
  auditLog,
  auditLogSkus,
  creditmemoItems,
  creditmemos,
  stockAlerts,
  webhookAttempts,
  webhookDeliveries,
  webhooks,
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

// Every data table, children first; the accounts of the built-in Administrators role and their sessions survive a reset.
const DATA_TABLES = [
  webhookAttempts,
  webhookDeliveries,
  webhooks,
  stockAlerts,
  salableIndex,
  effectiveInventory,
  creditmemoItems,
  creditmemos,
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
  auditLogSkus,
  auditLog,
  stores,
  storeGroups,
  websites,
] as const;

/**
 * Empties every data table and seeds again, in one transaction: a reader never sees half. The
 * roles made since and their users go too (once nothing they did is left to name them), so
 * whoever resets can still sign in, and a spec's users and roles never meet the next spec.
 */
export async function resetDatabase(db: Db, kind: SeedKind): Promise<void> {
  await transaction(db, async (tx) => {
      for (const table of DATA_TABLES) await tx.delete(table);
      await tx.delete(adminUsers).where(or(isNull(adminUsers.roleId), ne(adminUsers.roleId, ADMINISTRATORS_ROLE_ID)));
      await tx.delete(adminRoles).where(ne(adminRoles.id, ADMINISTRATORS_ROLE_ID));
      // The administrators who stay speak English again: a spec that switched to Dutch never leaves it to the next.
      await tx.update(adminUsers).set({ interfaceLocale: "en_US" });
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
