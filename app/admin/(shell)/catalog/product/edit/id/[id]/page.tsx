import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FlashMessages } from "@/components/admin/flash-messages";
import { ReservationsPanel } from "@/components/admin/reservations-panel";
import { getDb } from "@/server/db";
import { getProductForEdit } from "@/db/queries/product-page";
import { listOpenReservations } from "@/db/queries/reservations";
import { getSellDownPlace } from "@/db/queries/storefront";
import { idField } from "@/lib/validation/fields";
import { requireResource } from "@/server/auth/guard";
import { readFlash } from "@/server/flash";
import { GeneralSection } from "../../../_components/general-section";
import { ProductForm } from "../../../_components/product-form";
import { QuantitySection } from "../../../_components/quantity-section";
import { SalableQuantitySection } from "../../../_components/salable-quantity-section";
import { SellDownSection } from "../../../_components/sell-down-section";
import { SourcesSection } from "../../../_components/sources-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Products"))("editProduct") };
}
export const dynamic = "force-dynamic";

export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  await requireResource("Magento_Catalog::products");
  const db = await getDb();
  // A whole id within the database's integer range (PostgreSQL refuses to compare a larger one).
  const id = idField().safeParse((await params).id);
  const data = id.success ? await getProductForEdit(db, { id: id.data }) : null;
  if (!data) notFound();
  return (
    <ProductForm
      // A save bumps the version: the form starts again from what was stored.
      key={data.lock.version}
      title={data.values.name}
      productId={data.id}
      initial={data.singleSourceMode ? data.values : { ...data.values, sources: data.assignedSources }}
      lock={data.lock}
      config={data.config}
      singleSourceMode={data.singleSourceMode}
      statusAutomatic={data.statusAutomatic}
      // The Default Store View, as the storefront preview shows it without ?store=.
      sellDown={await getSellDownPlace(db, data.values.sku, "default")}
      notice={<FlashMessages messages={await readFlash()} />}
    >
      <GeneralSection />
      {data.singleSourceMode ? <QuantitySection /> : <SourcesSection sources={data.sources} />}
      <SalableQuantitySection salable={data.salable} />
      <ReservationsPanel stocks={await listOpenReservations(db, data.values.sku)} />
      <SellDownSection />
    </ProductForm>
  );
}
