import type { Metadata } from "next";
import { getDb } from "@/server/db";
import { requireAdmin } from "@/server/auth/guard";
import { StockForm } from "../_components/stock-form";
import { stockFormData } from "../stock-form-data";

export const metadata: Metadata = { title: "New Stock" };
export const dynamic = "force-dynamic";

export default async function NewStockPage() {
  await requireAdmin();
  return <StockForm title="New Stock" id={null} {...await stockFormData(await getDb(), null)} />;
}
