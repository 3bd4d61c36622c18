import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime, formatQuantity } from "@/lib/i18n/format";
import { GridPager, SortHeader } from "@/components/admin/grid-controls";
import { PageHeader } from "@/components/admin/page-header";
import { getDb } from "@/server/db";
import { listOrders, ORDER_SORTS, type OrderSort } from "@/db/queries/order-views";
import { requireResource } from "@/server/auth/guard";

import { parseGridParams } from "@/lib/validation/grid";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Sales.orders");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

const PATH = "/admin/sales/order";

type ColumnLabel = "id" | "purchaseDate" | "skus" | "ordered" | "backordered" | "status";

const COLUMNS: { column: OrderSort; label: ColumnLabel; align?: "right" }[] = [
  { column: "increment_id", label: "id" },
  { column: "created_at", label: "purchaseDate" },
  { column: "skus", label: "skus" },
  { column: "ordered", label: "ordered", align: "right" },
  { column: "backordered", label: "backordered", align: "right" },
  { column: "status", label: "status" },
];

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireResource("Magento_Sales::sales_order");
  const t = await getTranslations("Sales");
  const locale = await getLocale();
  const params = parseGridParams(await searchParams, ORDER_SORTS, { sort: "created_at", dir: "desc" });
  const { rows, total } = await listOrders(await getDb(), {
    sort: params.sort,
    dir: params.dir,
    limit: params.limit,
    offset: (params.page - 1) * params.limit,
  });
  return (
    <>
      <PageHeader title={t("orders.title")} />
      <GridPager path={PATH} params={params} total={total} />
      <table className="w-full border-collapse border border-line bg-white text-sm">
        <caption className="sr-only">{t("orders.title")}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <SortHeader key={c.column} label={t(`orders.columns.${c.label}`)} column={c.column} path={PATH} params={params} align={c.align} />
            ))}
            <th scope="col" className="bg-menu px-3 py-2 text-left font-semibold text-white">
              {t("orders.columns.action")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length + 1} className="px-3 py-6 text-center text-muted">
                {t("orders.noRecords")}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-line odd:bg-[#f5f5f5]">
              <td className="px-3 py-2">{row.incrementId}</td>
              <td className="px-3 py-2">{formatDateTime(row.createdAt, locale)}</td>
              <td className="px-3 py-2">{row.skus}</td>
              <td className="px-3 py-2 text-right">{formatQuantity(row.ordered, locale)}</td>
              <td className="px-3 py-2 text-right">{formatQuantity(row.backordered, locale)}</td>
              <td className="px-3 py-2">{t(`status.${row.status}`)}</td>
              <td className="px-3 py-2">
                <Link
                  href={`${PATH}/view/order_id/${row.id}`}
                  aria-label={t("orders.viewOrder", { incrementId: row.incrementId })}
                  className="text-link underline hover:no-underline"
                >
                  {t("orders.view")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
