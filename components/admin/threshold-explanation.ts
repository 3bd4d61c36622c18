import type { useTranslations } from "next-intl";
import { formatQuantity } from "@/lib/i18n/format";
import type { LocaleTag } from "@/lib/i18n/locales";
import { thresholdMeaning, type Backorders } from "@/lib/inventory";

type ConfigTranslator = ReturnType<typeof useTranslations<"Config">>;

/**
 * What an Out-of-Stock Threshold means under a Backorders setting (lib/inventory's
 * thresholdMeaning), in one sentence of the reader's language, with the reader's numbers ("2,5"
 * in Dutch): under the configuration page's field and in the product page's Advanced Inventory.
 */
export function thresholdExplanation(t: ConfigTranslator, locale: LocaleTag, raw: number, backorders: Backorders): string {
  const meaning = thresholdMeaning(raw, backorders);
  switch (meaning.kind) {
    case "belowZero":
      return t("explanation.belowZero", { count: meaning.qty, qty: formatQuantity(meaning.qty, locale) });
    case "outAtOrBelow":
      return t("explanation.outAtOrBelow", { qty: formatQuantity(meaning.qty, locale) });
    default:
      return t(`explanation.${meaning.kind}`);
  }
}
