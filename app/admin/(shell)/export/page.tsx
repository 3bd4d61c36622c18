import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { buttonClass } from "@/components/ui/button";
import { countProducts } from "@/db/queries/product-grid";
import { CSV_ENTITIES, type CsvEntity, PRODUCT_CSV_HEADER, STOCK_SOURCE_CSV_HEADER } from "@/lib/catalog-csv";
import { parseExportParams } from "@/lib/validation/export";
import { gridSearchParams, hasFilters, parseGridParams } from "@/lib/validation/product-grid";
import { requireResource } from "@/server/auth/guard";
import { getDb } from "@/server/db";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("System.export");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

/**
 * System > Data Transfer > Export: Products (stock columns) or Stock Sources as CSV, for all
 * products or for the Catalog > Products view its "Export" link carried. The file downloads at
 * once, streamed; the columns are the ones Import reads, so an unchanged file imports as a no-op.
 */
export default async function ExportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireResource("Magento_ImportExport::export", "/admin/export");
  const t = await getTranslations("System");
  const locale = await getLocale();
  const params = await searchParams;
  const { entity } = parseExportParams(params);
  const grid = parseGridParams(params);
  const filtered = hasFilters(grid);
  const db = await getDb();
  const [all, matching] = await Promise.all([countProducts(db, { filters: {} }), filtered ? countProducts(db, grid) : null]);
  const carried = [...gridSearchParams({ ...grid, page: 1, after: undefined, before: undefined }).entries()].filter(
    ([key]) => !["sort", "dir", "limit"].includes(key),
  );
  const select = "mt-1 block w-64 border border-line bg-white px-2 py-2";
  return (
    <>
      <PageHeader title={t("export.title")} />
      <form method="get" action="/admin/export/file" className="mt-6 max-w-2xl space-y-6">
        {carried.map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
        <fieldset className="space-y-4 border border-line bg-white p-4">
          <legend className="px-1 text-lg font-semibold">{t("export.settings")}</legend>
          <label className="block text-sm font-semibold">
            {t("export.entityType")}
            <select name="entity" defaultValue={entity} className={select}>
              {(Object.keys(CSV_ENTITIES) as CsvEntity[]).map((value) => (
                <option key={value} value={value}>
                  {t(`dataTransfer.entities.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <p className="text-sm">
            <span className="font-semibold">{t("export.fileFormat")}</span> CSV
          </p>
          <fieldset className="text-sm">
            <legend className="font-semibold">{t("export.productsToExport")}</legend>
            <label className="mt-1 flex items-center gap-2">
              <input type="radio" name="scope" value="all" defaultChecked={!filtered} />
              {t("export.allProducts", { count: all.toLocaleString(locale) })}
            </label>
            {matching !== null && (
              <label className="mt-1 flex items-center gap-2">
                <input type="radio" name="scope" value="filter" defaultChecked />
                {t("export.matching", { count: matching.toLocaleString(locale) })}
              </label>
            )}
          </fieldset>
        </fieldset>
        <section className="text-sm">
          <h2 className="font-semibold">{t("export.columns")}</h2>
          <p className="mt-1">
            {t("export.productsColumns")} <code>{PRODUCT_CSV_HEADER.join(", ")}</code>
          </p>
          <p className="mt-1">
            {t("export.stockSourcesColumns")} <code>{STOCK_SOURCE_CSV_HEADER.join(", ")}</code>
          </p>
        </section>
        <button type="submit" className={buttonClass("primary")}>
          {t("export.continue")}
        </button>
      </form>
    </>
  );
}
