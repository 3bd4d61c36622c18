import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export const metadata: Metadata = { title: { default: "Storefront preview", template: "%s / Storefront preview" } };

/** A plain shop page, not the admin shell: what shoppers see. */
export default async function StorefrontLayout({ children }: { children: React.ReactNode }) {
  // The merchant's frame, in the admin's language; the page inside speaks the store view's.
  const t = await getTranslations("Storefront");
  return (
    <div className="min-h-screen bg-white text-[#333]">
      <div className="bg-[#f6f6f6] px-6 py-1.5 text-xs text-muted">
        {t("banner")}
      </div>
      <header className="border-b border-line px-6 py-4">
        <Link href="/preview" className="text-2xl font-semibold tracking-tight">
          Stockroom <span className="font-light text-muted">{t("store")}</span>
        </Link>
      </header>
      <main className="mx-auto max-w-5xl px-6 py-8">{children}</main>
    </div>
  );
}
