import type {
  ConfigRow,
  InventoryConfig,
  InventoryConfigKey,
  Resolved,
  Scope,
  ScopeContext,
  ValueOrigin,
} from "./types";

export type ConfigGroupId = "options" | "item_options";
type ConfigScopeLevel = "global" | "website" | "store";

export interface ConfigOption {
  value: string;
  label: string;
}

/** One field of Stores > Configuration > Catalog > Inventory (inventory-rules §1.1). */
export interface ConfigField {
  key: InventoryConfigKey;
  /** Full core_config_data path, e.g. "cataloginventory/item_options/backorders". */
  path: string;
  label: string;
  group: ConfigGroupId;
  input: "yesno" | "number" | "select";
  options?: readonly ConfigOption[];
  /** The value used when nothing is stored at any scope: "1"/"0" for Yes/No, numbers as strings. */
  systemDefault: string;
  scopeLevel: ConfigScopeLevel;
  comment?: string;
  /** false only for auto_return, which has no "Use system value" checkbox (inventory-rules §1.1). */
  canInherit: boolean;
  /** Shown only while the other field holds this value. */
  dependsOn?: { key: InventoryConfigKey; value: string };
}

export interface ConfigGroup {
  id: ConfigGroupId;
  /** Path prefix of the group's fields. */
  path: string;
  title: string;
  comment?: string;
}

export const CONFIG_GROUPS: readonly ConfigGroup[] = [
  { id: "options", path: "cataloginventory/options", title: "Stock Options" },
  {
    id: "item_options",
    path: "cataloginventory/item_options",
    title: "Product Stock Options",
    comment: "Please note that these settings apply to individual items in the cart, not to the entire cart.",
  },
];

const BACKORDER_OPTIONS: readonly ConfigOption[] = [
  { value: "0", label: "No Backorders" },
  { value: "1", label: "Allow Qty Below 0" },
  { value: "2", label: "Allow Qty Below 0 and Notify Customer" },
];

const NOT_AVAILABLE_MESSAGE_OPTIONS: readonly ConfigOption[] = [
  { value: "1", label: "Only X of Y available" },
  { value: "2", label: "Not enough items for sale" },
];

const YES_NO_OPTIONS: readonly ConfigOption[] = [
  { value: "1", label: "Yes" },
  { value: "0", label: "No" },
];

