import { useLocale, useTranslations } from "next-intl";
import { formatQuantity } from "@/lib/i18n/format";

const NO_MANAGE_STOCK = "No manage stock";
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A quantity cell as db/queries word it (lib/inventory's formatQty, or "No manage stock" where
 * stock is not tracked), in the reader's language: the figure with the locale's decimal comma.
 */
export function useQuantityLabel(): (text: string) => string {
  const t = useTranslations("Products.grid");
  const locale = useLocale();
  return (text) => {
    if (text === NO_MANAGE_STOCK) return t("noManageStock");
    return NUMBER.test(text) ? formatQuantity(Number(text), locale) : text;
  };
}
