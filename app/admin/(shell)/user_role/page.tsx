import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FlashMessages } from "@/components/admin/flash-messages";
import { ListTable, type ListColumn } from "@/components/admin/list-table";
import { PageHeader } from "@/components/admin/page-header";
import { buttonClass } from "@/components/ui/button";
import { listAdminRoles, type RoleListRow } from "@/db/queries/admin-roles";
import { requireResource } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { readFlash } from "@/server/flash";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("System.roles");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

type Translate = Awaited<ReturnType<typeof getTranslations<"System.roles">>>;

const columns = (t: Translate): ListColumn<RoleListRow>[] => [
  { label: t("columns.id"), cell: (r) => r.id },
  { label: t("columns.role"), cell: (r) => r.name },
  { label: t("columns.resourceAccess"), cell: (r) => (r.allResources ? t("all") : t("custom")) },
  { label: t("columns.users"), cell: (r) => r.users },
  {
    label: t("columns.action"),
    cell: (r) => (
      <Link className={buttonClass("link")} href={`/admin/user_role/editrole/rid/${r.id}`} aria-label={t("editRole", { name: r.name })}>
        {t("edit")}
      </Link>
    ),
  },
];

/** System > Permissions > User Roles. */
export default async function RolesPage() {
  await requireResource("Magento_User::acl_roles", "/admin/user_role");
  const rows = await listAdminRoles(await getDb());
  const t = await getTranslations("System.roles");
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <Link href="/admin/user_role/editrole" className={buttonClass("primary")}>
            {t("addNew")}
          </Link>
        }
      />
      <FlashMessages messages={await readFlash()} />
      <ListTable caption={t("title")} columns={columns(t)} rows={rows} rowKey={(r) => r.id} empty={t("empty")} />
    </>
  );
}