/** Inventory-rules §1.1, in the order the configuration page shows them. */
export const CONFIG_FIELDS: readonly ConfigField[] = [
  {
    key: "canSubtract",
    path: "cataloginventory/options/can_subtract",
    label: "Decrease Stock When Order is Placed",
    group: "options",
    input: "yesno",
    systemDefault: "1",
    scopeLevel: "global",
    canInherit: true,
  },
  {
    key: "canBackInStock",
    path: "cataloginventory/options/can_back_in_stock",
    label: "Set Items' Status to be In Stock When Order is Cancelled",
    group: "options",
    input: "yesno",
    systemDefault: "1",
    scopeLevel: "global",
    canInherit: true,
  },
  {
    key: "showOutOfStock",
    path: "cataloginventory/options/show_out_of_stock",
    label: "Display Out of Stock Products",
    group: "options",
    input: "yesno",
    systemDefault: "0",
    scopeLevel: "global",
    comment: "Products will still be shown by direct product URLs.",
    canInherit: true,
  },
  {
    key: "stockThresholdQty",
    path: "cataloginventory/options/stock_threshold_qty",
    label: "Only X left Threshold",
    group: "options",
    input: "number",
    systemDefault: "0",
    scopeLevel: "website",
    canInherit: true,
  },
  {
    key: "notAvailableMessage",
    path: "cataloginventory/options/not_available_message",
    label: "Not Available Message",
    group: "options",
    input: "select",
    options: NOT_AVAILABLE_MESSAGE_OPTIONS,
    systemDefault: "2",
    scopeLevel: "website",
    canInherit: true,
  },
  {
    key: "displayProductStockStatus",
    path: "cataloginventory/options/display_product_stock_status",
    label: "Display Products Availability in Stock on Storefront",
    group: "options",
    input: "yesno",
    systemDefault: "1",
    scopeLevel: "store",
    canInherit: true,
  },
  {
    key: "manageStock",
    path: "cataloginventory/item_options/manage_stock",
    label: "Manage Stock",
    group: "item_options",
    input: "yesno",
    systemDefault: "1",
    scopeLevel: "global",
    canInherit: true,
  },
  {
    key: "backorders",
    path: "cataloginventory/item_options/backorders",
    label: "Backorders",
    group: "item_options",
    input: "select",
    options: BACKORDER_OPTIONS,
    systemDefault: "0",
    scopeLevel: "global",
    canInherit: true,
  },
  {
    key: "maxSaleQty",
    path: "cataloginventory/item_options/max_sale_qty",
    label: "Maximum Qty Allowed in Shopping Cart",
    group: "item_options",
    input: "number",
    systemDefault: "10000",
    scopeLevel: "global",
    canInherit: true,
  },
  {
    key: "minQty",
    path: "cataloginventory/item_options/min_qty",
    label: "Out-of-Stock Threshold",
    group: "item_options",
    input: "number",
    systemDefault: "0",
    scopeLevel: "global",
    canInherit: true,
  },
  {
    key: "minSaleQty",
    path: "cataloginventory/item_options/min_sale_qty",
    label: "Minimum Qty Allowed in Shopping Cart",
    group: "item_options",
    input: "number",
    systemDefault: "1",
    scopeLevel: "global",
    canInherit: true,
  },
  {
    key: "notifyStockQty",
    path: "cataloginventory/item_options/notify_stock_qty",
    label: "Notify for Quantity Below",
    group: "item_options",
    input: "number",
    systemDefault: "1",
    scopeLevel: "global",
    canInherit: true,
  },
  {
    key: "enableQtyIncrements",
    path: "cataloginventory/item_options/enable_qty_increments",
    label: "Enable Qty Increments",
    group: "item_options",
    input: "yesno",
    systemDefault: "0",
    scopeLevel: "global",
    canInherit: true,
  },
  {
    key: "qtyIncrements",
    path: "cataloginventory/item_options/qty_increments",
    label: "Qty Increments",
    group: "item_options",
    input: "number",
    systemDefault: "1",
    scopeLevel: "global",
    canInherit: true,
    dependsOn: { key: "enableQtyIncrements", value: "1" },
  },
  {
    key: "autoReturn",
    path: "cataloginventory/item_options/auto_return",
    label: "Automatically Return Credit Memo Item to Stock",
    group: "item_options",
    input: "yesno",
    systemDefault: "0",
    scopeLevel: "global",
    canInherit: false,
  },
];

const FIELDS_BY_PATH = new Map(CONFIG_FIELDS.map((field) => [field.path, field]));
const FIELDS_BY_KEY = new Map(CONFIG_FIELDS.map((field) => [field.key, field]));

export function fieldByPath(path: string): ConfigField | undefined {
  return FIELDS_BY_PATH.get(path);
}

export function fieldByKey(key: InventoryConfigKey): ConfigField {
  // Every InventoryConfigKey has a field: the table above covers the whole InventoryConfig.
  return FIELDS_BY_KEY.get(key)!;
}

const SCOPE_LEVEL_LABELS: Record<ConfigScopeLevel, string> = {
  global: "[GLOBAL]",
  website: "[WEBSITE]",
  store: "[STORE VIEW]",
};

/** "[GLOBAL]", "[WEBSITE]" or "[STORE VIEW]" beside the control (inventory-rules §1.1). */
export function scopeLabel(field: ConfigField): string {
  return SCOPE_LEVEL_LABELS[field.scopeLevel];
}

const INHERIT_LABELS: Record<Scope, string> = {
  default: "Use system value",
  websites: "Use Default",
  stores: "Use Website",
};

/** The inherit checkbox's label at a scope (inventory-rules §1.1). */
export function inheritLabel(scope: Scope): string {
  return INHERIT_LABELS[scope];
}

const SCOPES_OF_LEVEL: Record<ConfigScopeLevel, readonly Scope[]> = {
  global: ["default"],
  website: ["default", "websites"],
  store: ["default", "websites", "stores"],
};

/** Whether the field is shown (and can be stored) at that scope (inventory-rules §1.1 scope column). */
export function fieldAppliesAtScope(field: ConfigField, scope: Scope): boolean {
  return SCOPES_OF_LEVEL[field.scopeLevel].includes(scope);
}

