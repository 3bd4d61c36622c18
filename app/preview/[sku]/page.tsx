import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formatPrice } from "@/components/storefront/price";
import { SellDownChart } from "@/components/storefront/sell-down-chart";
import { StockStatus } from "@/components/storefront/stock-status";
import { StoreSwitcher } from "@/components/storefront/store-switcher";
import { StorefrontLocale } from "@/components/storefront/storefront-locale";
import { localeTag } from "@/lib/i18n/locales";
import { Message } from "@/components/ui/message";
import { requireResource } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { getStorefrontProduct, listStoreViews } from "@/db/queries/storefront";
import { pathWithQuery } from "@/lib/auth/return-path";
import { storefrontLabels, type SellDownInput } from "@/lib/inventory";
import { previewStoreOrNotFound, storeHref } from "../_components/store-context";
import { StoreDisabled } from "../_components/store-disabled";
import { AddToCartForm } from "./_components/add-to-cart-form";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ sku: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The URL's SKU: a segment that is not valid percent-encoding is taken as written (and is no SKU). */
function skuOf(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: skuOf((await params).sku) };
}

/** The product as the store view's shopper sees it; always reachable by URL (inventory-rules §6). */
export default async function StorefrontProductPage({ params, searchParams }: Props) {
  const { sku: rawSku } = await params;
  const query = await searchParams;
  await requireResource("Stockroom_Preview::preview", pathWithQuery(`/preview/${rawSku}`, query));
  const sku = skuOf(rawSku);
  const found = await previewStoreOrNotFound(query.store);
  if (found.disabled) return <StoreDisabled store={found.disabled} />;
  const ctx = found.ctx;
  const db = await getDb();
  const product = await getStorefrontProduct(db, ctx, sku);
  if (!product) notFound();

  const config = ctx.config.values;
  const shared = {
    eff: product.eff,
    snap: product.snap,
    // Inventory-rules §6: the Only X left threshold of the store's website, availability per store view.
    onlyXLeftThreshold: config.stockThresholdQty,
    displayStockStatus: config.displayProductStockStatus,
  };
  const labels = storefrontLabels(shared);
  const sellDown: SellDownInput = { ...shared, notifyQty: product.notifyQty };
  // The shopper's language: the store view's locale, whatever the admin's.
  const locale = localeTag(ctx.store.locale);
  const t = await getTranslations({ locale, namespace: "Storefront" });

  return (
    <StorefrontLocale locale={locale}>
      <div className="flex flex-wrap items-center justify-between gap-4 text-sm">
        <nav aria-label={t("breadcrumb")}>
          <Link href={storeHref("/preview", ctx.store.code)} className="text-[#006bb4] underline hover:no-underline">
            {t("home")}
          </Link>
          <span aria-hidden="true"> › </span>
          <span>{product.name}</span>
        </nav>
        <StoreSwitcher
          stores={await listStoreViews(db)}
          current={ctx.store.code}
          hrefFor={(code) => storeHref(`/preview/${encodeURIComponent(product.sku)}`, code)}
          labels={{ nav: t("storeView"), lead: t("storeViewColon") }}
        />
      </div>

      <article className="mt-6 grid gap-10 md:grid-cols-2">
        <div aria-hidden="true" className="flex aspect-square items-center justify-center bg-[#f0f0f0] text-7xl font-light text-[#b5b5b5]">
          {product.name.slice(0, 1)}
        </div>
        <div className="space-y-5">
          <h1 className="text-4xl font-light">{product.name}</h1>
          {!product.enabled && (
            <Message kind="warning">{t("productDisabled")}</Message>
          )}
          <div className="flex flex-wrap items-baseline justify-between gap-4">
            <p className="text-3xl font-semibold">{formatPrice(product.price)}</p>
            <div className="text-right text-sm">
              <div role="status" aria-label={t("stockAvailability")} className="flex flex-col items-end gap-1">
                <StockStatus labels={labels} />
              </div>
              <p className="mt-1 text-muted">{t("sku", { sku: product.sku })}</p>
            </div>
          </div>
          {product.enabled && <AddToCartForm storeCode={ctx.store.code} sku={product.sku} eff={product.eff} />}
        </div>
      </article>

      <section aria-labelledby="sell-down-title" className="mt-12 border-t border-line pt-8">
        <h2 id="sell-down-title" className="text-2xl font-light">
          {t("whatWillShoppersSee")}
        </h2>
        <p className="mt-1 mb-4 text-sm text-muted">{t("forTheMerchant", { store: ctx.store.name })}</p>
        <SellDownChart input={sellDown} />
      </section>
    </StorefrontLocale>
  );
}
