import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatPrice } from "@/components/storefront/price";
import { StockStatus } from "@/components/storefront/stock-status";
import { StoreSwitcher } from "@/components/storefront/store-switcher";
import { StorefrontLocale } from "@/components/storefront/storefront-locale";
import { localeTag } from "@/lib/i18n/locales";
import { requireResource } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { listStorefrontProducts, listStoreViews } from "@/db/queries/storefront";
import { pathWithQuery } from "@/lib/auth/return-path";
import { storefrontLabels } from "@/lib/inventory";
import { firstParam, pageParam } from "@/lib/validation/grid";
import { previewStoreOrNotFound, storeHref } from "./_components/store-context";
import { StoreDisabled } from "./_components/store-disabled";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Storefront"))("allProducts") };
}

const PAGE_SIZE = 24;

/**
 * The store's product listing. Products that are not salable are left out unless Display Out of
 * Stock Products is Yes (inventory-rules §6); their own pages stay reachable by URL.
 */
export default async function StorefrontIndexPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  await requireResource("Stockroom_Preview::preview", pathWithQuery("/preview", query));
  const found = await previewStoreOrNotFound(query.store);
  if (found.disabled) return <StoreDisabled store={found.disabled} />;
  const ctx = found.ctx;
  const page = pageParam.parse(firstParam(query.p));
  const db = await getDb();
  const { products, total } = await listStorefrontProducts(db, ctx, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const config = ctx.config.values;
  const pageHref = (p: number) => storeHref("/preview", ctx.store.code, p > 1 ? { p: String(p) } : {});
  // The shopper's language: the store view's locale, whatever the admin's.
  const locale = localeTag(ctx.store.locale);
  const t = await getTranslations({ locale, namespace: "Storefront" });

  return (
    <StorefrontLocale locale={locale}>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-4xl font-light">{t("allProducts")}</h1>
        <StoreSwitcher
          stores={await listStoreViews(db)}
          current={ctx.store.code}
          hrefFor={(code) => storeHref("/preview", code)}
          labels={{ nav: t("storeView"), lead: t("storeViewColon") }}
        />
      </div>
      <p className="mt-2 text-sm text-muted">
        {t("items", { count: total })}
        {!config.showOutOfStock && t("outOfStockHidden")}
      </p>
      <ul className="mt-6 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
        {products.map((product) => {
          const labels = storefrontLabels({
            eff: product.eff,
            snap: product.snap,
            onlyXLeftThreshold: config.stockThresholdQty,
            displayStockStatus: config.displayProductStockStatus,
          });
          return (
            <li key={product.id} className="border border-line p-4">
              <Link
                href={storeHref(`/preview/${encodeURIComponent(product.sku)}`, ctx.store.code)}
                className="text-lg text-[#006bb4] hover:underline"
              >
                {product.name}
              </Link>
              <p className="mt-1 font-semibold">{formatPrice(product.price)}</p>
              <p className="mt-1 flex gap-3 text-sm">
                <StockStatus labels={labels} />
              </p>
            </li>
          );
        })}
      </ul>
      {pages > 1 && (
        <nav aria-label={t("pages")} className="mt-8 flex items-center gap-4 text-sm">
          {page > 1 && (
            <Link href={pageHref(page - 1)} className="text-[#006bb4] underline">
              {t("previous")}
            </Link>
          )}
          <span>{t("pageOf", { page, pages })}</span>
          {page < pages && (
            <Link href={pageHref(page + 1)} className="text-[#006bb4] underline">
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </StorefrontLocale>
  );
}
