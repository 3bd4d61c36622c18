"use server";

import { getDb } from "@/server/db";
import { saveConfigValues } from "@/db/queries/config";
import { getConfigImpact } from "@/db/queries/config-impact";
import { requireAdmin } from "@/server/auth/guard";
import { isAllowed } from "@/lib/auth/acl";
import { fieldByPath, IMPACT_CATEGORIES, type ImpactCategory, type InventoryConfigKey } from "@/lib/inventory";
import { CONFIG_SAVED, configFormSchema, formFieldName } from "@/lib/validation/config";
import { serverAction } from "@/server/action";
import { productGridHref } from "./_components/scope-route";

export interface SavedWarning {
  /** The field the warning is about: the message links to its row (labelled in the reader's language). */
  key: InventoryConfigKey;
  /** The rules engine's English text: the page shows it through its Messages entry. */
  message: string;
}

const RESOURCE = "Magento_CatalogInventory::cataloginventory";

/** Save Config: the form parsed again with the client's schema, then one transaction. */
export const saveInventoryConfig = serverAction({
  resource: RESOURCE,
  schema: configFormSchema,
  // Refusals name config paths; the form names its fields by key.
  fieldName: (path) => {
    const field = fieldByPath(path);
    return field && formFieldName(field.key);
  },
  run: (input, { db, admin }) => saveConfigValues(db, { ...input, actor: admin }),
  // Config reaches every screen: grid, product page, storefront preview, dashboard, reports.
  revalidate: ["/"],
  done: (result) => ({
    message: CONFIG_SAVED,
    data: { warnings: result.warnings.map((warning): SavedWarning => ({ key: warning.key, message: warning.message })) },
  }),
});

interface ImpactLine {
  /** The page words it: "1 product becomes out of stock", "8 products stop accepting backorders". */
  category: ImpactCategory;
  count: number;
  /** The product grid filtered to the affected products (the first `shown` of them). */
  href: string;
  shown: number;
}

export interface ImpactPreview {
  checked: number;
  lines: ImpactLine[];
}

/**
 * What the form's unsaved values would do to the catalog; null when they change nothing that can
 * move a product (or are not valid yet, or the admin may not see the configuration). Only the
 * fields the preview covers are sent.
 */
export async function previewInventoryConfigImpact(input: unknown): Promise<ImpactPreview | null> {
  const admin = await requireAdmin();
  if (!isAllowed(admin.acl, RESOURCE)) return null;
  const parsed = configFormSchema.safeParse(input);
  if (!parsed.success || Object.keys(parsed.data.values).length === 0) return null;
  const impact = await getConfigImpact(await getDb(), parsed.data);
  if (!impact) return null;
  return {
    checked: impact.checked,
    lines: IMPACT_CATEGORIES.filter((category) => impact.counts[category] > 0).map((category) => ({
      category,
      count: impact.counts[category],
      href: productGridHref(impact.ids[category]),
      shown: impact.ids[category].length,
    })),
  };
}
