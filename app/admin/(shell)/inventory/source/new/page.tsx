import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireResource } from "@/server/auth/guard";
import { SourceForm } from "../_components/source-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Inventory"))("sources.newSource") };
}
export const dynamic = "force-dynamic";

export default async function NewSourcePage() {
  await requireResource("Magento_InventoryApi::source_edit");
  const t = await getTranslations("Inventory.sources");
  return (
    <SourceForm
      title={t("newSource")}
      originalCode={null}
      defaults={{ source_code: "", name: "", enabled: true, description: "", country_id: "US", postcode: "" }}
    />
  );
}
