import { SYSTEM_DEFAULT_CONFIG } from "./config";
import { round4 } from "./quantity";
import type {
  StockFigureSettings,
  Backorders,
  EffectiveSettings,
  InventoryConfig,
  InventoryConfigKey,
  OverridableField,
  ProductInventorySettings,
  Resolved,
  ValueOrigin,
} from "./types";

/** The "Use Config Settings" flag that points each overridable field at the configuration (inventory-rules §1.2). */
export const USE_CONFIG_FLAGS = {
  manageStock: "useConfigManageStock",
  minQty: "useConfigMinQty",
  minSaleQty: "useConfigMinSaleQty",
  maxSaleQty: "useConfigMaxSaleQty",
  backorders: "useConfigBackorders",
  notifyStockQty: "useConfigNotifyStockQty",
  enableQtyIncrements: "useConfigEnableQtyInc",
  qtyIncrements: "useConfigQtyIncrements",
} as const satisfies Record<OverridableField, keyof ProductInventorySettings>;

/** A new product: every "Use Config Settings" checked (inventory-rules §1.2), values at the system defaults. */
export const DEFAULT_PRODUCT_SETTINGS: ProductInventorySettings = {
  manageStock: SYSTEM_DEFAULT_CONFIG.manageStock,
  useConfigManageStock: true,
  minQty: SYSTEM_DEFAULT_CONFIG.minQty,
  useConfigMinQty: true,
  minSaleQty: SYSTEM_DEFAULT_CONFIG.minSaleQty,
  useConfigMinSaleQty: true,
  maxSaleQty: SYSTEM_DEFAULT_CONFIG.maxSaleQty,
  useConfigMaxSaleQty: true,
  isQtyDecimal: false,
  isDecimalDivided: false,
  backorders: SYSTEM_DEFAULT_CONFIG.backorders,
  useConfigBackorders: true,
  notifyStockQty: SYSTEM_DEFAULT_CONFIG.notifyStockQty,
  useConfigNotifyStockQty: true,
  enableQtyIncrements: SYSTEM_DEFAULT_CONFIG.enableQtyIncrements,
  useConfigEnableQtyInc: true,
  qtyIncrements: SYSTEM_DEFAULT_CONFIG.qtyIncrements,
  useConfigQtyIncrements: true,
};

/**
 * The settings as the Advanced Inventory panel shows them: each field whose "Use Config Settings"
 * is checked holds the current global value, whatever an older save stored there (inventory-rules §1.2).
 * Applied to DEFAULT_PRODUCT_SETTINGS it gives a new product's panel.
 */
export function withGlobalValuesShown(settings: ProductInventorySettings, config: InventoryConfig): ProductInventorySettings {
  const shown = { ...settings };
  for (const field of Object.keys(USE_CONFIG_FLAGS) as OverridableField[]) {
    if (settings[USE_CONFIG_FLAGS[field]]) setField(shown, field, config[field]);
  }
  return shown;
}

// One assignment for every overridable field: the product's fields have the configuration's types.
function setField<K extends OverridableField>(target: Pick<InventoryConfig, OverridableField>, field: K, value: InventoryConfig[K]) {
  target[field] = value;
}

/** The fields of the Advanced Inventory panel, in the order of inventory-rules §1.2. */
export type AdvancedInventoryField =
  | "manageStock"
  | "qty"
  | "minQty"
  | "minSaleQty"
  | "maxSaleQty"
  | "isQtyDecimal"
  | "isDecimalDivided"
  | "backorders"
  | "notifyStockQty"
  | "enableQtyIncrements"
  | "qtyIncrements"
  | "stockStatus";

export interface AdvancedInventoryFieldSpec {
  field: AdvancedInventoryField;
  label: string;
  /** Has a "Use Config Settings" checkbox. */
  overridable: boolean;
}

/** Inventory-rules §1.2, row by row. */
export const ADVANCED_INVENTORY_FIELDS: readonly AdvancedInventoryFieldSpec[] = [
  { field: "manageStock", label: "Manage Stock", overridable: true },
  { field: "qty", label: "Qty", overridable: false },
  { field: "minQty", label: "Out-of-Stock Threshold", overridable: true },
  { field: "minSaleQty", label: "Minimum Qty Allowed in Shopping Cart", overridable: true },
  { field: "maxSaleQty", label: "Maximum Qty Allowed in Shopping Cart", overridable: true },
  { field: "isQtyDecimal", label: "Qty Uses Decimals", overridable: false },
  { field: "isDecimalDivided", label: "Allow Multiple Boxes for Shipping", overridable: false },
  { field: "backorders", label: "Backorders", overridable: true },
  { field: "notifyStockQty", label: "Notify for Quantity Below", overridable: true },
  { field: "enableQtyIncrements", label: "Enable Qty Increments", overridable: true },
  { field: "qtyIncrements", label: "Qty Increments", overridable: true },
  { field: "stockStatus", label: "Stock Status", overridable: false },
];

export interface PanelState {
  /** The effective Manage Stock (inventory-rules §1.3). */
  manageStock: boolean;
  /** The effective Enable Qty Increments. */
  enableQtyIncrements: boolean;
  /** Only the default source exists: quantity and status are edited on the product itself. */
  singleSourceMode: boolean;
}

const MANAGED_SINGLE_SOURCE: readonly AdvancedInventoryField[] = ["qty", "notifyStockQty", "stockStatus"];
const MANAGED: readonly AdvancedInventoryField[] = ["minQty", "isQtyDecimal", "isDecimalDivided", "backorders"];

