import { z } from "zod";
import { LOCALE_CODES } from "@/lib/i18n/locales";
import { booleanField, idField, numberField, textField } from "./fields";

/*
 * Stores > Settings > All Stores: Magento's Web Site, Store and Store View forms, with its code
 * rule and messages. The admin forms and the server actions parse with these schemas.
 */

/** Magento's rule for every scope code: a letter first, then letters, digits or underscores. */
const SCOPE_CODE = /^[a-z][a-z0-9_]*$/i;
const MAX_CODE = 32;

function scopeCode(message: string) {
  return textField(MAX_CODE).regex(SCOPE_CODE, message);
}

const sortOrder = numberField({ integer: true, min: { value: 0, inclusive: true }, max: 65535 });

export const websiteSchema = z.object({
  name: textField(64),
  code: scopeCode(
    "Website code may only contain letters (a-z), numbers (0-9) or underscore (_), and the first character must be a letter.",
  ),
  sort_order: sortOrder,
  /** Only on edit: one of the website's own stores. */
  default_group_id: idField().optional(),
  /** "Set as Default": a website cannot be made not-default, only another one default. */
  is_default: booleanField(),
});
export type WebsiteInput = z.output<typeof websiteSchema>;

export const storeGroupSchema = z.object({
  website_id: idField(),
  name: textField(255),
  code: scopeCode(
    "Group code may only contain letters (a-z), numbers (0-9) or underscore (_), and the first character must be a letter.",
  ),
  /** Only on edit: one of the store's own store views. */
  default_store_id: idField().optional(),
});
export type StoreGroupInput = z.output<typeof storeGroupSchema>;

/** Codes Stockroom's own URLs use: `/rest/all/V1`, `/rest/schema`, `/rest/V1` and the admin. */
const RESERVED_STORE_CODES = ["admin", "all", "schema", "v1"];

export const storeViewSchema = z.object({
  group_id: idField(),
  name: textField(255),
  code: scopeCode(
    "The store code may contain only letters (a-z), numbers (0-9) or underscore (_), and the first character must be a letter.",
  ).refine((code) => !RESERVED_STORE_CODES.includes(code.toLowerCase()), {
    message: "This store code is reserved. Choose another code.",
  }),
  is_active: booleanField(),
  sort_order: sortOrder,
  /** The language of its storefront (Magento sets it as the store view's general/locale/code). */
  locale: z.enum(LOCALE_CODES, { error: "Please select a locale." }),
});
export type StoreViewInput = z.output<typeof storeViewSchema>;
