import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { FlashMessages } from "@/components/admin/flash-messages";
import { isAllowed } from "@/lib/auth/acl";
import { formatDateTime, formatQuantity } from "@/lib/i18n/format";
import { Message } from "@/components/ui/message";
import { getDb } from "@/server/db";
import { getOrder, listOrderCreditMemos, listOrderShipments, listShippingSources } from "@/db/queries/order-views";
import { requireResource } from "@/server/auth/guard";
import { readFlash } from "@/server/flash";
import { canRefund, hasOpenQty } from "@/lib/inventory";
import { orderIdParam } from "@/lib/validation/order";
import { CreditMemos } from "./_components/credit-memos";
import { OrderActions } from "./_components/order-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Sales.order");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

const cell = "px-3 py-2";

export default async function OrderViewPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireResource("Magento_Sales::actions_view");
  const t = await getTranslations("Sales");
  const locale = await getLocale();
  const qty = (value: number) => formatQuantity(value, locale);
  // A whole id within the database's integer range (PostgreSQL refuses to compare a larger one).
  const id = orderIdParam.safeParse((await params).id);
  const db = await getDb();
  const order = id.success ? await getOrder(db, id.data) : null;
  if (!order) notFound();
  const shipments = await listOrderShipments(db, order.id);
  const open = hasOpenQty(order.items);
  // The buttons of what the admin's role grants (the actions refuse the others anyway).
  const may = {
    cancel: isAllowed(admin.acl, "Magento_Sales::cancel"),
    ship: isAllowed(admin.acl, "Magento_Sales::ship"),
    creditMemo: isAllowed(admin.acl, "Magento_Sales::creditmemo"),
  };

  return (
    <>
      <OrderActions
        title={t("order.title", { incrementId: order.incrementId })}
        orderId={order.id}
        cancelable={open && may.cancel}
        shippable={open && may.ship}
        refundable={may.creditMemo && canRefund(order.items)}
        sources={open && may.ship ? await listShippingSources(db, order.stockId) : []}
        notice={<FlashMessages messages={await readFlash()} />}
      />
      <p className="mt-4 text-sm">
        <Link href="/admin/sales/order" className="text-link underline hover:no-underline">
          {t("order.backToOrders")}
        </Link>
      </p>

      <section aria-labelledby="order-info" className="mt-6 border border-line bg-white p-5">
        <h2 id="order-info" className="text-xl font-light">
          {t("order.information")}
        </h2>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="font-semibold">{t("order.orderDate")}</dt>
          <dd>{formatDateTime(order.createdAt, locale)}</dd>
          <dt className="font-semibold">{t("order.orderStatus")}</dt>
          <dd data-testid="order-status">{t(`status.${order.status}`)}</dd>
          <dt className="font-semibold">{t("order.purchasedFrom")}</dt>
          <dd>{order.storeName}</dd>
          {order.placedBy && (
            <>
              <dt className="font-semibold">{t("order.placedBy")}</dt>
              <dd data-testid="order-placed-by">
                {order.placedVia
                  ? t("order.placedVia", { name: order.placedBy, channel: t(`order.channel.${order.placedVia}`) })
                  : order.placedBy}
              </dd>
            </>
          )}
        </dl>
        {!order.canSubtract && (
          <div className="mt-3">
            <Message kind="info">{t("order.noSubtract")}</Message>
          </div>
        )}
      </section>

      <section aria-labelledby="order-items" className="mt-6">
        <h2 id="order-items" className="mb-2 text-xl font-light">
          {t("order.itemsOrdered")}
        </h2>
        <table className="w-full border-collapse border border-line bg-white text-sm">
          <thead className="bg-[#f0f0f0] text-left">
            <tr>
              <th scope="col" className={cell}>{t("order.columns.product")}</th>
              <th scope="col" className={cell}>{t("order.columns.sku")}</th>
              <th scope="col" className={`${cell} text-right`}>{t("order.columns.ordered")}</th>
              <th scope="col" className={`${cell} text-right`}>{t("order.columns.backordered")}</th>
              <th scope="col" className={`${cell} text-right`}>{t("order.columns.shipped")}</th>
              <th scope="col" className={`${cell} text-right`}>{t("order.columns.canceled")}</th>
              <th scope="col" className={`${cell} text-right`}>{t("order.columns.refunded")}</th>
            </tr>
          </thead>
          <tbody>
            {order.items.map((item) => (
              <tr key={item.id} className="border-t border-line">
                <td className={cell}>
                  {item.name}
                  {!item.manageStock && <span className="block text-xs text-muted">{t("order.noReservation")}</span>}
                </td>
                <td className={cell}>{item.sku}</td>
                <td className={`${cell} text-right`}>{qty(item.qtyOrdered)}</td>
                <td className={`${cell} text-right`}>{qty(item.qtyBackordered)}</td>
                <td className={`${cell} text-right`}>{qty(item.qtyShipped)}</td>
                <td className={`${cell} text-right`}>{qty(item.qtyCanceled)}</td>
                <td className={`${cell} text-right`}>{qty(item.qtyRefunded)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="order-shipments" className="mt-6">
        <h2 id="order-shipments" className="mb-2 text-xl font-light">
          {t("order.shipments")}
        </h2>
        {shipments.length === 0 ? (
          <p className="text-sm text-muted">{t("order.noShipments")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {shipments.map((s) => (
              <li key={s.id}>
                {t("order.shipmentLine", {
                  date: formatDateTime(s.createdAt, locale),
                  qty: qty(s.totalQty),
                  source: s.sourceName,
                  code: s.sourceCode,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <CreditMemos memos={await listOrderCreditMemos(db, order.id)} />
    </>
  );
}
