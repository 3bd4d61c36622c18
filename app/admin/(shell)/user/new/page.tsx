import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listAdminRoles } from "@/db/queries/admin-roles";
import { requireResource } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { UserForm } from "../_components/user-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("System.users");
  return { title: t("newTitle") };
}
export const dynamic = "force-dynamic";

export default async function NewUserPage() {
  await requireResource("Magento_User::acl_users", "/admin/user/new");
  const roles = await listAdminRoles(await getDb());
  const t = await getTranslations("System.users");
  return (
    <UserForm
      title={t("newTitle")}
      userId={null}
      roles={roles}
      defaults={{
        username: "",
        firstName: "",
        lastName: "",
        email: "",
        password: "",
        passwordConfirmation: "",
        interfaceLocale: "en_US",
        isActive: true,
        roleId: "",
        currentPassword: "",
      }}
    />
  );
}
