import type { Metadata } from "next";
import { GridPager } from "@/components/admin/grid-controls";
import { PageHeader } from "@/components/admin/page-header";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/server/db";
import { countLowStock, listLowStock } from "@/db/queries/low-stock";
import { requireAdmin } from "@/server/auth/guard";
import { formatQty } from "@/lib/inventory";
import { parseGridParams } from "@/lib/validation/grid";

export const metadata: Metadata = { title: "Low Stock Report" };
export const dynamic = "force-dynamic";

const PATH = "/admin/reports/report_product/lowstock";
const cell = "px-3 py-2";
const head = "bg-menu px-3 py-2 font-semibold text-white";

/** Reports > Products > Low Stock (inventory-rules §9), paged in SQL, sorted by quantity ascending. */
export default async function LowStockPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const params = parseGridParams(await searchParams, ["quantity"], { sort: "quantity", dir: "asc" });
  const db = await getDb();
  const total = await countLowStock(db);
  const rows = await listLowStock(db, { limit: params.limit, offset: (params.page - 1) * params.limit });
  return (
    <>
      <PageHeader
        title="Low Stock Report"
        actions={
          <a href="/admin/reports/report_product/exportLowstockCsv" className={buttonClass("primary")}>
            Export CSV
          </a>
        }
      />
      <p className="mt-4 text-sm text-muted">
        Source items In Stock in an enabled source whose quantity is above 0 and below Notify for Quantity Below (the
        source item&apos;s own value, or the product&apos;s when it uses the default).
      </p>
      <GridPager path={PATH} params={params} total={total} />
      <table className="w-full border-collapse border border-line bg-white text-sm">
        <caption className="sr-only">Low stock source items, lowest quantity first</caption>
        <thead>
          <tr>
            <th scope="col" className={`${head} text-left`}>Product</th>
            <th scope="col" className={`${head} text-left`}>SKU</th>
            <th scope="col" aria-sort="ascending" className={`${head} text-right`}>Quantity</th>
            <th scope="col" className={`${head} text-left`}>Source Code</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={4} className="px-3 py-6 text-center text-muted">
                We couldn&apos;t find any records.
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={`${row.sku}|${row.sourceCode}`} className="border-b border-line odd:bg-[#f5f5f5]">
              <td className={cell}>{row.productName}</td>
              <td className={cell}>{row.sku}</td>
              <td className={`${cell} text-right`}>{formatQty(row.quantity)}</td>
              <td className={cell}>{row.sourceCode}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
