import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/server/db";
import { listSources, type SourceRow } from "@/db/queries/sources";
import { requireAdmin } from "@/server/auth/guard";
import { Grid, type GridColumn } from "../_components/grid";
import { gridCriteria, type GridSearchParams } from "../_components/grid-criteria";

export const metadata: Metadata = { title: "Sources" };
export const dynamic = "force-dynamic";

const COLUMNS: GridColumn<SourceRow>[] = [
  { label: "Code", sortField: "source_code", cell: (s) => s.code },
  { label: "Name", sortField: "name", cell: (s) => s.name },
  { label: "Is Enabled", sortField: "enabled", cell: (s) => (s.enabled ? "Enabled" : "Disabled") },
  { label: "Country", sortField: "country_id", cell: (s) => s.countryId },
  { label: "Postcode", sortField: "postcode", cell: (s) => s.postcode },
  {
    label: "Action",
    cell: (s) => (
      <Link
        className={buttonClass("link")}
        href={`/admin/inventory/source/edit/source_code/${encodeURIComponent(s.code)}`}
        aria-label={`Edit ${s.name}`}
      >
        Edit
      </Link>
    ),
  },
];

export default async function SourcesPage({ searchParams }: { searchParams: Promise<GridSearchParams> }) {
  await requireAdmin();
  const { state, criteria } = gridCriteria(await searchParams, {
    sortable: ["source_code", "name", "enabled", "country_id", "postcode"],
    defaultSort: "source_code",
    keywordFields: ["source_code", "name"],
  });
  const { items, total } = await listSources(await getDb(), criteria);
  return (
    <>
      <PageHeader
        title="Sources"
        actions={
          <Link href="/admin/inventory/source/new" className={buttonClass("primary")}>
            Add New Source
          </Link>
        }
      />
      <Grid
        basePath="/admin/inventory/source"
        caption="Sources"
        columns={COLUMNS}
        rows={items}
        rowKey={(s) => s.code}
        total={total}
        state={state}
      />
    </>
  );
}
