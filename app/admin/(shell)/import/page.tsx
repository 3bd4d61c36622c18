import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { requireResource } from "@/server/auth/guard";
import { ImportForm } from "./_components/import-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("System.import");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

/**
 * System > Data Transfer > Import: Products (stock columns) or Stock Sources from a CSV file,
 * checked first ("Check Data"), then imported in one transaction. The file never leaves the
 * browser until it is posted; the server keeps nothing between the two steps.
 */
export default async function ImportPage() {
  await requireResource("Magento_ImportExport::import", "/admin/import");
  const t = await getTranslations("System.import");
  return (
    <>
      <PageHeader title={t("title")} />
      <ImportForm />
    </>
  );
}
