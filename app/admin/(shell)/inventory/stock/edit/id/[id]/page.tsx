import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FlashMessages } from "@/components/admin/flash-messages";
import { getDb } from "@/server/db";
import { getStock } from "@/db/queries/stocks";
import { requireResource } from "@/server/auth/guard";
import { readFlash } from "@/server/flash";
import { stockIdParam } from "@/lib/validation/msi";
import { StockForm } from "../../../_components/stock-form";
import { stockFormData } from "../../../stock-form-data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Inventory"))("stocks.editStock") };
}
export const dynamic = "force-dynamic";

export default async function EditStockPage({ params }: { params: Promise<{ id: string }> }) {
  await requireResource("Magento_InventoryApi::stock");
  const id = stockIdParam.safeParse((await params).id);
  const db = await getDb();
  const stock = id.success ? await getStock(db, id.data) : undefined;
  if (!stock) notFound();
  return (
    <StockForm
      title={stock.name}
      id={stock.id}
      notice={<FlashMessages messages={await readFlash()} />}
      {...await stockFormData(db, stock)}
    />
  );
}
