import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentAdmin } from "@/server/auth/guard";
import { RETURN_PARAM, safeReturnPath } from "@/lib/auth/return-path";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // The page a signed-out visit asked for (the storefront preview), if it is one of this site's.
  const returnTo = safeReturnPath((await searchParams)[RETURN_PARAM]);
  if (await currentAdmin()) redirect(returnTo ?? "/admin/dashboard");
  return (
    <main className="flex min-h-screen items-center justify-center bg-menu px-4">
      <div className="w-full max-w-sm rounded bg-white p-8 shadow-lg">
        <p className="text-2xl font-semibold text-accent">Stockroom</p>
        <h1 className="mt-1 mb-6 text-lg font-light text-muted">Welcome, please sign in</h1>
        <SignInForm returnTo={returnTo} />
      </div>
    </main>
  );
}
