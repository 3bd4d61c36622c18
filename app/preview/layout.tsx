import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: { default: "Storefront preview", template: "%s / Storefront preview" } };

/** A plain shop page, not the admin shell: what shoppers see. */
export default function StorefrontLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-white text-[#333]">
      <div className="bg-[#f6f6f6] px-6 py-1.5 text-xs text-muted">
        Storefront preview: orders placed here are real preview orders in Sales &gt; Orders.
      </div>
      <header className="border-b border-line px-6 py-4">
        <Link href="/preview" className="text-2xl font-semibold tracking-tight">
          Stockroom <span className="font-light text-muted">store</span>
        </Link>
      </header>
      <main className="mx-auto max-w-5xl px-6 py-8">{children}</main>
    </div>
  );
}
