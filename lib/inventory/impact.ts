import type { ResolvedInventoryConfig } from "./config";
import { storefrontLabels } from "./labels";
import { DEFAULT_PRODUCT_SETTINGS, effectiveSettings } from "./product";
import type { EffectiveSettings, InventoryConfigKey, ProductInventorySettings, StockSnapshot } from "./types";

/**
 * The settings whose change the configuration page previews against the real catalog: the ones
 * that decide salability (inventory-rules §3), backorders (§5) and the "Only X left" message (§6).
 */
export const IMPACT_FIELDS = [
  "manageStock",
  "backorders",
  "minQty",
  "stockThresholdQty",
] as const satisfies readonly InventoryConfigKey[];

export type ImpactCategory =
  | "outOfStock"
  | "salable"
  | "backordersStart"
  | "backordersStop"
  | "onlyXLeftStart"
  | "onlyXLeftStop";

/** In the order the preview lists them. */
export const IMPACT_CATEGORIES: readonly ImpactCategory[] = [
  "outOfStock",
  "salable",
  "backordersStart",
  "backordersStop",
  "onlyXLeftStart",
  "onlyXLeftStop",
];

/**
 * The product settings the outlook rules read (inventory-rules §3, §5, §6 use only the effective Manage
 * Stock, Backorders and threshold): a catalog-wide pass loads just these.
 */
export type ImpactSettings = Pick<
  ProductInventorySettings,
  "manageStock" | "useConfigManageStock" | "minQty" | "useConfigMinQty" | "backorders" | "useConfigBackorders"
>;

export interface ImpactProduct {
  id: number;
  settings: ImpactSettings;
  /** The product's snapshot in each stock it is assigned to, by stock id. */
  snapshots: ReadonlyMap<number, StockSnapshot>;
}

/** A website's storefront: the stock it sells from and its Only X left Threshold before and after. */
export interface ImpactChannel {
  stockId: number;
  onlyXLeftBefore: number;
  onlyXLeftAfter: number;
}

export interface ConfigChange {
  /** The [GLOBAL] configuration products fall back to (inventory-rules §1.3), before and after the change. */
  before: ResolvedInventoryConfig;
  after: ResolvedInventoryConfig;
  channels: readonly ImpactChannel[];
}

/** Whether the change can alter any product's outlook at all; when not there is nothing to preview. */
export function changeHasImpact(change: ConfigChange): boolean {
  const { before, after } = change;
  return (
    IMPACT_FIELDS.some((key) => key !== "stockThresholdQty" && before.values[key] !== after.values[key]) ||
    change.channels.some((channel) => channel.onlyXLeftBefore !== channel.onlyXLeftAfter)
  );
}

interface Outlook {
  salable: boolean;
  backorders: boolean;
  onlyXLeft: boolean;
}

function outlook(eff: EffectiveSettings, snap: StockSnapshot, onlyXLeftThreshold: number): Outlook {
  const labels = storefrontLabels({ eff, snap, onlyXLeftThreshold, displayStockStatus: true });
  return {
    salable: labels.salable,
    // Accepting backorders = an order can take it below zero now: stock managed, backorders on
    // and salable (inventory-rules §3: backorders never rescue an Out of Stock product; §5).
    backorders: labels.salable && eff.manageStock.value && eff.backorders.value !== 0,
    onlyXLeft: labels.onlyXLeft !== null,
  };
}

/**
 * Every outlook rule (inventory-rules §3, §5, §6) reads only these three effective values: when none changes
 * and no Only X left Threshold does, the product's outlook cannot change.
 */
function sameRuleInputs(a: EffectiveSettings, b: EffectiveSettings): boolean {
  return (
    a.manageStock.value === b.manageStock.value &&
    a.backorders.value === b.backorders.value &&
    a.effectiveMinQty === b.effectiveMinQty
  );
}

type EffectivePair = readonly [before: EffectiveSettings, after: EffectiveSettings];

/** Effective settings before and after the change for one combination of product settings. */
function effectivePair(settings: ImpactSettings, change: ConfigChange): EffectivePair {
  const full: ProductInventorySettings = { ...DEFAULT_PRODUCT_SETTINGS, ...settings };
  return [
    effectiveSettings(full, change.before.values, change.before.origins),
    effectiveSettings(full, change.after.values, change.after.origins),
  ];
}

