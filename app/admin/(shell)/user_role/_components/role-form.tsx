"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { EditPageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { IdentityVerification } from "@/components/form/identity-verification";
import { useActionForm } from "@/components/form/use-action-form";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { roleSchema, type RoleFormInput, type RoleValues } from "@/lib/validation/permissions";
import { deleteRoleAction, saveRoleAction } from "../actions";
import { ResourceTree } from "./resource-tree";

const FORM_ID = "role-form";

/** The tree, only while Resource Access is Custom (Magento hides it for All). */
function CustomResources() {
  const all = useWatch({ name: "allResources" }) as unknown;
  return all === true ? null : <ResourceTree />;
}

/** New / Edit Role (System > Permissions > User Roles). */
export function RoleForm({ title, roleId, defaults }: { title: string; roleId: number | null; defaults: RoleFormInput }) {
  const t = useTranslations("System.roles");
  const accessOptions = [
    { value: "0", label: t("custom") },
    { value: "1", label: t("all") },
  ];
  const submit = useActionForm<RoleFormInput, RoleValues>({
    resolver: zodResolver(roleSchema),
    defaultValues: defaults,
    action: (values) => saveRoleAction(roleId, values),
  });
  return (
    <>
      <EditPageHeader
        title={title}
        backHref="/admin/user_role"
        formId={FORM_ID}
        pending={submit.pending}
        more={
          roleId !== null && (
            <ConfirmDialog
              trigger={t("form.deleteRole")}
              title={t("form.deleteRole")}
              message={t("form.deleteMessage", { name: defaults.roleName })}
              action={() => deleteRoleAction(roleId)}
            />
          )
        }
      />
      <ActionForm submit={submit} id={FORM_ID} className="mt-6 max-w-3xl space-y-4">
        <fieldset className="space-y-4 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">{t("form.roleInformation")}</legend>
          <Field name="roleName" label={t("form.roleName")} required autoComplete="off" />
        </fieldset>
        <fieldset className="space-y-4 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">{t("form.roleResources")}</legend>
          <Field
            name="allResources"
            label={t("form.resourceAccess")}
            options={accessOptions}
            format={(value) => (value === true ? "1" : "0")}
            parse={(text) => text === "1"}
            hint={t("form.resourceAccessHint")}
          />
          <CustomResources />
        </fieldset>
        <IdentityVerification />
      </ActionForm>
    </>
  );
}
