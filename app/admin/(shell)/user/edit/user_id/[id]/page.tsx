import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { listAdminRoles } from "@/db/queries/admin-roles";
import { getAdminUser } from "@/db/queries/admin-users";
import { permissionIdParam } from "@/lib/validation/permissions";
import { requireResource } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { UserForm } from "../../../_components/user-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("System.users");
  return { title: t("editMetaTitle") };
}
export const dynamic = "force-dynamic";

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  await requireResource("Magento_User::acl_users", `/admin/user/edit/user_id/${encodeURIComponent(rawId)}`);
  const id = permissionIdParam.safeParse(rawId);
  const db = await getDb();
  const user = id.success ? await getAdminUser(db, id.data) : undefined;
  if (!user) notFound();
  const t = await getTranslations("System.users");
  return (
    <UserForm
      title={t("editTitle", { username: user.username })}
      userId={user.id}
      roles={await listAdminRoles(db)}
      defaults={{
        username: user.username,
        firstName: user.firstName ?? "",
        lastName: user.lastName ?? "",
        email: user.email ?? "",
        password: "",
        passwordConfirmation: "",
        interfaceLocale: user.interfaceLocale,
        isActive: user.isActive,
        roleId: user.roleId === null ? "" : String(user.roleId),
        currentPassword: "",
      }}
    />
  );
}
