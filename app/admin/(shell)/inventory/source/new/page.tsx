import type { Metadata } from "next";
import { requireAdmin } from "@/server/auth/guard";
import { SourceForm } from "../_components/source-form";

export const metadata: Metadata = { title: "New Source" };
export const dynamic = "force-dynamic";

export default async function NewSourcePage() {
  await requireAdmin();
  return (
    <SourceForm
      title="New Source"
      originalCode={null}
      defaults={{ source_code: "", name: "", enabled: true, description: "", country_id: "US", postcode: "" }}
    />
  );
}
