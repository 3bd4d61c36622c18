"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { Field } from "@/components/form/field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { signInFormSchema, type SignInFormInput, type SignInFormValues } from "@/lib/validation/auth";
import { signIn } from "../actions";

/** `returnTo`: the page to go back to after signing in, sent with the credentials (the server checks it again). */
export function SignInForm({ returnTo }: { returnTo?: string }) {
  const t = useTranslations("Shell");
  const submit = useActionForm<SignInFormInput, SignInFormValues>({
    resolver: zodResolver(signInFormSchema),
    defaultValues: { username: "", password: "", returnTo },
    action: signIn,
  });
  return (
    <ActionForm submit={submit} className="space-y-4">
      <Field name="username" label={t("username")} autoComplete="username" controlClassName="w-full border-line px-3 py-2" />
      <Field
        name="password"
        label={t("password")}
        type="password"
        autoComplete="current-password"
        controlClassName="w-full border-line px-3 py-2"
      />
      <Button type="submit" variant="primary" className="w-full" disabled={submit.pending}>
        {t("signIn")}
      </Button>
    </ActionForm>
  );
}
