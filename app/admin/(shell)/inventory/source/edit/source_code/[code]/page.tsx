import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FlashMessages } from "@/components/admin/flash-messages";
import { getDb } from "@/server/db";
import { getSource } from "@/db/queries/sources";
import { requireResource } from "@/server/auth/guard";
import { readFlash } from "@/server/flash";
import { SourceForm } from "../../../_components/source-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Inventory"))("sources.editSource") };
}
export const dynamic = "force-dynamic";

export default async function EditSourcePage({ params }: { params: Promise<{ code: string }> }) {
  await requireResource("Magento_InventoryApi::source");
  const source = await getSource(await getDb(), (await params).code);
  if (!source) notFound();
  return (
    <SourceForm
      title={source.name}
      originalCode={source.code}
      notice={<FlashMessages messages={await readFlash()} />}
      defaults={{
        source_code: source.code,
        name: source.name,
        enabled: source.enabled,
        description: source.description ?? "",
        country_id: source.countryId,
        postcode: source.postcode,
      }}
    />
  );
}
