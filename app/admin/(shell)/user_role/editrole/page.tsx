import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireResource } from "@/server/auth/guard";
import { RoleForm } from "../_components/role-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("System.roles");
  return { title: t("newTitle") };
}
export const dynamic = "force-dynamic";

/** Magento's `user_role/editrole` without an id: a new role. */
export default async function NewRolePage() {
  await requireResource("Magento_User::acl_roles", "/admin/user_role/editrole");
  const t = await getTranslations("System.roles");
  return <RoleForm title={t("newTitle")} roleId={null} defaults={{ roleName: "", allResources: false, resources: [], currentPassword: "" }} />;
}
