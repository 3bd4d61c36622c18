import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/server/db";
import { assignedSources, listStocks, type AssignedSource, type StockWithChannels } from "@/db/queries/stocks";
import { requireAdmin } from "@/server/auth/guard";
import { Grid, type GridColumn } from "../_components/grid";
import { gridCriteria, type GridSearchParams } from "../_components/grid-criteria";

export const metadata: Metadata = { title: "Stocks" };
export const dynamic = "force-dynamic";

type Row = StockWithChannels & { sources: AssignedSource[] };

const COLUMNS: GridColumn<Row>[] = [
  { label: "ID", sortField: "stock_id", cell: (s) => s.id },
  { label: "Name", sortField: "name", cell: (s) => s.name },
  { label: "Sales Channels", cell: (s) => s.salesChannels.map((c) => c.code).join(", ") || "None" },
  { label: "Assigned Sources", cell: (s) => s.sources.map((src) => src.name).join(", ") || "None" },
  {
    label: "Action",
    cell: (s) => (
      <Link className={buttonClass("link")} href={`/admin/inventory/stock/edit/id/${s.id}`} aria-label={`Edit ${s.name}`}>
        Edit
      </Link>
    ),
  },
];

export default async function StocksPage({ searchParams }: { searchParams: Promise<GridSearchParams> }) {
  await requireAdmin();
  const db = await getDb();
  const { state, criteria } = gridCriteria(await searchParams, {
    sortable: ["stock_id", "name"],
    defaultSort: "stock_id",
    keywordFields: ["name"],
  });
  const { items, total } = await listStocks(db, criteria);
  const sources = await assignedSources(db, items.map((s) => s.id));
  return (
    <>
      <PageHeader
        title="Stocks"
        actions={
          <Link href="/admin/inventory/stock/new" className={buttonClass("primary")}>
            Add New Stock
          </Link>
        }
      />
      <Grid
        basePath="/admin/inventory/stock"
        caption="Stocks"
        columns={COLUMNS}
        rows={items.map((s) => ({ ...s, sources: sources.get(s.id)! }))}
        rowKey={(s) => String(s.id)}
        total={total}
        state={state}
      />
    </>
  );
}