/**
 * A catalog repeats a handful of settings combinations (most products use every config setting),
 * so a catalog-wide pass resolves each combination once.
 */
function pairCache(change: ConfigChange): (settings: ImpactSettings) => EffectivePair {
  const pairs = new Map<string, EffectivePair>();
  return (s) => {
    const key = `${s.manageStock}${s.useConfigManageStock}${s.useConfigMinQty}${s.backorders}${s.useConfigBackorders}${s.minQty}`;
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = effectivePair(s, change)));
    return pair;
  };
}

/** The categories one product falls in when the configuration changes, in IMPACT_CATEGORIES order. */
export function productImpact(
  product: ImpactProduct,
  change: ConfigChange,
  resolve: (settings: ImpactSettings) => EffectivePair = (settings) => effectivePair(settings, change),
): ImpactCategory[] {
  const [before, after] = resolve(product.settings);
  const thresholdsMove = change.channels.some((channel) => channel.onlyXLeftBefore !== channel.onlyXLeftAfter);
  if (!thresholdsMove && sameRuleInputs(before, after)) return [];
  const found = new Set<ImpactCategory>();
  for (const channel of change.channels) {
    const snap = product.snapshots.get(channel.stockId);
    // Not assigned to the website's stock: never salable there, whatever the settings (inventory-rules §2).
    if (!snap) continue;
    const was = outlook(before, snap, channel.onlyXLeftBefore);
    const will = outlook(after, snap, channel.onlyXLeftAfter);
    if (was.salable && !will.salable) found.add("outOfStock");
    if (!was.salable && will.salable) found.add("salable");
    if (!was.backorders && will.backorders) found.add("backordersStart");
    if (was.backorders && !will.backorders) found.add("backordersStop");
    if (!was.onlyXLeft && will.onlyXLeft) found.add("onlyXLeftStart");
    if (was.onlyXLeft && !will.onlyXLeft) found.add("onlyXLeftStop");
  }
  return IMPACT_CATEGORIES.filter((category) => found.has(category));
}

export interface ConfigImpact {
  counts: Record<ImpactCategory, number>;
  /** Affected product ids per category, ascending; at most `idLimit` each (the first ones met). */
  ids: Record<ImpactCategory, number[]>;
  /** How many products were looked at. */
  checked: number;
}

const perCategory = <T>(make: () => T) =>
  Object.fromEntries(IMPACT_CATEGORIES.map((category) => [category, make()])) as Record<ImpactCategory, T>;

/** What the change does to a whole catalog, streamed product by product (issue: impact preview). */
export function configImpact(
  products: Iterable<ImpactProduct>,
  change: ConfigChange,
  idLimit = Number.POSITIVE_INFINITY,
): ConfigImpact {
  const counts = perCategory(() => 0);
  const ids = perCategory<number[]>(() => []);
  const resolve = pairCache(change);
  let checked = 0;
  for (const product of products) {
    checked++;
    for (const category of productImpact(product, change, resolve)) {
      counts[category]++;
      if (ids[category].length < idLimit) ids[category].push(product.id);
    }
  }
  for (const category of IMPACT_CATEGORIES) ids[category].sort((a, b) => a - b);
  return { counts, ids, checked };
}

const PHRASES: Record<ImpactCategory, [one: string, many: string]> = {
  outOfStock: ["becomes out of stock", "become out of stock"],
  salable: ["becomes salable", "become salable"],
  backordersStart: ["starts accepting backorders", "start accepting backorders"],
  backordersStop: ["stops accepting backorders", "stop accepting backorders"],
  onlyXLeftStart: ['starts showing "Only X left"', 'start showing "Only X left"'],
  onlyXLeftStop: ['stops showing "Only X left"', 'stop showing "Only X left"'],
};

/** A count of products as the admin reads it: "76,729" (fixed locale, the same on every machine). */
function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}

/** "1 product becomes out of stock", "8 products stop accepting backorders". */
export function impactSentence(category: ImpactCategory, count: number): string {
  const [one, many] = PHRASES[category];
  return count === 1 ? `1 product ${one}` : `${formatCount(count)} products ${many}`;
}