/** Inventory-rules §1.2 "shown when": Manage Stock = No hides the stock fields; Qty Increments needs Enable = Yes. */
export function isPanelFieldShown(field: AdvancedInventoryField, state: PanelState): boolean {
  if (MANAGED_SINGLE_SOURCE.includes(field)) return state.manageStock && state.singleSourceMode;
  if (MANAGED.includes(field)) return state.manageStock;
  if (field === "qtyIncrements") return state.enableQtyIncrements;
  return true;
}

/**
 * The Out-of-Stock Threshold every formula uses (inventory-rules §1.3, Magento's clamp): with backorders a
 * negative threshold is the backorder allowance and a positive one is ignored; without
 * backorders a negative one is ignored.
 */
export function effectiveThreshold(raw: number, backorders: Backorders): number {
  if (backorders !== 0) return raw >= 0 ? 0 : raw;
  return raw > 0 ? raw : 0;
}

const PRODUCT_ORIGIN: ValueOrigin = { kind: "product" };

type Overridable = Pick<InventoryConfig, OverridableField>;

function resolveOverridable<K extends OverridableField>(
  field: K,
  product: Pick<ProductInventorySettings, K | (typeof USE_CONFIG_FLAGS)[K]>,
  config: Overridable,
  origins: Record<InventoryConfigKey, ValueOrigin>,
): Resolved<Overridable[K]> {
  return product[USE_CONFIG_FLAGS[field]]
    ? { value: config[field], origin: origins[field] }
    : // The product's own fields have the same types as the configuration's.
      { value: product[field] as Overridable[K], origin: PRODUCT_ORIGIN };
}

/** The fields the stock figures (salable quantity, salable, backordered, the low-stock notify level) read. */
export const FIGURE_FIELDS = ["manageStock", "backorders", "minQty", "notifyStockQty"] as const satisfies readonly OverridableField[];
type FigureField = (typeof FIGURE_FIELDS)[number];

/** A product's own values and "Use Config Settings" flags of FIGURE_FIELDS. */
export type FigureInputs = Pick<ProductInventorySettings, FigureField | (typeof USE_CONFIG_FLAGS)[FigureField]>;

/** The effective settings the stock figures read: salableQty, isSalable and backorderQty take no more. */
export type FigureSettings = Pick<EffectiveSettings, "manageStock" | "backorders" | "minQty" | "effectiveMinQty" | "notifyStockQty">;

/** Inventory-rules §1.3 for FIGURE_FIELDS alone: what a pass over the whole catalog needs. */
export function figureSettings(
  product: FigureInputs,
  config: InventoryConfig,
  origins: Record<InventoryConfigKey, ValueOrigin>,
): FigureSettings {
  const minQty = resolveOverridable("minQty", product, config, origins);
  const backorders = resolveOverridable("backorders", product, config, origins);
  return {
    manageStock: resolveOverridable("manageStock", product, config, origins),
    minQty,
    effectiveMinQty: effectiveThreshold(minQty.value, backorders.value),
    backorders,
    notifyStockQty: resolveOverridable("notifyStockQty", product, config, origins),
  };
}

/** Inventory-rules §1.3: each field from the product unless "Use Config Settings" is checked. */
export function effectiveSettings(
  product: ProductInventorySettings,
  config: InventoryConfig,
  origins: Record<InventoryConfigKey, ValueOrigin>,
): EffectiveSettings {
  const pick = <K extends OverridableField>(field: K) => resolveOverridable(field, product, config, origins);
  return {
    ...figureSettings(product, config, origins),
    minSaleQty: pick("minSaleQty"),
    maxSaleQty: pick("maxSaleQty"),
    enableQtyIncrements: pick("enableQtyIncrements"),
    qtyIncrements: pick("qtyIncrements"),
    isQtyDecimal: product.isQtyDecimal,
  };
}

/** The increment shoppers must buy in, or null: it applies only when enabled and > 0 (inventory-rules §1.3). */
export function activeQtyIncrement(eff: EffectiveSettings): number | null {
  return eff.enableQtyIncrements.value && eff.qtyIncrements.value > 0 ? eff.qtyIncrements.value : null;
}

/**
 * Backorders on with an effective threshold ≥ 0: no floor at all (inventory-rules §3 sufficient check 1).
 * Only meaningful while stock is managed.
 */
export function hasUnlimitedBackorders(eff: StockFigureSettings): boolean {
  return eff.manageStock.value && eff.backorders.value !== 0 && eff.effectiveMinQty >= 0;
}

/**
 * What a raw threshold means under the given Backorders setting (inventory-rules §1.3): the
 * configuration page and the product page say it in one sentence, in the admin's language
 * (the Config catalog's `explanation.<kind>`), with `qty` where it names a quantity.
 */
export type ThresholdMeaning =
  | { kind: "belowZero"; qty: number }
  | { kind: "ignoredWhileAllowed" | "unlimited" | "negativeIgnored" | "outAtZero" }
  | { kind: "outAtOrBelow"; qty: number };

export function thresholdMeaning(raw: number, backorders: Backorders): ThresholdMeaning {
  if (backorders !== 0) {
    if (raw < 0) return { kind: "belowZero", qty: round4(-raw) };
    return { kind: raw > 0 ? "ignoredWhileAllowed" : "unlimited" };
  }
  if (raw < 0) return { kind: "negativeIgnored" };
  return raw > 0 ? { kind: "outAtOrBelow", qty: round4(raw) } : { kind: "outAtZero" };
}
