import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentAdmin } from "@/server/auth/guard";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (await currentAdmin()) redirect("/admin/dashboard");
  return (
    <main className="flex min-h-screen items-center justify-center bg-menu px-4">
      <div className="w-full max-w-sm rounded bg-white p-8 shadow-lg">
        <p className="text-2xl font-semibold text-accent">Stockroom</p>
        <h1 className="mt-1 mb-6 text-lg font-light text-muted">Welcome, please sign in</h1>
        <SignInForm />
      </div>
    </main>
  );
}
