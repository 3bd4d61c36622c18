import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireResource } from "@/server/auth/guard";
import { WebsiteForm } from "../_components/website-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Stores"))("website.newTitle") };
}
export const dynamic = "force-dynamic";

export default async function NewWebsitePage() {
  await requireResource("Magento_Backend::store");
  return <WebsiteForm id={null} groups={[]} defaults={{ name: "", code: "", sort_order: "0", is_default: false }} />;
}
