import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FlashMessages } from "@/components/admin/flash-messages";
import { ListTable, type ListColumn } from "@/components/admin/list-table";
import { PageHeader } from "@/components/admin/page-header";
import { buttonClass } from "@/components/ui/button";
import { listWebhooks, type WebhookListRow } from "@/db/queries/webhooks";
import { requireResource } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { readFlash } from "@/server/flash";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("System.webhooks");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

type Translate = Awaited<ReturnType<typeof getTranslations<"System">>>;

const columns = (t: Translate): ListColumn<WebhookListRow>[] => [
  { label: t("webhooks.columns.name"), cell: (w) => w.name },
  { label: t("webhooks.columns.url"), cell: (w) => <span className="break-all">{w.url}</span> },
  { label: t("webhooks.columns.events"), cell: (w) => w.events.map((kind) => t(`alerts.kinds.${kind}`)).join(", ") },
  { label: t("webhooks.columns.status"), cell: (w) => (w.isActive ? t("webhooks.active") : t("webhooks.inactive")) },
  {
    label: t("webhooks.columns.deliveries"),
    cell: (w) => t("webhooks.deliveryCounts", { delivered: String(w.delivered), pending: String(w.pending), failed: String(w.failed) }),
  },
  {
    label: t("webhooks.columns.action"),
    cell: (w) => (
      <Link className={buttonClass("link")} href={`/admin/webhooks/edit/id/${w.id}`} aria-label={t("webhooks.editWebhook", { name: w.name })}>
        {t("webhooks.edit")}
      </Link>
    ),
  },
];

/** Stores > Webhooks: where stock alerts are POSTed (docs/webhooks.md). */
export default async function WebhooksPage() {
  await requireResource("Stockroom_Webhooks::webhooks");
  const rows = await listWebhooks(await getDb());
  const t = await getTranslations("System");
  return (
    <>
      <PageHeader
        title={t("webhooks.title")}
        actions={
          <Link href="/admin/webhooks/new" className={buttonClass("primary")}>
            {t("webhooks.addNew")}
          </Link>
        }
      />
      <FlashMessages messages={await readFlash()} />
      <p className="mt-6 max-w-3xl text-sm">
        {t("webhooks.intro")}
      </p>
      <ListTable
        caption={t("webhooks.title")}
        columns={columns(t)}
        rows={rows}
        rowKey={(w) => w.id}
        empty={t("webhooks.empty")}
      />
    </>
  );
}
