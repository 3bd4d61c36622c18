import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FlashMessages } from "@/components/admin/flash-messages";
import { PageHeader } from "@/components/admin/page-header";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/server/db";
import { listProductGrid } from "@/db/queries/product-grid";
import { requireResource } from "@/server/auth/guard";
import { readFlash } from "@/server/flash";
import { gridSearchParams, parseGridParams, type ProductGridQuery } from "@/lib/validation/product-grid";
import { ProductGrid } from "./_components/product-grid";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Products"))("title") };
}
export const dynamic = "force-dynamic";

function exportHref(query: ProductGridQuery): string {
  const params = gridSearchParams({ q: query.q, filters: query.filters, sort: "id", dir: "asc", page: 1, limit: 20 });
  params.set("entity", "catalog_product");
  return `/admin/export?${params}`;
}

export default async function ProductGridPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireResource("Magento_Catalog::products", "/admin/catalog/product");
  const params = await searchParams;
  const query = parseGridParams(params);
  // One URL per view: a filter form's empty fields or a hand-edited value are written out of it.
  const canonical = gridSearchParams(query);
  const given = new URLSearchParams(
    Object.entries(params).flatMap(([key, value]) => [value ?? []].flat().map((v) => [key, v])),
  );
  const sorted = (p: URLSearchParams) => [...p.entries()].map(([k, v]) => `${k}=${v}`).sort().join("&");
  if (sorted(canonical) !== sorted(given)) {
    redirect(canonical.size > 0 ? `/admin/catalog/product?${canonical}` : "/admin/catalog/product");
  }
  const result = await listProductGrid(await getDb(), query);
  const t = await getTranslations("Products");
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <>
            {/* The view's search and filters go along: Export offers "Products matching the filter". */}
            <Link href={exportHref(query)} className={buttonClass("secondary")}>
              {t("export")}
            </Link>
            <Link href="/admin/catalog/product/new" className={buttonClass("primary")}>
              {t("addProduct")}
            </Link>
          </>
        }
      />
      {/* What Update attributes left to say ("A total of N record(s) were updated."). */}
      <FlashMessages messages={await readFlash()} />
      <ProductGrid query={query} result={result} />
    </>
  );
}
