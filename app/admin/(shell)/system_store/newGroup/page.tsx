import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireResource } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { StoreGroupForm } from "../_components/store-group-form";
import { websiteChoices } from "../store-form-data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Stores"))("store.newTitle") };
}
export const dynamic = "force-dynamic";

export default async function NewStoreGroupPage() {
  await requireResource("Magento_Backend::store");
  const websites = await websiteChoices(await getDb());
  return <StoreGroupForm id={null} websites={websites} views={[]} canDelete={false} defaults={{ website_id: websites[0]?.value ?? "", name: "", code: "" }} />;
}
