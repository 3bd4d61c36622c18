"use client";

import { Field } from "@/components/form/field";
import { AdvancedInventory } from "./advanced-inventory";
import { STATUS_CHOICES, booleanText } from "./fields";
import { StockStatusNote } from "./stock-status-note";

/**
 * Single-source mode: the product's one quantity and status (its `default` source item), with
 * the "Advanced Inventory" button beside Quantity (screens-and-api.md).
 */
export function QuantitySection() {
  return (
    <section aria-labelledby="quantity-heading" className="space-y-4 border border-line bg-white p-6">
      <h2 id="quantity-heading" className="sr-only">
        Quantity
      </h2>
      <Field name="stockItem.qty" id="quantity" label="Quantity" layout="row" inputMode="decimal" aside={<AdvancedInventory />} />
      <Field
        name="stockItem.isInStock"
        id="stock-status"
        label="Stock Status"
        layout="row"
        options={STATUS_CHOICES}
        {...booleanText}
        notes={<StockStatusNote />}
      />
    </section>
  );
}
