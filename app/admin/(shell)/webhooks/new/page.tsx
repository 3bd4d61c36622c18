import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { STOCK_ALERT_KINDS } from "@/lib/inventory";
import { eventBoxes } from "@/lib/validation/webhook";
import { requireResource } from "@/server/auth/guard";
import { WebhookForm } from "../_components/webhook-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("System.webhooks");
  return { title: t("newTitle") };
}
export const dynamic = "force-dynamic";

export default async function NewWebhookPage() {
  await requireResource("Stockroom_Webhooks::webhooks");
  const t = await getTranslations("System.webhooks");
  return (
    <WebhookForm
      title={t("newTitle")}
      webhook={null}
      defaults={{ name: "", url: "", isActive: true, events: eventBoxes(STOCK_ALERT_KINDS) }}
    />
  );
}
