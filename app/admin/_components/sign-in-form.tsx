"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FieldError } from "@/components/form/field-error";
import { Button } from "@/components/ui/button";
import { Message } from "@/components/ui/message";
import { signInSchema, type SignInInput } from "@/lib/validation/auth";
import { signIn } from "../actions";

export function SignInForm() {
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, setError, formState } = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { username: "", password: "" },
  });
  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setFormError(undefined);
      const result = await signIn(values);
      if (result.ok) return;
      setFormError(result.formError);
      for (const [name, message] of Object.entries(result.fieldErrors)) {
        setError(name as keyof SignInInput, { message });
      }
    }),
  );
  const { errors } = formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div aria-live="assertive">{formError && <Message kind="error">{formError}</Message>}</div>
      <div>
        <label htmlFor="username" className="block text-sm font-semibold">
          Username
        </label>
        <input
          id="username"
          autoComplete="username"
          aria-invalid={!!errors.username}
          aria-describedby="username-error"
          className="mt-1 w-full border border-line px-3 py-2"
          {...register("username")}
        />
        <FieldError id="username-error" message={errors.username?.message} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-semibold">
          Password
        </label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={!!errors.password}
          aria-describedby="password-error"
          className="mt-1 w-full border border-line px-3 py-2"
          {...register("password")}
        />
        <FieldError id="password-error" message={errors.password?.message} />
      </div>
      <Button type="submit" variant="primary" className="w-full" disabled={pending}>
        Sign in
      </Button>
    </form>
  );
}
