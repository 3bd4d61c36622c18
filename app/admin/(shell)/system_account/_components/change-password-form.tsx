"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { PageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/validation/auth";
import { changePassword } from "../actions";

const EMPTY: ChangePasswordInput = { currentPassword: "", newPassword: "", passwordConfirmation: "" };

export function ChangePasswordForm({ username }: { username: string }) {
  const submit = useActionForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: EMPTY,
    action: changePassword,
  });
  const { status, form } = submit;
  // Saved: no password stays in the page.
  useEffect(() => {
    if (status.kind === "saved") form.reset(EMPTY);
  }, [status, form]);
  return (
    <>
      <PageHeader
        title="Change Password"
        actions={
          <Button type="submit" form="change-password-form" variant="primary" disabled={submit.pending}>
            Save Account
          </Button>
        }
      />
      <ActionForm submit={submit} id="change-password-form" className="mt-6 max-w-2xl space-y-4">
        <fieldset className="space-y-4 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">Account Information</legend>
          <p className="text-sm">
            User Name: <strong>{username}</strong>
          </p>
          <Field
            name="newPassword"
            label="New Password"
            type="password"
            autoComplete="new-password"
            required
            hint="At least 7 characters, with both letters and digits. Every other session and API token of this account ends."
          />
          <Field name="passwordConfirmation" label="Password Confirmation" type="password" autoComplete="new-password" required />
        </fieldset>
        <fieldset className="space-y-4 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">Current User Identity Verification</legend>
          <Field name="currentPassword" label="Your Password" type="password" autoComplete="current-password" required />
        </fieldset>
      </ActionForm>
    </>
  );
}
