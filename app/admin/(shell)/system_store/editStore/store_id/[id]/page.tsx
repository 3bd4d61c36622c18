import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { getStoreGroup, getStoreView } from "@/db/queries/stores";
import { requireResource } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { StoreViewForm } from "../../../_components/store-view-form";
import { groupChoices, idFromUrl } from "../../../store-form-data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Stores"))("storeView.editTitle") };
}
export const dynamic = "force-dynamic";

export default async function EditStoreViewPage({ params }: { params: Promise<{ id: string }> }) {
  await requireResource("Magento_Backend::store");
  const db = await getDb();
  const id = idFromUrl((await params).id);
  const view = id === null ? undefined : await getStoreView(db, id);
  if (!view) notFound();
  const group = await getStoreGroup(db, view.groupId);
  return (
    <StoreViewForm
      id={view.id}
      groups={await groupChoices(db)}
      isDefault={group?.defaultStoreId === view.id}
      defaults={{ group_id: String(view.groupId), name: view.name, code: view.code, is_active: view.isActive, sort_order: String(view.sortOrder), locale: view.locale }}
    />
  );
}
