import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { listProductGrid } from "@/db/queries/products";
import { requireAdmin } from "@/lib/auth/guard";
import { parseGridParams } from "@/lib/validation/product-grid";
import { ProductGrid } from "./_components/product-grid";

export const metadata: Metadata = { title: "Products" };
export const dynamic = "force-dynamic";

export default async function ProductGridPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin();
  const query = parseGridParams(await searchParams);
  const result = listProductGrid(getDb(), query);
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