type ConfigValue = InventoryConfig[InventoryConfigKey];

/**
 * A stored string as the field's typed value, or undefined when the field cannot hold it, so
 * a hand-edited or stale row falls back to the parent scope instead of breaking every figure.
 */
export function parseConfigValue(field: ConfigField, raw: string): ConfigValue | undefined {
  const text = raw.trim();
  switch (field.input) {
    case "yesno":
      return text === "1" ? true : text === "0" ? false : undefined;
    case "select":
      return field.options!.some((option) => option.value === text) ? (Number(text) as ConfigValue) : undefined;
    case "number": {
      const n = Number(text);
      return text !== "" && Number.isFinite(n) ? n : undefined;
    }
  }
}

interface ScopeLevel {
  scope: Scope;
  scopeId: number;
}

const DEFAULT_LEVEL: ScopeLevel = { scope: "default", scopeId: 0 };

/** The choices a Yes/No or select field offers, in the order the page lists them. */
export function fieldOptions(fieldOrKey: ConfigField | InventoryConfigKey): readonly ConfigOption[] {
  const field = typeof fieldOrKey === "string" ? fieldByKey(fieldOrKey) : fieldOrKey;
  return field.input === "yesno" ? YES_NO_OPTIONS : (field.options ?? []);
}

/** The scopes a value at (scope, scopeId) is read from, nearest first (inventory-rules §1.1). */
function scopeChain(scope: Scope, scopeId: number, websiteIdOfStore?: number): ScopeLevel[] {
  if (scope === "default") return [DEFAULT_LEVEL];
  const website: ScopeLevel[] =
    scope === "stores" && websiteIdOfStore !== undefined ? [{ scope: "websites", scopeId: websiteIdOfStore }] : [];
  return [{ scope, scopeId }, ...website, DEFAULT_LEVEL];
}

type RowIndex = Map<string, string>;

const rowKey = (scope: Scope, scopeId: number, path: string) => `${scope}|${scopeId}|${path}`;

function indexRows(rows: readonly ConfigRow[]): RowIndex {
  return new Map(rows.map((row) => [rowKey(row.scope, row.scopeId, row.path), row.value]));
}

interface FieldResolution {
  raw: string;
  value: ConfigValue;
  origin: ValueOrigin;
}

/** First parsable stored value along the chain, else the system default. */
function resolveField(index: RowIndex, field: ConfigField, chain: readonly ScopeLevel[]): FieldResolution {
  for (const level of chain) {
    // A row below the field's scope level (a [GLOBAL] value at a website, say) cannot be set from
    // the page, so it is a stale or hand-made row: ignore it (inventory-rules §1.1 scope column).
    if (!fieldAppliesAtScope(field, level.scope)) continue;
    const raw = index.get(rowKey(level.scope, level.scopeId, field.path));
    const value = raw === undefined ? undefined : parseConfigValue(field, raw);
    if (raw !== undefined && value !== undefined) {
      return { raw, value, origin: { kind: "config", scope: level.scope, scopeId: level.scopeId } };
    }
  }
  return { raw: field.systemDefault, value: parseConfigValue(field, field.systemDefault)!, origin: { kind: "system" } };
}

export interface ResolvedInventoryConfig {
  values: InventoryConfig;
  origins: Record<InventoryConfigKey, ValueOrigin>;
}

/**
 * The configuration one store view sees: each field from the nearest scope that stores a valid
 * value, then the system default (inventory-rules §1.1). `ctx` null reads Default Config only.
 */
export function resolveConfig(rows: readonly ConfigRow[], ctx: ScopeContext | null): ResolvedInventoryConfig {
  return ctx ? resolveConfigAt(rows, "stores", ctx.storeId, ctx.websiteId) : resolveConfigAt(rows, "default", 0);
}

/**
 * The configuration as seen at any scope of the page, the scope's own rows included: what a
 * website or Default Config "means now" once its values are saved (inventory-rules §1.1).
 */
