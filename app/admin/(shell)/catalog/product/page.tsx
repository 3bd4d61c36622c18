import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/server/db";
import { listProductGrid } from "@/db/queries/product-grid";
import { requireAdmin } from "@/server/auth/guard";
import { gridSearchParams, parseGridParams } from "@/lib/validation/product-grid";
import { ProductGrid } from "./_components/product-grid";

export const metadata: Metadata = { title: "Products" };
export const dynamic = "force-dynamic";

export default async function ProductGridPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin();
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
  return (
    <>
      <PageHeader
        title="Products"
        actions={
          <Link href="/admin/catalog/product/new" className={buttonClass("primary")}>
            Add Product
          </Link>
        }
      />
      <ProductGrid query={query} result={result} />
    </>
  );
}
