import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/server/db";
import { getSource } from "@/db/queries/sources";
import { requireAdmin } from "@/server/auth/guard";
import { SourceForm } from "../../../_components/source-form";

export const metadata: Metadata = { title: "Edit Source" };
export const dynamic = "force-dynamic";

export default async function EditSourcePage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  await requireAdmin();
  const source = await getSource(await getDb(), (await params).code);
  if (!source) notFound();
  return (
    <SourceForm
      title={source.name}
      originalCode={source.code}
      saved={(await searchParams).saved === "1"}
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
