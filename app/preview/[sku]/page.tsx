import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatPrice } from "@/components/storefront/price";
import { SellDownChart } from "@/components/storefront/sell-down-chart";
import { StockStatus } from "@/components/storefront/stock-status";
import { StoreSwitcher } from "@/components/storefront/store-switcher";
import { Message } from "@/components/ui/message";
import { requireAdmin } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { getStorefrontProduct, listStoreViews } from "@/db/queries/storefront";
import { pathWithQuery } from "@/lib/auth/return-path";
import { storefrontLabels, type SellDownInput } from "@/lib/inventory";
import { storeContextOrNotFound, storeHref } from "../_components/store-context";
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
  await requireAdmin(pathWithQuery(`/preview/${rawSku}`, query));
  const sku = skuOf(rawSku);
  const ctx = await storeContextOrNotFound(query.store);
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

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4 text-sm">
        <nav aria-label="Breadcrumb">
          <Link href={storeHref("/preview", ctx.store.code)} className="text-[#006bb4] underline hover:no-underline">
            Home
          </Link>
          <span aria-hidden="true"> › </span>
          <span>{product.name}</span>
        </nav>
        <StoreSwitcher
          stores={await listStoreViews(db)}
          current={ctx.store.code}
          hrefFor={(code) => storeHref(`/preview/${encodeURIComponent(product.sku)}`, code)}
        />
      </div>

      <article className="mt-6 grid gap-10 md:grid-cols-2">
        <div aria-hidden="true" className="flex aspect-square items-center justify-center bg-[#f0f0f0] text-7xl font-light text-[#b5b5b5]">
          {product.name.slice(0, 1)}
        </div>
        <div className="space-y-5">
          <h1 className="text-4xl font-light">{product.name}</h1>
          {!product.enabled && (
            <Message kind="warning">This product is disabled: shoppers can neither see nor buy it.</Message>
          )}
          <div className="flex flex-wrap items-baseline justify-between gap-4">
            <p className="text-3xl font-semibold">{formatPrice(product.price)}</p>
            <div className="text-right text-sm">
              <div role="status" aria-label="Stock availability" className="flex flex-col items-end gap-1">
                <StockStatus labels={labels} />
              </div>
              <p className="mt-1 text-muted">SKU#: {product.sku}</p>
            </div>
          </div>
          {product.enabled && <AddToCartForm storeCode={ctx.store.code} sku={product.sku} eff={product.eff} />}
        </div>
      </article>

      <section aria-labelledby="sell-down-title" className="mt-12 border-t border-line pt-8">
        <h2 id="sell-down-title" className="text-2xl font-light">
          What will shoppers see?
        </h2>
        <p className="mt-1 mb-4 text-sm text-muted">
          For the merchant: the storefront label as this product sells down from now, one order at a time, with the
          current settings of {ctx.store.name}.
        </p>
        <SellDownChart input={sellDown} />
      </section>
    </>
  );
}