export function resolveConfigAt(
  rows: readonly ConfigRow[],
  scope: Scope,
  scopeId: number,
  websiteIdOfStore?: number,
): ResolvedInventoryConfig {
  const index = indexRows(rows);
  const chain = scopeChain(scope, scopeId, websiteIdOfStore);
  const values: Partial<Record<InventoryConfigKey, ConfigValue>> = {};
  const origins: Partial<Record<InventoryConfigKey, ValueOrigin>> = {};
  for (const field of CONFIG_FIELDS) {
    const resolved = resolveField(index, field, chain);
    values[field.key] = resolved.value;
    origins[field.key] = resolved.origin;
  }
  return { values: values as InventoryConfig, origins: origins as Record<InventoryConfigKey, ValueOrigin> };
}

/** Every field at its system default: what an empty core_config_data resolves to. */
export const SYSTEM_DEFAULT_CONFIG: InventoryConfig = resolveConfig([], null).values;

/** The stored text (trimmed) of the first parsable value along the chain, and where it is from. */
function resolveText(rows: readonly ConfigRow[], key: InventoryConfigKey, chain: readonly ScopeLevel[]): Resolved<string> {
  const { raw, origin } = resolveField(indexRows(rows), fieldByKey(key), chain);
  return { value: raw.trim(), origin };
}

/**
 * What the field shows at (scope, scopeId) while its inherit checkbox is checked: resolution
 * starting at the parent scope. At Default Config that is the system default.
 */
export function inheritedValue(
  rows: readonly ConfigRow[],
  key: InventoryConfigKey,
  scope: Scope,
  scopeId: number,
  websiteIdOfStore?: number,
): Resolved<string> {
  return resolveText(rows, key, scopeChain(scope, scopeId, websiteIdOfStore).slice(1));
}

/**
 * The value in force at (scope, scopeId) as stored text, the scope's own value included, and
 * where it comes from: what the page shows once saved, and what the configuration API answers.
 */
export function configValueAt(
  rows: readonly ConfigRow[],
  key: InventoryConfigKey,
  scope: Scope,
  scopeId: number,
  websiteIdOfStore?: number,
): Resolved<string> {
  return resolveText(rows, key, scopeChain(scope, scopeId, websiteIdOfStore));
}

export interface ScopeNames {
  websites?: Record<number, string>;
  stores?: Record<number, string>;
}

/** Where a value comes from, in words for the admin ("Website: Main Website"). */
export function describeOrigin(origin: ValueOrigin, names?: ScopeNames): string {
  if (origin.kind === "system") return "System default";
  if (origin.kind === "product") return "Product override";
  if (origin.scope === "websites") return `Website: ${names?.websites?.[origin.scopeId] ?? `ID ${origin.scopeId}`}`;
  if (origin.scope === "stores") return `Store View: ${names?.stores?.[origin.scopeId] ?? `ID ${origin.scopeId}`}`;
  return "Default Config";
}

/** A value as the admin reads it: the option label for selects and Yes/No, else the number. */
export function optionLabel(key: InventoryConfigKey, value: string | number | boolean): string {
  const text = typeof value === "boolean" ? (value ? "1" : "0") : String(value);
  return fieldOptions(key).find((option) => option.value === text)?.label ?? text;
}

/**
 * Beside a product's overridable setting: the value in force and where it comes from, e.g.
 * "Config: Allow Qty Below 0 — Default Config" or "Product: No Backorders — Product override".
 */
export function effectiveValueNote(
  key: InventoryConfigKey,
  resolved: Resolved<string | number | boolean>,
  names?: ScopeNames,
): string {
  const kind = resolved.origin.kind === "product" ? "Product" : "Config";
  return `${kind}: ${optionLabel(key, resolved.value)} — ${describeOrigin(resolved.origin, names)}`;
}

/**
 * The rows once `values` are saved at (scope, scopeId): a string stores that value, null removes
 * the scope's own value so the field inherits again (inventory-rules §1.1). Other scopes are untouched.
 */
export function withConfigValues(
  rows: readonly ConfigRow[],
  scope: Scope,
  scopeId: number,
  values: Readonly<Record<string, string | null>>,
): ConfigRow[] {
  const kept = rows.filter((row) => !(row.scope === scope && row.scopeId === scopeId && row.path in values));
  const added = Object.entries(values).flatMap(([path, value]) =>
    value === null ? [] : [{ scope, scopeId, path, value }],
  );
  return [...kept, ...added];
}
