import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/admin/format";
import { GridPager, SortHeader } from "@/components/admin/grid-controls";
import { PageHeader } from "@/components/admin/page-header";
import { getDb } from "@/server/db";
import { listOrders, ORDER_SORTS, type OrderSort } from "@/db/queries/order-views";
import { requireAdmin } from "@/server/auth/guard";
import { formatQty, ORDER_STATUS_LABELS } from "@/lib/inventory";
import { parseGridParams } from "@/lib/validation/grid";

export const metadata: Metadata = { title: "Orders" };
export const dynamic = "force-dynamic";

const PATH = "/admin/sales/order";

const COLUMNS: { column: OrderSort; label: string; align?: "right" }[] = [
  { column: "increment_id", label: "ID" },
  { column: "created_at", label: "Purchase Date" },
  { column: "skus", label: "SKU(s)" },
  { column: "ordered", label: "Ordered", align: "right" },
  { column: "backordered", label: "Backordered", align: "right" },
  { column: "status", label: "Status" },
];

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const params = parseGridParams(await searchParams, ORDER_SORTS, { sort: "created_at", dir: "desc" });
  const { rows, total } = await listOrders(await getDb(), {
    sort: params.sort,
    dir: params.dir,
    limit: params.limit,
    offset: (params.page - 1) * params.limit,
  });
  return (
    <>
      <PageHeader title="Orders" />
      <GridPager path={PATH} params={params} total={total} />
      <table className="w-full border-collapse border border-line bg-white text-sm">
        <caption className="sr-only">Orders</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <SortHeader key={c.column} label={c.label} column={c.column} path={PATH} params={params} align={c.align} />
            ))}
            <th scope="col" className="bg-menu px-3 py-2 text-left font-semibold text-white">
              Action
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length + 1} className="px-3 py-6 text-center text-muted">
                We couldn&apos;t find any records.
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-line odd:bg-[#f5f5f5]">
              <td className="px-3 py-2">{row.incrementId}</td>
              <td className="px-3 py-2">{formatDateTime(row.createdAt)}</td>
              <td className="px-3 py-2">{row.skus}</td>
              <td className="px-3 py-2 text-right">{formatQty(row.ordered)}</td>
              <td className="px-3 py-2 text-right">{formatQty(row.backordered)}</td>
              <td className="px-3 py-2">{ORDER_STATUS_LABELS[row.status]}</td>
              <td className="px-3 py-2">
                <Link
                  href={`${PATH}/view/order_id/${row.id}`}
                  aria-label={`View order ${row.incrementId}`}
                  className="text-link underline hover:no-underline"
                >
                  View
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
