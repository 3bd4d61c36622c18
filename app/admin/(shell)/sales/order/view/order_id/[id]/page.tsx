import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/admin/format";
import { Message } from "@/components/ui/message";
import { getDb } from "@/server/db";
import { getOrder, listOrderShipments, listShippingSources, type OrderChannel } from "@/db/queries/order-views";
import { requireAdmin } from "@/server/auth/guard";
import { formatQty, hasOpenQty, ORDER_STATUS_LABELS } from "@/lib/inventory";
import { orderIdParam } from "@/lib/validation/order";
import { OrderActions } from "./_components/order-actions";

export const metadata: Metadata = { title: "Order" };
export const dynamic = "force-dynamic";

const cell = "px-3 py-2";

const CHANNEL_LABELS: Record<OrderChannel, string> = { preview: "storefront preview", rest: "REST API" };

export default async function OrderViewPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  // A whole id within the database's integer range (PostgreSQL refuses to compare a larger one).
  const id = orderIdParam.safeParse((await params).id);
  const db = await getDb();
  const order = id.success ? await getOrder(db, id.data) : null;
  if (!order) notFound();
  const shipments = await listOrderShipments(db, order.id);
  const open = hasOpenQty(order.items);

  return (
    <>
      <OrderActions
        title={`# ${order.incrementId}`}
        orderId={order.id}
        open={open}
        sources={open ? await listShippingSources(db, order.stockId) : []}
      />
      <p className="mt-4 text-sm">
        <Link href="/admin/sales/order" className="text-link underline hover:no-underline">
          Back to Orders
        </Link>
      </p>

      <section aria-labelledby="order-info" className="mt-6 border border-line bg-white p-5">
        <h2 id="order-info" className="text-xl font-light">
          Order &amp; Account Information
        </h2>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="font-semibold">Order Date</dt>
          <dd>{formatDateTime(order.createdAt)}</dd>
          <dt className="font-semibold">Order Status</dt>
          <dd data-testid="order-status">{ORDER_STATUS_LABELS[order.status]}</dd>
          <dt className="font-semibold">Purchased From</dt>
          <dd>{order.storeName}</dd>
          {order.placedBy && (
            <>
              <dt className="font-semibold">Placed By</dt>
              <dd data-testid="order-placed-by">
                {order.placedBy}
                {order.placedVia && ` (${CHANNEL_LABELS[order.placedVia]})`}
              </dd>
            </>
          )}
        </dl>
        {!order.canSubtract && (
          <div className="mt-3">
            <Message kind="info">
              Decrease Stock When Order is Placed was No when this order was placed: it reserved no stock, so cancelling
              it returns nothing to salable.
            </Message>
          </div>
        )}
      </section>

      <section aria-labelledby="order-items" className="mt-6">
        <h2 id="order-items" className="mb-2 text-xl font-light">
          Items Ordered
        </h2>
        <table className="w-full border-collapse border border-line bg-white text-sm">
          <thead className="bg-[#f0f0f0] text-left">
            <tr>
              <th scope="col" className={cell}>Product</th>
              <th scope="col" className={cell}>SKU</th>
              <th scope="col" className={`${cell} text-right`}>Ordered</th>
              <th scope="col" className={`${cell} text-right`}>Backordered</th>
              <th scope="col" className={`${cell} text-right`}>Shipped</th>
              <th scope="col" className={`${cell} text-right`}>Canceled</th>
            </tr>
          </thead>
          <tbody>
            {order.items.map((item) => (
              <tr key={item.id} className="border-t border-line">
                <td className={cell}>
                  {item.name}
                  {!item.manageStock && <span className="block text-xs text-muted">Manage Stock was No: no reservation</span>}
                </td>
                <td className={cell}>{item.sku}</td>
                <td className={`${cell} text-right`}>{formatQty(item.qtyOrdered)}</td>
                <td className={`${cell} text-right`}>{formatQty(item.qtyBackordered)}</td>
                <td className={`${cell} text-right`}>{formatQty(item.qtyShipped)}</td>
                <td className={`${cell} text-right`}>{formatQty(item.qtyCanceled)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="order-shipments" className="mt-6">
        <h2 id="order-shipments" className="mb-2 text-xl font-light">
          Shipments
        </h2>
        {shipments.length === 0 ? (
          <p className="text-sm text-muted">No shipments yet.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {shipments.map((s) => (
              <li key={s.id}>
                {formatDateTime(s.createdAt)}: {formatQty(s.totalQty)} shipped from {s.sourceName} ({s.sourceCode})
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
