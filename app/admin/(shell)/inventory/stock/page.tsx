import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/server/db";
import { assignedSources, listStocks, type AssignedSource, type StockWithChannels } from "@/db/queries/stocks";
import { requireResource } from "@/server/auth/guard";
import { Grid, type GridColumn } from "@/components/admin/grid";
import { gridCriteria, type GridSearchParams } from "@/components/admin/grid-criteria";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Inventory"))("stocks.title") };
}
export const dynamic = "force-dynamic";

type Row = StockWithChannels & { sources: AssignedSource[] };

export default async function StocksPage({ searchParams }: { searchParams: Promise<GridSearchParams> }) {
  await requireResource("Magento_InventoryApi::stock");
  const db = await getDb();
  const { state, criteria } = gridCriteria(await searchParams, {
    sortable: ["stock_id", "name"],
    defaultSort: "stock_id",
    keywordFields: ["name"],
  });
  const { items, total } = await listStocks(db, criteria);
  const sources = await assignedSources(db, items.map((s) => s.id));
  const t = await getTranslations("Inventory.stocks");
  const common = await getTranslations("Common");
  const columns: GridColumn<Row>[] = [
    { label: t("columns.id"), sortField: "stock_id", cell: (s) => s.id },
    { label: t("columns.name"), sortField: "name", cell: (s) => s.name },
    { label: t("columns.salesChannels"), cell: (s) => s.salesChannels.map((c) => c.code).join(", ") || common("none") },
    { label: t("columns.assignedSources"), cell: (s) => s.sources.map((src) => src.name).join(", ") || common("none") },
    {
      label: t("columns.action"),
      cell: (s) => (
        <Link
          className={buttonClass("link")}
          href={`/admin/inventory/stock/edit/id/${s.id}`}
          aria-label={common("editName", { name: s.name })}
        >
          {common("edit")}
        </Link>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <Link href="/admin/inventory/stock/new" className={buttonClass("primary")}>
            {t("addNew")}
          </Link>
        }
      />
      <Grid
        basePath="/admin/inventory/stock"
        caption={t("title")}
        columns={columns}
        rows={items.map((s) => ({ ...s, sources: sources.get(s.id)! }))}
        rowKey={(s) => String(s.id)}
        total={total}
        state={state}
      />
    </>
  );
}
