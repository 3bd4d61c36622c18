import { asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { ReservationEventType } from "@/lib/inventory";
import { engineKind, joinedText, type Conn } from "../connection";
import { orders, reservations, reservationTotals, stocks } from "../schema";

interface ReservationEvent {
  type: ReservationEventType;
  quantity: number;
}

/** What one order still holds against a (sku, stock): its reservations that do not cancel out. */
interface OpenReservation {
  /** The order's entity id, null when the metadata names no order that exists any more. */
  orderId: number | null;
  incrementId: string | null;
  /** The order's events for this SKU, oldest first, each with its signed quantity. */
  events: ReservationEvent[];
  /** Σ of those events: what still reduces (negative) the salable quantity. */
  quantity: number;
}

export interface StockReservations {
  stockId: number;
  stockName: string;
  /** Σ of every reservation of the SKU in this stock (the `reserved` of inventory-rules §2). */
  total: number;
  /** Open orders, newest first, at most `limit`. */
  open: OpenReservation[];
  /** How many orders hold an open reservation in all. */
  openCount: number;
}

/**
 * A field of a reservation's metadata (JSON text), as text. The path is written into the SQL, not
 * bound: PostgreSQL matches a selected expression to the GROUP BY one by its text.
 */
function metadataField(db: Conn, field: "object_id" | "object_type" | "event_type"): SQL<string> {
  return engineKind(db) === "pg"
    ? sql<string>`(${reservations.metadata}::json ->> ${sql.raw(`'${field}'`)})`
    : sql<string>`json_extract(${reservations.metadata}, ${sql.raw(`'$.${field}'`)})`;
}

// PostgreSQL rounds numeric only (not double precision); SQLite's numeric cast leaves the value as it is.
const openSum = sql<number>`round(cast(sum(${reservations.quantity}) as numeric), 4)`.mapWith(Number);

/**
 * The reservations that explain why a SKU's Salable Quantity differs from its Quantity (inventory-rules §2,
 * §7), per stock: each order whose reservations have not yet cancelled out, with its events, and
 * the stock's total. Grouped in SQL over the (sku, stock) index; a long history costs one scan of
 * that SKU's rows, never of the table.
 */
export async function listOpenReservations(db: Conn, sku: string, limit = 50): Promise<StockReservations[]> {
  const totals = await db
    .select({ stockId: reservationTotals.stockId, stockName: stocks.name, total: reservationTotals.quantity })
    .from(reservationTotals)
    .innerJoin(stocks, eq(stocks.id, reservationTotals.stockId))
    .where(eq(reservationTotals.sku, sku))
    .orderBy(asc(reservationTotals.stockId));
  if (totals.length === 0) return [];

  const objectId = metadataField(db, "object_id");
  const event = sql`${metadataField(db, "event_type")} || ':' || ${reservations.quantity}`;
  // Oldest first.
  const events = joinedText(db, event, ",", sql`${reservations.id}`);
  const groups = await db
    .select({
      stockId: reservations.stockId,
      objectId,
      quantity: openSum,
      events,
      latest: sql<number>`max(${reservations.id})`.mapWith(Number),
    })
    .from(reservations)
    .where(eq(reservations.sku, sku))
    .groupBy(reservations.stockId, metadataField(db, "object_type"), objectId)
    .having(sql`${openSum} <> 0`)
    .orderBy(asc(reservations.stockId), sql`max(${reservations.id}) DESC`);

  // Only what can be an order's id is looked up (PostgreSQL refuses to compare an integer column with a larger number).
  const orderIds = [...new Set(groups.map((g) => Number(g.objectId)))].filter(
    (id) => Number.isInteger(id) && Math.abs(id) <= 2 ** 31 - 1,
  );
  const incrementIds = new Map(
    (orderIds.length === 0
      ? []
      : await db.select({ id: orders.id, incrementId: orders.incrementId }).from(orders).where(inArray(orders.id, orderIds))
    ).map((o) => [o.id, o.incrementId]),
  );

  return totals.map(({ stockId, stockName, total }) => {
    const ofStock = groups.filter((g) => g.stockId === stockId);
    return {
      stockId,
      stockName,
      total,
      openCount: ofStock.length,
      open: ofStock.slice(0, limit).map((g) => {
        const incrementId = incrementIds.get(Number(g.objectId)) ?? null;
        return {
          orderId: incrementId === null ? null : Number(g.objectId),
          incrementId,
          quantity: g.quantity,
          events: g.events.split(",").map((part) => {
            const [type, quantity] = part.split(":");
            return { type: type as ReservationEventType, quantity: Number(quantity) };
          }),
        };
      }),
    };
  });
}
