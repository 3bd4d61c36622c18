import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/server/db";
import { getStock } from "@/db/queries/stocks";
import { requireAdmin } from "@/server/auth/guard";
import { stockIdParam } from "@/lib/validation/msi";
import { StockForm } from "../../../_components/stock-form";
import { stockFormData } from "../../../stock-form-data";

export const metadata: Metadata = { title: "Edit Stock" };
export const dynamic = "force-dynamic";

export default async function EditStockPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  await requireAdmin();
  const id = stockIdParam.safeParse((await params).id);
  const db = await getDb();
  const stock = id.success ? await getStock(db, id.data) : undefined;
  if (!stock) notFound();
  return (
    <StockForm title={stock.name} id={stock.id} saved={(await searchParams).saved === "1"} {...await stockFormData(db, stock)} />
  );
}
