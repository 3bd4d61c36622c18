import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { getDb } from "@/server/db";
import { getDashboardFigures } from "@/db/queries/dashboard";
import { requireAdmin } from "@/server/auth/guard";
import { formatQty } from "@/lib/inventory";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  await requireAdmin();
  const f = await getDashboardFigures(await getDb());
  const tiles = [
    { label: "Products", value: f.products, note: "in the catalog" },
    { label: "Salable", value: f.salable, note: `can be bought from ${f.stockName}` },
    { label: "Out of stock", value: f.outOfStock, note: "not salable right now" },
    { label: "Low stock", value: f.lowStock, note: "source items under Notify for Quantity Below" },
    { label: "Units on backorder", value: f.unitsOnBackorder, note: "sold beyond physical stock" },
    { label: "No manage stock", value: f.noManageStock, note: "quantity not tracked" },
  ];
  return (
    <>
      <PageHeader title="Dashboard" />
      <section aria-label="Catalog figures" className="mt-6 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {tiles.map((t) => (
          <div key={t.label} className="border border-line bg-white p-5">
            <h2 className="text-sm font-semibold text-muted">{t.label}</h2>
            <p className="mt-2 text-4xl font-light" data-testid={`figure-${t.label.toLowerCase().replaceAll(" ", "-")}`}>
              {formatQty(t.value)}
            </p>
            <p className="mt-1 text-xs text-muted">{t.note}</p>
          </div>
        ))}
      </section>
    </>
  );
}
