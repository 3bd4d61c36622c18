import type { Metadata } from "next";
import { getDb } from "@/server/db";
import { getNewProductForm } from "@/db/queries/product-page";
import { requireAdmin } from "@/server/auth/guard";
import { GeneralSection } from "../_components/general-section";
import { ProductForm } from "../_components/product-form";
import { QuantitySection } from "../_components/quantity-section";
import { SourcesSection } from "../_components/sources-section";

export const metadata: Metadata = { title: "New Product" };
export const dynamic = "force-dynamic";

export default async function NewProductPage() {
  await requireAdmin();
  const form = await getNewProductForm(await getDb());
  return (
    <ProductForm
      title="New Product"
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
