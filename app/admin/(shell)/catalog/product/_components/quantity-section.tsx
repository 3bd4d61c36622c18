"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/form/field";
import { AdvancedInventory } from "./advanced-inventory";
import { booleanText, useStatusChoices } from "./fields";
import { StockStatusNote } from "./stock-status-note";

/**
 * Single-source mode: the product's one quantity and status (its `default` source item), with
 * the "Advanced Inventory" button beside Quantity (screens-and-api.md).
 */
export function QuantitySection() {
  const t = useTranslations("Products.form");
  const statusChoices = useStatusChoices();
  return (
    <section aria-labelledby="quantity-heading" className="space-y-4 border border-line bg-white p-6">
      <h2 id="quantity-heading" className="sr-only">
        {t("quantity")}
      </h2>
      <Field name="stockItem.qty" id="quantity" label={t("quantity")} layout="row" inputMode="decimal" aside={<AdvancedInventory />} />
      <Field
        name="stockItem.isInStock"
        id="stock-status"
        label={t("stockStatus")}
        layout="row"
        options={statusChoices}
        {...booleanText}
        notes={<StockStatusNote />}
      />
    </section>
  );
}
