"use client";

import { STOCK_STATUS_OPTIONS } from "@/lib/inventory";
import { AdvancedInventory } from "./advanced-inventory";
import { FieldRow, SelectControl, TextControl, booleanText } from "./fields";
import { StockStatusNote } from "./stock-status-note";

const STATUS_CHOICES = STOCK_STATUS_OPTIONS.map((o) => ({ value: String(o.value), label: o.label }));

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
      <FieldRow id="quantity" label="Quantity" name="stockItem.qty" aside={<AdvancedInventory />}>
        <TextControl id="quantity" name="stockItem.qty" inputMode="decimal" />
      </FieldRow>
      <FieldRow id="stock-status" label="Stock Status" name="stockItem.isInStock" notes={<StockStatusNote />}>
        <SelectControl id="stock-status" name="stockItem.isInStock" options={STATUS_CHOICES} {...booleanText} />
      </FieldRow>
    </section>
  );
}
