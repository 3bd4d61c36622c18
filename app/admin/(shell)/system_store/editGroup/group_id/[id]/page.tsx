import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { getStoreGroup, getWebsite, listStoreViewsOfGroup } from "@/db/queries/stores";
import { requireResource } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { StoreGroupForm } from "../../../_components/store-group-form";
import { idFromUrl, websiteChoices } from "../../../store-form-data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Stores"))("store.editTitle") };
}
export const dynamic = "force-dynamic";

export default async function EditStoreGroupPage({ params }: { params: Promise<{ id: string }> }) {
  await requireResource("Magento_Backend::store");
  const db = await getDb();
  const id = idFromUrl((await params).id);
  const group = id === null ? undefined : await getStoreGroup(db, id);
  if (!group) notFound();
  const website = await getWebsite(db, group.websiteId);
  const views = (await listStoreViewsOfGroup(db, group.id)).filter((v) => v.isActive).map((v) => ({ value: String(v.id), label: v.name }));
  return (
    <StoreGroupForm
      id={group.id}
      websites={await websiteChoices(db)}
      views={views}
      canDelete={website?.defaultGroupId !== group.id}
      defaults={{
        website_id: String(group.websiteId),
        name: group.name,
        code: group.code,
        default_store_id: group.defaultStoreId === null ? undefined : String(group.defaultStoreId),
      }}
    />
  );
}
