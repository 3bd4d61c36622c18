import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { buttonClass } from "@/components/ui/button";
import { getAdminRole } from "@/db/queries/admin-roles";
import { ADMINISTRATORS_ROLE_ID } from "@/lib/auth/acl";
import { permissionIdParam } from "@/lib/validation/permissions";
import { requireResource } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { RoleForm } from "../../../_components/role-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("System.roles");
  return { title: t("editMetaTitle") };
}
export const dynamic = "force-dynamic";

/** The built-in role: shown, never edited (every other role may be narrowed; this one keeps someone able to manage permissions). */
function BuiltInRole({ name }: { name: string }) {
  const t = useTranslations("System.roles");
  return (
    <>
      <PageHeader
        title={t("editTitle", { name })}
        actions={
          <Link href="/admin/user_role" className={buttonClass("secondary")}>
            {t("back")}
          </Link>
        }
      />
      <p className="mt-6 max-w-3xl">
        {t("builtIn", { name })}
      </p>
    </>
  );
}

export default async function EditRolePage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  await requireResource("Magento_User::acl_roles", `/admin/user_role/editrole/rid/${encodeURIComponent(rawId)}`);
  const id = permissionIdParam.safeParse(rawId);
  const role = id.success ? await getAdminRole(await getDb(), id.data) : undefined;
  if (!role) notFound();
  if (role.id === ADMINISTRATORS_ROLE_ID) return <BuiltInRole name={role.name} />;
  const t = await getTranslations("System.roles");
  return (
    <RoleForm
      title={t("editTitle", { name: role.name })}
      roleId={role.id}
      defaults={{ roleName: role.name, allResources: role.allResources, resources: role.resources, currentPassword: "" }}
    />
  );
}
