import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { StockReservations } from "@/db/queries/reservations";
import { formatQuantity } from "@/lib/i18n/format";

/**
 * Why Salable Quantity differs from Quantity (inventory-rules §2, §7): per stock, each order still holding
 * a reservation of this SKU, with its events, and the stock's reserved total.
 */
export function ReservationsPanel({ stocks }: { stocks: StockReservations[] }) {
  const t = useTranslations("Products.reservations");
  const locale = useLocale();
  const qty = (n: number) => formatQuantity(n, locale);
  const signed = (n: number) => (n > 0 ? `+${qty(n)}` : qty(n));
  return (
    <section aria-labelledby="reservations-title" className="border border-line bg-white p-5">
      <h2 id="reservations-title" className="text-xl font-light">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm text-muted">{t("intro")}</p>
      {stocks.length === 0 && <p className="mt-3 text-sm">{t("none")}</p>}
      {stocks.map((stock) => (
        <table key={stock.stockId} className="mt-4 w-full border-collapse text-sm">
          <caption className="py-1 text-left font-semibold">{t("caption", { stock: stock.stockName, qty: qty(stock.total) })}</caption>
          <thead className="bg-[#f0f0f0] text-left">
            <tr>
              <th scope="col" className="px-3 py-1.5">{t("order")}</th>
              <th scope="col" className="px-3 py-1.5">{t("events")}</th>
              <th scope="col" className="px-3 py-1.5 text-right">{t("reserved")}</th>
            </tr>
          </thead>
          <tbody>
            {stock.open.length === 0 && (
              <tr>
                <td colSpan={3} className="px-3 py-2 text-muted">
                  {t("noOpen")}
                </td>
              </tr>
            )}
            {stock.open.map((r, i) => (
              <tr key={r.orderId ?? `missing-${i}`} className="border-t border-line">
                <td className="px-3 py-1.5">
                  {r.orderId === null ? (
                    t("orderGone")
                  ) : (
                    <Link href={`/admin/sales/order/view/order_id/${r.orderId}`} className="text-link underline hover:no-underline">
                      #{r.incrementId}
                    </Link>
                  )}
                </td>
                <td className="px-3 py-1.5">{r.events.map((e) => `${t(`event.${e.type}`)} ${signed(e.quantity)}`).join(", ")}</td>
                <td className="px-3 py-1.5 text-right">{qty(r.quantity)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-line font-semibold">
              <th scope="row" colSpan={2} className="px-3 py-1.5 text-left">
                {stock.openCount > stock.open.length ? t("totalShown", { shown: stock.open.length, count: stock.openCount }) : t("total")}
              </th>
              <td className="px-3 py-1.5 text-right">{qty(stock.total)}</td>
            </tr>
          </tfoot>
        </table>
      ))}
    </section>
  );
}
