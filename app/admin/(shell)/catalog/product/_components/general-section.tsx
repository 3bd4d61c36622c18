"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/form/field";

const TEXT_BOX = "w-full max-w-xl border-line px-3 py-2 text-sm";

/** "Enable Product", "Product Name", "SKU", "Price" (screens-and-api.md, product page). */
export function GeneralSection() {
  const t = useTranslations("Products.form");
  return (
    <section aria-labelledby="general-heading" className="space-y-4 border border-line bg-white p-6">
      <h2 id="general-heading" className="sr-only">
        {t("product")}
      </h2>
      <Field name="enabled" id="enable-product" label={t("enableProduct")} type="switch" layout="row" />
      <Field name="name" id="product-name" label={t("productName")} layout="row" required controlClassName={TEXT_BOX} />
      <Field name="sku" id="sku" label={t("sku")} layout="row" required controlClassName={TEXT_BOX} />
      <Field name="price" id="price" label={t("price")} layout="row" required inputMode="decimal" prefix="$" />
    </section>
  );
}
