import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/server/db";
import { requireResource } from "@/server/auth/guard";
import { StockForm } from "../_components/stock-form";
import { stockFormData } from "../stock-form-data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Inventory"))("stocks.newStock") };
}
export const dynamic = "force-dynamic";

export default async function NewStockPage() {
  await requireResource("Magento_InventoryApi::stock_edit");
  const t = await getTranslations("Inventory.stocks");
  return <StockForm title={t("newStock")} id={null} {...await stockFormData(await getDb(), null)} />;
}
