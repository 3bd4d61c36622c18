import type { Metadata } from "next";
import Link from "next/link";
import { formatPrice } from "@/components/storefront/price";
import { StockStatus } from "@/components/storefront/stock-status";
import { StoreSwitcher } from "@/components/storefront/store-switcher";
import { requireAdmin } from "@/server/auth/guard";
import { getDb } from "@/server/db";
import { listStorefrontProducts, listStoreViews } from "@/db/queries/storefront";
import { pathWithQuery } from "@/lib/auth/return-path";
import { storefrontLabels } from "@/lib/inventory";
import { firstParam, pageParam } from "@/lib/validation/grid";
import { storeContextOrNotFound, storeHref } from "./_components/store-context";

export const metadata: Metadata = { title: "All products" };
export const dynamic = "force-dynamic";

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
  await requireAdmin(pathWithQuery("/preview", query));
  const ctx = await storeContextOrNotFound(query.store);
  const page = pageParam.parse(firstParam(query.p));
  const db = await getDb();
  const { products, total } = await listStorefrontProducts(db, ctx, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const config = ctx.config.values;
  const pageHref = (p: number) => storeHref("/preview", ctx.store.code, p > 1 ? { p: String(p) } : {});

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-4xl font-light">All products</h1>
        <StoreSwitcher stores={await listStoreViews(db)} current={ctx.store.code} hrefFor={(code) => storeHref("/preview", code)} />
      </div>
      <p className="mt-2 text-sm text-muted">
        {total === 1 ? "1 item" : `${total} items`}
        {!config.showOutOfStock && " (products that are out of stock are hidden: Display Out of Stock Products is No)"}
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
        <nav aria-label="Pages" className="mt-8 flex items-center gap-4 text-sm">
          {page > 1 && (
            <Link href={pageHref(page - 1)} className="text-[#006bb4] underline">
              Previous
            </Link>
          )}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && (
            <Link href={pageHref(page + 1)} className="text-[#006bb4] underline">
              Next
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
