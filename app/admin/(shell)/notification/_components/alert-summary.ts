import { useLocale, useTranslations } from "next-intl";
import { formatQuantity } from "@/lib/i18n/format";
import type { StockAlertKind } from "@/lib/inventory";

interface SummarizedAlert {
  kind: StockAlertKind;
  sku: string;
  stockName: string | null;
  qtyLeft: number;
  notifyQty: number;
}

/**
 * lib/inventory's alertSummary in the reader's language (the RSS feed and the webhook payload keep
 * the English one): for System > Notifications and a webhook's Delivery Log.
 */
export function useAlertSummary(): (alert: SummarizedAlert) => string {
  const t = useTranslations("System.alerts");
  const locale = useLocale();
  return (alert) => {
    const values = {
      sku: alert.sku,
      stock: alert.stockName ?? t("deletedStock"),
      left: formatQuantity(alert.qtyLeft, locale),
      notify: formatQuantity(alert.notifyQty, locale),
      beyond: formatQuantity(-alert.qtyLeft, locale),
    };
    switch (alert.kind) {
      case "low_stock":
        return t("low_stock", values);
      case "out_of_stock":
        return t("out_of_stock", values);
      case "back_in_stock":
        return t("back_in_stock", values);
      case "backorder":
        return t("backorder", values);
    }
  };
}
