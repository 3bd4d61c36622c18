import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireResource } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { StoreViewForm } from "../_components/store-view-form";
import { groupChoices } from "../store-form-data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Stores"))("storeView.newTitle") };
}
export const dynamic = "force-dynamic";

export default async function NewStoreViewPage() {
  await requireResource("Magento_Backend::store");
  const groups = await groupChoices(await getDb());
  return (
    <StoreViewForm
      id={null}
      groups={groups}
      isDefault={false}
      defaults={{ group_id: groups[0]?.value ?? "", name: "", code: "", is_active: true, sort_order: "0", locale: "en_US" }}
    />
  );
}
