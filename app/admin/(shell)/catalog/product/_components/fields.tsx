import type { Path } from "react-hook-form";
import { STOCK_STATUS_OPTIONS } from "@/lib/inventory";
import type { ProductFormInput } from "@/lib/validation/product";

export type FormPath = Path<ProductFormInput>;

/** Yes/No selects hold booleans; Magento's option values are "1" and "0". A Field's format / parse. */
export const booleanText = {
  format: (value: unknown) => (value === true || value === 1 || value === "1" ? "1" : "0"),
  parse: (text: string) => text === "1",
};

/** Stock Status and Source Item Status, over the form's boolean with booleanText. */
export const STATUS_CHOICES = STOCK_STATUS_OPTIONS.map((o) => ({ value: String(o.value), label: o.label }));
