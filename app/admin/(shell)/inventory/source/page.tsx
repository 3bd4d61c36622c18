import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/server/db";
import { listSources, type SourceRow } from "@/db/queries/sources";
import { requireResource } from "@/server/auth/guard";
import { Grid, type GridColumn } from "@/components/admin/grid";
import { gridCriteria, type GridSearchParams } from "@/components/admin/grid-criteria";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Inventory"))("sources.title") };
}
export const dynamic = "force-dynamic";

export default async function SourcesPage({ searchParams }: { searchParams: Promise<GridSearchParams> }) {
  await requireResource("Magento_InventoryApi::source");
  const { state, criteria } = gridCriteria(await searchParams, {
    sortable: ["source_code", "name", "enabled", "country_id", "postcode"],
    defaultSort: "source_code",
    keywordFields: ["source_code", "name"],
  });
  const { items, total } = await listSources(await getDb(), criteria);
  const t = await getTranslations("Inventory.sources");
  const common = await getTranslations("Common");
  const columns: GridColumn<SourceRow>[] = [
    { label: t("columns.code"), sortField: "source_code", cell: (s) => s.code },
    { label: t("columns.name"), sortField: "name", cell: (s) => s.name },
    { label: t("columns.enabled"), sortField: "enabled", cell: (s) => common(s.enabled ? "enabled" : "disabled") },
    { label: t("columns.country"), sortField: "country_id", cell: (s) => s.countryId },
    { label: t("columns.postcode"), sortField: "postcode", cell: (s) => s.postcode },
    {
      label: t("columns.action"),
      cell: (s) => (
        <Link
          className={buttonClass("link")}
          href={`/admin/inventory/source/edit/source_code/${encodeURIComponent(s.code)}`}
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
          <Link href="/admin/inventory/source/new" className={buttonClass("primary")}>
            {t("addNew")}
          </Link>
        }
      />
      <Grid
        basePath="/admin/inventory/source"
        caption={t("title")}
        columns={columns}
        rows={items}
        rowKey={(s) => s.code}
        total={total}
        state={state}
      />
    </>
  );
}
