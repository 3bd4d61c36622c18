import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { getWebsite, listStoreGroups } from "@/db/queries/stores";
import { requireResource } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { WebsiteForm } from "../../../_components/website-form";
import { idFromUrl } from "../../../store-form-data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Stores"))("website.editTitle") };
}
export const dynamic = "force-dynamic";

export default async function EditWebsitePage({ params }: { params: Promise<{ id: string }> }) {
  await requireResource("Magento_Backend::store");
  const db = await getDb();
  const id = idFromUrl((await params).id);
  const website = id === null ? undefined : await getWebsite(db, id);
  if (!website) notFound();
  const groups = (await listStoreGroups(db)).filter((g) => g.websiteId === website.id).map((g) => ({ value: String(g.id), label: g.name }));
  return (
    <WebsiteForm
      id={website.id}
      groups={groups}
      defaults={{
        name: website.name,
        code: website.code,
        sort_order: String(website.sortOrder),
        default_group_id: website.defaultGroupId === null ? undefined : String(website.defaultGroupId),
        is_default: website.isDefault,
      }}
    />
  );
}
