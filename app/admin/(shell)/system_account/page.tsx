import type { Metadata } from "next";
import { requireAdmin } from "@/server/auth/guard";
import { ChangePasswordForm } from "./_components/change-password-form";

export const metadata: Metadata = { title: "Change Password" };
export const dynamic = "force-dynamic";

/** Account Setting: the signed-in admin's own password (Magento's System > Account Setting). */
export default async function AccountSettingPage() {
  const admin = await requireAdmin();
  return <ChangePasswordForm username={admin.username} />;
}
