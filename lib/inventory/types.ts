/**
 * Plain data shapes of the inventory rules engine (docs/inventory-rules.md).
 * No React, Next, DB, zod, Date.now or process.env anywhere under lib/inventory.
 */

export type Scope = "default" | "websites" | "stores";

/** One stored configuration value, like Magento's core_config_data. */
export interface ConfigRow {
  scope: Scope;
  scopeId: number;
  path: string;
  value: string;
}

/** Where the store view we resolve for sits in the scope tree. */
export interface ScopeContext {
  websiteId: number;
  storeId: number;
}

/** Where an effective value came from. */
export type ValueOrigin =
  | { kind: "system" }
  | { kind: "config"; scope: Scope; scopeId: number }
  | { kind: "product" };

export interface Resolved<T> {
  value: T;
  origin: ValueOrigin;
}

export type Backorders = 0 | 1 | 2;
export type NotAvailableMessage = 1 | 2;

/** The resolved values of cataloginventory/* for one store view (inventory-rules §1.1). */
export interface InventoryConfig {
  canSubtract: boolean;
  canBackInStock: boolean;
  showOutOfStock: boolean;
  stockThresholdQty: number;
  notAvailableMessage: NotAvailableMessage;
  displayProductStockStatus: boolean;
  manageStock: boolean;
  backorders: Backorders;
  maxSaleQty: number;
  minQty: number;
  minSaleQty: number;
  notifyStockQty: number;
  enableQtyIncrements: boolean;
  qtyIncrements: number;
  autoReturn: boolean;
}

export type InventoryConfigKey = keyof InventoryConfig;

/** The per-product Advanced Inventory values with their "Use Config Settings" flags (inventory-rules §1.2). */
export interface ProductInventorySettings {
  manageStock: boolean;
  useConfigManageStock: boolean;
  minQty: number;
  useConfigMinQty: boolean;
  minSaleQty: number;
  useConfigMinSaleQty: boolean;
  maxSaleQty: number;
  useConfigMaxSaleQty: boolean;
  isQtyDecimal: boolean;
  isDecimalDivided: boolean;
  backorders: Backorders;
  useConfigBackorders: boolean;
  notifyStockQty: number;
  useConfigNotifyStockQty: boolean;
  enableQtyIncrements: boolean;
  useConfigEnableQtyInc: boolean;
  qtyIncrements: number;
  useConfigQtyIncrements: boolean;
}

/** The product fields that "Use Config Settings" can point at the global configuration. */
export type OverridableField =
  | "manageStock"
  | "minQty"
  | "minSaleQty"
  | "maxSaleQty"
  | "backorders"
  | "notifyStockQty"
  | "enableQtyIncrements"
  | "qtyIncrements";

/** Effective per-product values (inventory-rules §1.3), each with where it came from. */
export interface EffectiveSettings {
  manageStock: Resolved<boolean>;
  /** Raw Out-of-Stock Threshold as configured (product or config). */
  minQty: Resolved<number>;
  /** The clamped threshold actually used by every formula (inventory-rules §1.3). */
  effectiveMinQty: number;
  minSaleQty: Resolved<number>;
  maxSaleQty: Resolved<number>;
  backorders: Resolved<Backorders>;
  notifyStockQty: Resolved<number>;
  enableQtyIncrements: Resolved<boolean>;
  qtyIncrements: Resolved<number>;
  isQtyDecimal: boolean;
}

/** What the stock figures (salable quantity, salable, backordered) read of the effective settings. */
export type StockFigureSettings = Pick<EffectiveSettings, "manageStock" | "backorders" | "effectiveMinQty">;

export type SourceItemStatus = 0 | 1;

/** A source item of the SKU in a source linked to the stock being evaluated. */
export interface StockSourceItem {
  sourceCode: string;
  quantity: number;
  status: SourceItemStatus;
  sourceEnabled: boolean;
}

/** Everything about (sku, stock) that the quantity rules need (inventory-rules §2–§4). */
export interface StockSnapshot {
  /** Source items of the SKU in sources linked to the stock (any status, any source state). */
  sourceItems: StockSourceItem[];
  /** Σ reservations(sku, stock); negative numbers reduce salable. */
  reserved: number;
}

export interface SalabilityError {
  code: string;
  message: string;
}

type StorefrontStockLabel = "In stock" | "Out of stock";

export interface StorefrontLabels {
  /** null when Display Products Availability in Stock on Storefront = No. */
  stockLabel: StorefrontStockLabel | null;
  /** "Only 5 left" or null. */
  onlyXLeft: string | null;
  salable: boolean;
}

export type ReservationEventType =
  | "order_placed"
  | "order_canceled"
  | "shipment_created"
  | "creditmemo_created";

interface ReservationMetadata {
  event_type: ReservationEventType;
  object_type: "order";
  object_id: string;
}

export interface ReservationToAppend {
  sku: string;
  stockId: number;
  quantity: number;
  metadata: ReservationMetadata;
}
