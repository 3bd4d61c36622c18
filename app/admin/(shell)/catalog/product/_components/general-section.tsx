"use client";

import { useController } from "react-hook-form";
import type { ProductFormInput } from "@/lib/validation/product";
import { FieldRow, TextControl } from "./fields";

/** "Enable Product", "Product Name", "SKU", "Price" (screens-and-api.md, product page). */
export function GeneralSection() {
  return (
    <section aria-labelledby="general-heading" className="space-y-4 border border-line bg-white p-6">
      <h2 id="general-heading" className="sr-only">
        Product
      </h2>
      <EnableProduct />
      <FieldRow id="product-name" label="Product Name" name="name" required>
        <TextControl id="product-name" name="name" required wide />
      </FieldRow>
      <FieldRow id="sku" label="SKU" name="sku" required>
        <TextControl id="sku" name="sku" required wide />
      </FieldRow>
      <FieldRow id="price" label="Price" name="price" required>
        <TextControl id="price" name="price" inputMode="decimal" prefix="$" required />
      </FieldRow>
    </section>
  );
}

function EnableProduct() {
  const { field } = useController<ProductFormInput, "enabled">({ name: "enabled" });
  return (
    <FieldRow id="enable-product" label="Enable Product">
      <input
        id="enable-product"
        ref={field.ref}
        type="checkbox"
        role="switch"
        checked={field.value === true || field.value === 1 || field.value === "1"}
        onChange={(e) => field.onChange(e.target.checked)}
        onBlur={field.onBlur}
        className="mt-2 h-5 w-9 accent-accent"
      />
    </FieldRow>
  );
}
