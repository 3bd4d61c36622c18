import { useLocale, useTranslations } from "next-intl";
import type { Path } from "react-hook-form";
import { formatQuantity } from "@/lib/i18n/format";
import { STOCK_STATUS_OPTIONS, type OverridableField, type Resolved, type ValueOrigin } from "@/lib/inventory";
import type { ProductFormInput } from "@/lib/validation/product";

export type FormPath = Path<ProductFormInput>;

/** Yes/No selects hold booleans; Magento's option values are "1" and "0". A Field's format / parse. */
export const booleanText = {
  format: (value: unknown) => (value === true || value === 1 || value === "1" ? "1" : "0"),
  parse: (text: string) => text === "1",
};

/** Stock Status and Source Item Status, over the form's boolean with booleanText, in the reader's language. */
export function useStatusChoices(): { value: string; label: string }[] {
  const t = useTranslations("Products.form");
  return STOCK_STATUS_OPTIONS.map((o) => ({ value: String(o.value), label: t(o.value === 1 ? "inStock" : "outOfStock") }));
}

/** Yes / No, Magento's "1" / "0", in the reader's language. */
export function useYesNoChoices(): { value: string; label: string }[] {
  const t = useTranslations("Common");
  return [
    { value: "1", label: t("yes") },
    { value: "0", label: t("no") },
  ];
}

/** Backorders' three choices (inventory-rules §1.2), in the reader's language. */
export function useBackorderChoices(): { value: string; label: string }[] {
  const t = useTranslations("Products.advanced.backorders");
  return (["0", "1", "2"] as const).map((value) => ({ value, label: t(value) }));
}

/**
 * lib/inventory's effectiveValueNote in the reader's language: beside an overridable setting, the
 * value in force and where it comes from ("Config: Allow Qty Below 0 — Default Config").
 */
export function useEffectiveValueNote(): (field: OverridableField, resolved: Resolved<number | boolean>) => string {
  const t = useTranslations("Products.advanced");
  const common = useTranslations("Common");
  const locale = useLocale();
  const origin = (o: ValueOrigin) => {
    if (o.kind === "system") return t("origin.system");
    if (o.kind === "product") return t("origin.product");
    const name = t("origin.id", { id: o.scopeId });
    if (o.scope === "websites") return t("origin.website", { name });
    if (o.scope === "stores") return t("origin.storeView", { name });
    return t("origin.default");
  };
  return (field, resolved) => {
    const { value } = resolved;
    const text =
      typeof value === "boolean"
        ? common(value ? "yes" : "no")
        : field === "backorders" && (value === 0 || value === 1 || value === 2)
          ? t(`backorders.${value}`)
          : formatQuantity(value, locale);
    const values = { value: text, origin: origin(resolved.origin) };
    return resolved.origin.kind === "product" ? t("noteProduct", values) : t("noteConfig", values);
  };
}
