import {
  DEFAULT_PRODUCT_SETTINGS,
  USE_CONFIG_FLAGS,
  effectiveSettings,
  resolveConfig,
  type ConfigRow,
  type EffectiveSettings,
  type OverridableField,
  type ProductInventorySettings,
  type SourceItemStatus,
  type StockSnapshot,
  type StockSourceItem,
} from "@/lib/inventory";

export type ProductOverrides = Partial<Pick<ProductInventorySettings, OverridableField | "isQtyDecimal">>;

/**
 * Effective settings of a product that overrides exactly the given fields ("Use Config Settings"
 * unchecked for them) on top of the given configuration rows (system defaults when none).
 */
export function makeEff(overrides: ProductOverrides = {}, rows: ConfigRow[] = []): EffectiveSettings {
  const product: ProductInventorySettings = { ...DEFAULT_PRODUCT_SETTINGS, ...overrides };
  for (const field of Object.keys(overrides)) {
    if (field in USE_CONFIG_FLAGS) product[USE_CONFIG_FLAGS[field as OverridableField]] = false;
  }
  const { values, origins } = resolveConfig(rows, null);
  return effectiveSettings(product, values, origins);
}

export function source(
  quantity: number,
  status: SourceItemStatus = 1,
  sourceEnabled = true,
  sourceCode = "default",
): StockSourceItem {
  return { sourceCode, quantity, status, sourceEnabled };
}

export function snap(sourceItems: StockSourceItem[], reserved = 0): StockSnapshot {
  return { sourceItems, reserved };
}

/** The snapshot after appending reservations of these quantities. */
export function withReserved(s: StockSnapshot, ...quantities: number[]): StockSnapshot {
  return { ...s, reserved: quantities.reduce((sum, q) => sum + q, s.reserved) };
}

export const NOT_ENOUGH = "is_salable_with_reservations-not_enough_qty";
