import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { startPage } from "@/components/admin/menu";
import { currentAdmin } from "@/server/auth/guard";
import { RETURN_PARAM, safeReturnPath } from "@/lib/auth/return-path";
import { SignInForm } from "./_components/sign-in-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Shell"))("signInTitle") };
}

/**
 * What the sign-in form reads: its own words and the messages of a refused sign-in. Nothing more:
 * a request turned away to sign-in is answered with this page, and carries no other screen's words.
 */
async function signInMessages() {
  const { Shell, Common, Messages } = await getMessages();
  const forSignIn = Object.entries(Messages).filter(([key]) => key.startsWith("common") || key.startsWith("system"));
  return { Shell, Common, Messages: Object.fromEntries(forSignIn) };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // The page a signed-out visit asked for (the storefront preview), if it is one of this site's.
  const returnTo = safeReturnPath((await searchParams)[RETURN_PARAM]);
  const admin = await currentAdmin();
  if (admin) redirect(returnTo ?? startPage(admin.acl));
  const t = await getTranslations("Shell");
  return (
    <main className="flex min-h-screen items-center justify-center bg-menu px-4">
      <div className="w-full max-w-sm rounded bg-white p-8 shadow-lg">
        <p className="text-2xl font-semibold text-accent">Stockroom</p>
        <h1 className="mt-1 mb-6 text-lg font-light text-muted">{t("welcome")}</h1>
        <NextIntlClientProvider messages={await signInMessages()}>
          <SignInForm returnTo={returnTo} />
        </NextIntlClientProvider>
      </div>
    </main>
  );
}
