import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { GridPager } from "@/components/admin/grid-controls";
import { PageHeader } from "@/components/admin/page-header";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/server/db";
import { countLowStock, listLowStock } from "@/db/queries/low-stock";
import { requireResource } from "@/server/auth/guard";
import { formatQuantity } from "@/lib/i18n/format";
import { round4 } from "@/lib/inventory";
import { parseGridParams } from "@/lib/validation/grid";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Reports.lowStock");
  return { title: t("title") };
}

export const dynamic = "force-dynamic";

const PATH = "/admin/reports/report_product/lowstock";
const cell = "px-3 py-2";
const head = "bg-menu px-3 py-2 font-semibold text-white";

/** Reports > Products > Low Stock (inventory-rules §9), paged in SQL, sorted by quantity ascending. */
export default async function LowStockPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireResource("Magento_Reports::lowstock");
  const params = parseGridParams(await searchParams, ["quantity"], { sort: "quantity", dir: "asc" });
  const db = await getDb();
  const total = await countLowStock(db);
  const rows = await listLowStock(db, { limit: params.limit, offset: (params.page - 1) * params.limit });
  const t = await getTranslations("Reports.lowStock");
  const common = await getTranslations("Common");
  const locale = await getLocale();
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <a href="/admin/reports/report_product/exportLowstockCsv" className={buttonClass("primary")}>
            {t("exportCsv")}
          </a>
        }
      />
      <p className="mt-4 text-sm text-muted">{t("description")}</p>
      <GridPager path={PATH} params={params} total={total} />
      <table className="w-full border-collapse border border-line bg-white text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className={`${head} text-left`}>
              {t("product")}
            </th>
            <th scope="col" className={`${head} text-left`}>
              {t("sku")}
            </th>
            <th scope="col" aria-sort="ascending" className={`${head} text-right`}>
              {t("quantity")}
            </th>
            <th scope="col" className={`${head} text-left`}>
              {t("sourceCode")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={4} className="px-3 py-6 text-center text-muted">
                {common("noRecords")}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={`${row.sku}|${row.sourceCode}`} className="border-b border-line odd:bg-[#f5f5f5]">
              <td className={cell}>{row.productName}</td>
              <td className={cell}>{row.sku}</td>
              <td className={`${cell} text-right`}>{formatQuantity(round4(row.quantity), locale)}</td>
              <td className={cell}>{row.sourceCode}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
