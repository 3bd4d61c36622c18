import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { getDb } from "@/server/db";
import { getDashboardFigures } from "@/db/queries/dashboard";
import { requireResource } from "@/server/auth/guard";
import { formatQuantity } from "@/lib/i18n/format";
import { round4 } from "@/lib/inventory";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Reports.dashboard");
  return { title: t("title") };
}

export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  await requireResource("Magento_Backend::dashboard");
  const f = await getDashboardFigures(await getDb());
  const t = await getTranslations("Reports.dashboard");
  const locale = await getLocale();
  // `id` names the tile for tests (data-testid), the same in every language.
  const tiles = [
    { id: "products", label: t("products.label"), value: f.products, note: t("products.note") },
    { id: "salable", label: t("salable.label"), value: f.salable, note: t("salable.note", { stock: f.stockName }) },
    { id: "out-of-stock", label: t("outOfStock.label"), value: f.outOfStock, note: t("outOfStock.note") },
    { id: "low-stock", label: t("lowStock.label"), value: f.lowStock, note: t("lowStock.note") },
    { id: "units-on-backorder", label: t("unitsOnBackorder.label"), value: f.unitsOnBackorder, note: t("unitsOnBackorder.note") },
    { id: "no-manage-stock", label: t("noManageStock.label"), value: f.noManageStock, note: t("noManageStock.note") },
  ];
  return (
    <>
      <PageHeader title={t("title")} />
      <section aria-label={t("figures")} className="mt-6 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {tiles.map((tile) => (
          <div key={tile.id} className="border border-line bg-white p-5">
            <h2 className="text-sm font-semibold text-muted">{tile.label}</h2>
            <p className="mt-2 text-4xl font-light" data-testid={`figure-${tile.id}`}>
              {formatQuantity(round4(tile.value), locale)}
            </p>
            <p className="mt-1 text-xs text-muted">{tile.note}</p>
          </div>
        ))}
      </section>
    </>
  );
}
