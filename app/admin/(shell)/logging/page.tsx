import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FlashMessages } from "@/components/admin/flash-messages";
import { PageHeader } from "@/components/admin/page-header";
import { listActionLog, listAdminUsernames } from "@/db/queries/action-log";
import { actionLogHref, parseActionLogQuery } from "@/lib/validation/action-log";
import { requireResource } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { readFlash } from "@/server/flash";
import { ActionLogFilters, ActionLogPager, ActionLogTable } from "./_components/action-log-grid";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("System.actionLog");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

/**
 * System > Action Log: every change the audit log recorded (who, when, where, what), newest first,
 * filtered and paged in SQL; configuration and product inventory changes can be reverted.
 */
export default async function ActionLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireResource("Magento_Logging::magento_logging");
  const t = await getTranslations("System.actionLog");
  const query = parseActionLogQuery(await searchParams);
  const db = await getDb();
  const result = await listActionLog(db, query);
  const users = await listAdminUsernames(db);
  // The view as its URL says it, for Revert to come back to.
  const view = actionLogHref(query).split("?")[1] ?? "";
  return (
    <>
      <PageHeader title={t("title")} />
      <FlashMessages messages={await readFlash()} />
      <div className="mt-6 space-y-4">
        <ActionLogFilters query={query} users={users} />
        <ActionLogPager query={query} result={result} />
        <ActionLogTable query={query} result={result} view={view} acl={admin.acl} />
      </div>
    </>
  );
}
