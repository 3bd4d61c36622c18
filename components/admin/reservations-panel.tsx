import Link from "next/link";
import type { ReservationEvent, StockReservations } from "@/db/queries/reservations";
import { formatQty, RESERVATION_EVENT_LABELS } from "@/lib/inventory";

const signed = (n: number) => (n > 0 ? `+${formatQty(n)}` : formatQty(n));

function events(list: ReservationEvent[]) {
  return list.map((e) => `${RESERVATION_EVENT_LABELS[e.type]} ${signed(e.quantity)}`).join(", ");
}

/**
 * Why Salable Quantity differs from Quantity (inventory-rules §2, §7): per stock, each order still holding
 * a reservation of this SKU, with its events, and the stock's reserved total.
 */
export function ReservationsPanel({ stocks }: { stocks: StockReservations[] }) {
  return (
    <section aria-labelledby="reservations-title" className="border border-line bg-white p-5">
      <h2 id="reservations-title" className="text-xl font-light">
        Reservations
      </h2>
      <p className="mt-1 text-sm text-muted">
        Orders placed reserve stock until they ship or are canceled; the reserved total is what Salable Quantity takes
        off the Quantity.
      </p>
      {stocks.length === 0 && <p className="mt-3 text-sm">No reservations.</p>}
      {stocks.map((stock) => (
        <table key={stock.stockId} className="mt-4 w-full border-collapse text-sm">
          <caption className="py-1 text-left font-semibold">
            {stock.stockName}: {formatQty(stock.total)} reserved
          </caption>
          <thead className="bg-[#f0f0f0] text-left">
            <tr>
              <th scope="col" className="px-3 py-1.5">Order</th>
              <th scope="col" className="px-3 py-1.5">Events</th>
              <th scope="col" className="px-3 py-1.5 text-right">Reserved</th>
            </tr>
          </thead>
          <tbody>
            {stock.open.length === 0 && (
              <tr>
                <td colSpan={3} className="px-3 py-2 text-muted">
                  No open reservations.
                </td>
              </tr>
            )}
            {stock.open.map((r, i) => (
              <tr key={r.orderId ?? `missing-${i}`} className="border-t border-line">
                <td className="px-3 py-1.5">
                  {r.orderId === null ? (
                    "(order no longer exists)"
                  ) : (
                    <Link href={`/admin/sales/order/view/order_id/${r.orderId}`} className="text-link underline hover:no-underline">
                      #{r.incrementId}
                    </Link>
                  )}
                </td>
                <td className="px-3 py-1.5">{events(r.events)}</td>
                <td className="px-3 py-1.5 text-right">{formatQty(r.quantity)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-line font-semibold">
              <th scope="row" colSpan={2} className="px-3 py-1.5 text-left">
                Total{stock.openCount > stock.open.length && ` (${stock.open.length} of ${stock.openCount} open orders shown)`}
              </th>
              <td className="px-3 py-1.5 text-right">{formatQty(stock.total)}</td>
            </tr>
          </tfoot>
        </table>
      ))}
    </section>
  );
}
