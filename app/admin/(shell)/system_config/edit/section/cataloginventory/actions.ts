"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { saveConfigValues } from "@/db/queries/config";
import { getConfigImpact } from "@/db/queries/config-impact";
import { requireAdmin } from "@/lib/auth/guard";
import {
  fieldByKey,
  fieldByPath,
  IMPACT_CATEGORIES,
  impactSentence,
  type ImpactCategory,
  type InventoryConfigKey,
} from "@/lib/inventory";
import { CONFIG_SAVED, configFormSchema, formFieldName } from "@/lib/validation/config";
import { invalid, type ActionResult } from "@/lib/validation/result";
import { productGridHref } from "./_components/scope-route";

export interface SavedWarning {
  /** The field the warning is about: the message links to its row. */
  key: InventoryConfigKey;
  label: string;
  message: string;
}

/** Save Config: the form parsed again with the client's schema, then one transaction. */
export async function saveInventoryConfig(input: unknown): Promise<ActionResult<{ warnings: SavedWarning[] }>> {
  const admin = await requireAdmin();
  const parsed = configFormSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = saveConfigValues(getDb(), { ...parsed.data, actor: admin });
  if (!result.ok) {
    const fieldErrors = Object.fromEntries(
      Object.entries(result.fieldErrors).map(([path, message]) => [formFieldName(fieldByPath(path)!.key), message]),
    );
    return { ok: false, fieldErrors, formError: result.message };
  }
  // Config reaches every screen: grid, product page, storefront preview, dashboard, reports.
  revalidatePath("/", "layout");
  return {
    ok: true,
    message: CONFIG_SAVED,
    data: {
      warnings: result.warnings.map((warning) => ({ ...warning, label: fieldByKey(warning.key).label })),
    },
  };
}

export interface ImpactLine {
  category: ImpactCategory;
  sentence: string;
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
 * move a product (or are not valid yet). Only the fields the preview covers are sent.
 */
export async function previewInventoryConfigImpact(input: unknown): Promise<ImpactPreview | null> {
  await requireAdmin();
  const parsed = configFormSchema.safeParse(input);
  if (!parsed.success || Object.keys(parsed.data.values).length === 0) return null;
  const impact = getConfigImpact(getDb(), parsed.data);
  if (!impact) return null;
  return {
    checked: impact.checked,
    lines: IMPACT_CATEGORIES.filter((category) => impact.counts[category] > 0).map((category) => ({
      category,
      sentence: impactSentence(category, impact.counts[category]),
      count: impact.counts[category],
      href: productGridHref(impact.ids[category]),
      shown: impact.ids[category].length,
    })),
  };
}
