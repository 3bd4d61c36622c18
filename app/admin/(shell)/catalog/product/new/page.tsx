import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/server/db";
import { getNewProductForm } from "@/db/queries/product-page";
import { requireResource } from "@/server/auth/guard";
import { GeneralSection } from "../_components/general-section";
import { ProductForm } from "../_components/product-form";
import { QuantitySection } from "../_components/quantity-section";
import { SourcesSection } from "../_components/sources-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Products"))("newProduct") };
}
export const dynamic = "force-dynamic";

export default async function NewProductPage() {
  await requireResource("Magento_Catalog::products", "/admin/catalog/product/new");
  const form = await getNewProductForm(await getDb());
  const t = await getTranslations("Products");
  return (
    <ProductForm
      title={t("newProduct")}
      initial={form.singleSourceMode ? form.values : { ...form.values, sources: form.assignedSources }}
      config={form.config}
      singleSourceMode={form.singleSourceMode}
      statusAutomatic={false}
    >
      <GeneralSection />
      {form.singleSourceMode ? <QuantitySection /> : <SourcesSection sources={form.sources} />}
    </ProductForm>
  );
}
