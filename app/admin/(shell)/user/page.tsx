import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FlashMessages } from "@/components/admin/flash-messages";
import { formatDateTime } from "@/lib/i18n/format";
import { ListTable, type ListColumn } from "@/components/admin/list-table";
import { PageHeader } from "@/components/admin/page-header";
import { buttonClass } from "@/components/ui/button";
import { listAdminUsers, type UserListRow } from "@/db/queries/admin-users";
import { requireResource } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { readFlash } from "@/server/flash";
import { UserRowActions } from "./_components/user-row-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("System.users");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

type Translate = Awaited<ReturnType<typeof getTranslations<"System.users">>>;

const columns = (t: Translate, locale: Awaited<ReturnType<typeof getLocale>>): ListColumn<UserListRow>[] => [
  { label: t("columns.id"), cell: (u) => u.id },
  { label: t("columns.userName"), cell: (u) => u.username },
  { label: t("columns.firstName"), cell: (u) => u.firstName },
  { label: t("columns.lastName"), cell: (u) => u.lastName },
  { label: t("columns.email"), cell: (u) => u.email },
  { label: t("columns.role"), cell: (u) => u.roleName ?? t("noRole") },
  {
    label: t("columns.status"),
    cell: (u) => {
      const active = u.isActive ? t("active") : t("inactive");
      return u.lockedUntil ? t("lockedUntil", { status: active, date: formatDateTime(u.lockedUntil, locale) }) : active;
    },
  },
  {
    label: t("columns.action"),
    cell: (u) => (
      <div className="flex flex-wrap items-center gap-2">
        <Link className={buttonClass("link")} href={`/admin/user/edit/user_id/${u.id}`} aria-label={t("editUser", { username: u.username })}>
          {t("edit")}
        </Link>
        <UserRowActions user={{ id: u.id, username: u.username, isActive: u.isActive, locked: u.lockedUntil !== null }} />
      </div>
    ),
  },
];

/** System > Permissions > All Users. */
export default async function UsersPage() {
  await requireResource("Magento_User::acl_users", "/admin/user");
  const rows = await listAdminUsers(await getDb());
  const t = await getTranslations("System.users");
  const locale = await getLocale();
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <Link href="/admin/user/new" className={buttonClass("primary")}>
            {t("addNew")}
          </Link>
        }
      />
      <FlashMessages messages={await readFlash()} />
      <ListTable caption={t("title")} columns={columns(t, locale)} rows={rows} rowKey={(u) => u.id} empty={t("empty")} />
    </>
  );
}
