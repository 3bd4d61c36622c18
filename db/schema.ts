import { sql } from "drizzle-orm";
import {
  sqliteTable,
  integer,
  real,
  text,
  primaryKey,
  uniqueIndex,
  index,
  check,
} from "drizzle-orm/sqlite-core";

/** The current time as ISO-8601 UTC text; db/schema.pg.ts maps it to PostgreSQL's own. */
export const nowIso = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
const createdAt = () => text("created_at").notNull().default(nowIso);

// ── Scopes: websites > store groups > store views (Magento ids: base=1, default=1) ──

export const websites = sqliteTable("websites", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
  /** Magento's default website (exactly one): it cannot be deleted. */
  isDefault: integer("is_default", { mode: "boolean" }).notNull().default(false),
  /** The website's Default Store; null only while it has none. */
  defaultGroupId: integer("default_group_id"),
});

export const storeGroups = sqliteTable("store_groups", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  websiteId: integer("website_id")
    .notNull()
    .references(() => websites.id, { onDelete: "cascade" }),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  /** The store's Default Store View; null only while it has none. */
  defaultStoreId: integer("default_store_id"),
});

export const stores = sqliteTable(
  "stores",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(),
    websiteId: integer("website_id")
      .notNull()
      .references(() => websites.id, { onDelete: "cascade" }),
    groupId: integer("group_id")
      .notNull()
      .references(() => storeGroups.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    isActive: integer("is_active", { mode: "boolean" }).notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    /** The language its storefront speaks to shoppers (Magento's general/locale/code of the store view). */
    locale: text("locale", { enum: ["en_US", "nl_NL"] }).notNull().default("en_US"),
  },
  (t) => [index("stores_website_idx").on(t.websiteId)],
);

// ── Configuration, stored like core_config_data (inventory-rules §1.1) ──

export const configData = sqliteTable(
  "config_data",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    scope: text("scope", { enum: ["default", "websites", "stores"] }).notNull(),
    scopeId: integer("scope_id").notNull(),
    path: text("path").notNull(),
    value: text("value").notNull(),
    updatedAt: text("updated_at").notNull().default(nowIso),
  },
  (t) => [uniqueIndex("config_data_scope_path_uq").on(t.scope, t.scopeId, t.path)],
);

/** Every saved configuration value: who, when, scope, path, old → new (issue: change history). */
export const configHistory = sqliteTable(
  "config_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    scope: text("scope", { enum: ["default", "websites", "stores"] }).notNull(),
    scopeId: integer("scope_id").notNull(),
    path: text("path").notNull(),
    oldValue: text("old_value"),
    newValue: text("new_value"),
    adminUserId: integer("admin_user_id").references(() => adminUsers.id, { onDelete: "set null" }),
    username: text("username").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("config_history_created_idx").on(t.createdAt)],
);

// ── Catalog ──

export const products = sqliteTable(
  "products",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sku: text("sku").notNull().unique(),
    name: text("name").notNull(),
    price: real("price").notNull().default(0),
    /** Magento's status: enabled (1) / disabled (2) kept as a boolean. */
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    typeId: text("type_id", { enum: ["simple", "virtual"] }).notNull().default("simple"),
    /** Bumped on every save: a save carrying an older version is refused (no lost updates). */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull().default(nowIso),
  },
  (t) => [
    index("products_name_idx").on(t.name),
    // Catalog > Products sorts on these (the rowid = id that SQLite appends breaks ties in order).
    index("products_price_idx").on(t.price),
    index("products_type_idx").on(t.typeId),
    index("products_enabled_idx").on(t.enabled),
    check("products_price_ck", sql`${t.price} >= 0`),
  ],
);

/**
 * Row counts kept exact by triggers (the table_counts migrations of both engines): Catalog > Products shows its
 * unfiltered total in one read at any catalog size, where count(*) walks the whole table.
 */
export const tableCounts = sqliteTable("table_counts", {
  name: text("name").primaryKey(),
  rowCount: integer("row_count").notNull().default(0),
});

/** Advanced Inventory settings of a product with their "Use Config Settings" flags (inventory-rules §1.2). */
export const productInventory = sqliteTable("product_inventory", {
  productId: integer("product_id")
    .primaryKey()
    .references(() => products.id, { onDelete: "cascade" }),
  manageStock: integer("manage_stock", { mode: "boolean" }).notNull().default(true),
  useConfigManageStock: integer("use_config_manage_stock", { mode: "boolean" }).notNull().default(true),
  minQty: real("min_qty").notNull().default(0),
  useConfigMinQty: integer("use_config_min_qty", { mode: "boolean" }).notNull().default(true),
  minSaleQty: real("min_sale_qty").notNull().default(1),
  useConfigMinSaleQty: integer("use_config_min_sale_qty", { mode: "boolean" }).notNull().default(true),
  maxSaleQty: real("max_sale_qty").notNull().default(10000),
  useConfigMaxSaleQty: integer("use_config_max_sale_qty", { mode: "boolean" }).notNull().default(true),
  isQtyDecimal: integer("is_qty_decimal", { mode: "boolean" }).notNull().default(false),
  isDecimalDivided: integer("is_decimal_divided", { mode: "boolean" }).notNull().default(false),
  backorders: integer("backorders").notNull().default(0),
  useConfigBackorders: integer("use_config_backorders", { mode: "boolean" }).notNull().default(true),
  notifyStockQty: real("notify_stock_qty").notNull().default(1),
  useConfigNotifyStockQty: integer("use_config_notify_stock_qty", { mode: "boolean" }).notNull().default(true),
  enableQtyIncrements: integer("enable_qty_increments", { mode: "boolean" }).notNull().default(false),
  useConfigEnableQtyInc: integer("use_config_enable_qty_inc", { mode: "boolean" }).notNull().default(true),
  qtyIncrements: real("qty_increments").notNull().default(1),
  useConfigQtyIncrements: integer("use_config_qty_increments", { mode: "boolean" }).notNull().default(true),
});

// ── Multi-source inventory ──

export const sources = sqliteTable("sources", {
  code: text("source_code").primaryKey(),
  name: text("name").notNull(),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  description: text("description"),
  countryId: text("country_id").notNull().default("US"),
  postcode: text("postcode").notNull().default(""),
});

export const stocks = sqliteTable("stocks", {
  id: integer("stock_id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
});

export const stockSourceLinks = sqliteTable(
  "stock_source_links",
  {
    stockId: integer("stock_id")
      .notNull()
      .references(() => stocks.id, { onDelete: "cascade" }),
    sourceCode: text("source_code")
      .notNull()
      .references(() => sources.code, { onDelete: "cascade", onUpdate: "cascade" }),
    priority: integer("priority").notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.stockId, t.sourceCode] }), index("ssl_source_idx").on(t.sourceCode)],
);

/** A website sells from exactly one stock: the channel code is the primary key. */
export const stockSalesChannels = sqliteTable("stock_sales_channels", {
  type: text("type", { enum: ["website"] }).notNull().default("website"),
  code: text("code")
    .primaryKey()
    .references(() => websites.code, { onDelete: "cascade", onUpdate: "cascade" }),
  stockId: integer("stock_id")
    .notNull()
    .references(() => stocks.id, { onDelete: "cascade" }),
});

export const sourceItems = sqliteTable(
  "source_items",
  {
    id: integer("source_item_id").primaryKey({ autoIncrement: true }),
    sku: text("sku")
      .notNull()
      .references(() => products.sku, { onDelete: "cascade", onUpdate: "cascade" }),
    sourceCode: text("source_code")
      .notNull()
      .references(() => sources.code, { onDelete: "cascade", onUpdate: "cascade" }),
    quantity: real("quantity").notNull().default(0),
    /** 1 In Stock, 0 Out of Stock. */
    status: integer("status").notNull().default(1),
    /** Set to Out of Stock by inventory-rules §8, not by an admin: a config change may restore it. */
    statusAutomatic: integer("status_automatic", { mode: "boolean" }).notNull().default(false),
    /** Notify for Quantity Below per source; null = "Use Default" (inventory-rules §9). */
    notifyStockQty: real("notify_stock_qty"),
  },
  (t) => [
    uniqueIndex("source_items_sku_source_uq").on(t.sku, t.sourceCode),
    index("source_items_source_qty_idx").on(t.sourceCode, t.quantity),
  ],
);

/** Append-only signed quantities against (sku, stock) (inventory-rules §7). */
export const reservations = sqliteTable(
  "reservations",
  {
    id: integer("reservation_id").primaryKey({ autoIncrement: true }),
    stockId: integer("stock_id").notNull(),
    sku: text("sku").notNull(),
    quantity: real("quantity").notNull(),
    /** JSON {event_type, object_type, object_id}. */
    metadata: text("metadata").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("reservations_sku_stock_idx").on(t.sku, t.stockId)],
);

/**
 * Σ reservations per (sku, stock), kept by a trigger on `reservations` so a product's reserved
 * quantity is one indexed read, never a scan of its reservation history.
 */
export const reservationTotals = sqliteTable(
  "reservation_totals",
  {
    stockId: integer("stock_id").notNull(),
    sku: text("sku").notNull(),
    quantity: real("quantity").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sku, t.stockId] })],
);

// ── Sales ──

export const orders = sqliteTable(
  "orders",
  {
    id: integer("entity_id").primaryKey({ autoIncrement: true }),
    incrementId: text("increment_id").notNull().unique(),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id),
    stockId: integer("stock_id")
      .notNull()
      .references(() => stocks.id),
    status: text("status", { enum: ["pending", "processing", "complete", "canceled", "closed"] })
      .notNull()
      .default("pending"),
    /**
     * Decrease Stock When Order is Placed as it was at placement: a cancel or shipment compensates
     * only reservations that were written (inventory-rules §7), whatever the setting says later.
     */
    canSubtract: integer("can_subtract", { mode: "boolean" }).notNull().default(true),
    /**
     * The admin who placed it: signed in on the storefront preview, or the REST token's admin.
     * Null on orders from before this was recorded. Admins are disabled, never deleted.
     */
    placedByUserId: integer("placed_by_user_id").references(() => adminUsers.id),
    /** Where it was placed; null on orders from before this was recorded. */
    placedVia: text("placed_via", { enum: ["preview", "rest"] }),
    createdAt: createdAt(),
  },
  (t) => [index("orders_created_idx").on(t.createdAt)],
);

export const orderItems = sqliteTable(
  "order_items",
  {
    id: integer("item_id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: integer("product_id").references(() => products.id, { onDelete: "set null" }),
    sku: text("sku").notNull(),
    name: text("name").notNull(),
    price: real("price").notNull().default(0),
    qtyOrdered: real("qty_ordered").notNull(),
    qtyBackordered: real("qty_backordered").notNull().default(0),
    qtyCanceled: real("qty_canceled").notNull().default(0),
    qtyShipped: real("qty_shipped").notNull().default(0),
    qtyRefunded: real("qty_refunded").notNull().default(0),
    /** The product's effective Manage Stock at placement: off means no reservation was written (inventory-rules §7). */
    manageStock: integer("manage_stock", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [index("order_items_order_idx").on(t.orderId), index("order_items_sku_idx").on(t.sku)],
);

export const shipments = sqliteTable("shipments", {
  id: integer("entity_id").primaryKey({ autoIncrement: true }),
  orderId: integer("order_id")
    .notNull()
    .references(() => orders.id, { onDelete: "cascade" }),
  sourceCode: text("source_code")
    .notNull()
    .references(() => sources.code),
  createdAt: createdAt(),
});

export const shipmentItems = sqliteTable("shipment_items", {
  id: integer("entity_id").primaryKey({ autoIncrement: true }),
  shipmentId: integer("shipment_id")
    .notNull()
    .references(() => shipments.id, { onDelete: "cascade" }),
  orderItemId: integer("order_item_id")
    .notNull()
    .references(() => orderItems.id, { onDelete: "cascade" }),
  qty: real("qty").notNull(),
});

/** A credit memo (Magento's sales_creditmemo): a refund of order lines, who made it and where. */
export const creditmemos = sqliteTable(
  "creditmemos",
  {
    id: integer("entity_id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    /** The admin on the New Credit Memo page, or the REST token's admin. Admins are disabled, never deleted. */
    createdByUserId: integer("created_by_user_id").references(() => adminUsers.id),
    createdVia: text("created_via", { enum: ["admin", "rest"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("creditmemos_order_idx").on(t.orderId)],
);

/**
 * A credit memo's refunded units, one row per part of a line that moves differently
 * (inventory-rules §7): the units never shipped, and the shipped units per source they left.
 */
export const creditmemoItems = sqliteTable(
  "creditmemo_items",
  {
    id: integer("entity_id").primaryKey({ autoIncrement: true }),
    creditmemoId: integer("creditmemo_id")
      .notNull()
      .references(() => creditmemos.id, { onDelete: "cascade" }),
    orderItemId: integer("order_item_id")
      .notNull()
      .references(() => orderItems.id, { onDelete: "cascade" }),
    qty: real("qty").notNull(),
    /** Whether these units had shipped. */
    shipped: integer("shipped", { mode: "boolean" }).notNull(),
    /** "Return to Stock" as ticked for the line. */
    backToStock: integer("back_to_stock", { mode: "boolean" }).notNull(),
    /**
     * Shipped units: the source they left (and went back to when returned to stock). Units never
     * shipped: the source they were written off from, null when returned (only the reservation moved).
     */
    sourceCode: text("source_code").references(() => sources.code),
  },
  (t) => [index("creditmemo_items_creditmemo_idx").on(t.creditmemoId), index("creditmemo_items_order_item_idx").on(t.orderItemId)],
);

// ── Admin users, roles, sessions, tokens, audit ──

/**
 * System > Permissions > User Roles: a role grants every ACL resource, or those it lists
 * (lib/auth/acl.ts). Role 1, "Administrators" (all resources), comes with the first migration.
 */
export const adminRoles = sqliteTable("admin_roles", {
  id: integer("role_id").primaryKey({ autoIncrement: true }),
  name: text("role_name").notNull().unique(),
  allResources: integer("all_resources", { mode: "boolean" }).notNull().default(false),
  /** JSON array of resource ids, each with its ancestors; unused when allResources. */
  resources: text("resources").notNull().default("[]"),
  createdAt: createdAt(),
});

export const adminUsers = sqliteTable("admin_users", {
  id: integer("user_id").primaryKey({ autoIncrement: true }),
  username: text("username").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  /** Null on accounts made before users had names (the first admin, the command line's). */
  firstName: text("firstname"),
  lastName: text("lastname"),
  email: text("email"),
  /**
   * Every form and the command line give one; accounts from before roles existed became
   * Administrators (role 1). Nullable only because SQLite cannot add a referencing column with a
   * default: an account without a role has no access.
   */
  roleId: integer("role_id").references(() => adminRoles.id),
  interfaceLocale: text("interface_locale", { enum: ["en_US", "nl_NL"] }).notNull().default("en_US"),
  isActive: integer("is_active", { mode: "boolean" }).notNull().default(true),
  /** Consecutive failed sign-ins; reset on success. */
  failures: integer("failures_num").notNull().default(0),
  /** ISO time until which sign-in is refused after too many failures. */
  lockExpires: text("lock_expires"),
  createdAt: createdAt(),
});

/** Admin browser sessions and REST bearer tokens; only a SHA-256 of the secret is stored. */
export const adminSessions = sqliteTable(
  "admin_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    kind: text("kind", { enum: ["session", "api"] }).notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => adminUsers.id, { onDelete: "cascade" }),
    /** Absolute end: sign-in + the session lifetime, or the token's 4 hours. */
    expiresAt: text("expires_at").notNull(),
    /**
     * A browser session's last request (refreshed at most once a minute), for the idle timeout;
     * null on rows from before the idle timeout existed, which count as idle.
     */
    lastSeenAt: text("last_seen_at"),
    createdAt: createdAt(),
  },
  (t) => [index("admin_sessions_user_idx").on(t.userId)],
);

/** Every change, written by writeAudit in the change's own transaction; System > Action Log reads it. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    adminUserId: integer("admin_user_id").references(() => adminUsers.id, { onDelete: "set null" }),
    username: text("username"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    /** Where the change was made: an admin page, the REST API, an import, or the store itself (no admin). Null on rows from before this was recorded. */
    source: text("source", { enum: ["admin", "rest", "import", "system"] }),
    /** JSON [{field, label, old, new}], field by field: what the Action Log shows and a revert restores. Null where the entry lists no fields. */
    changes: text("changes"),
    /** The entry this change reverted (System > Action Log's Revert). */
    revertOf: integer("revert_of"),
    /** JSON details of the change. */
    details: text("details"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_created_idx").on(t.createdAt),
    // The Action Log lists newest first (by id), filtered by entity type or by user.
    index("audit_log_entity_idx").on(t.entityType, t.id),
    index("audit_log_user_idx").on(t.username, t.id),
  ],
);

/** The SKUs an audit entry touched, for the Action Log's SKU filter (an order or a bulk call names many). */
export const auditLogSkus = sqliteTable(
  "audit_log_skus",
  {
    auditId: integer("audit_id")
      .notNull()
      .references(() => auditLog.id, { onDelete: "cascade" }),
    sku: text("sku").notNull(),
  },
  (t) => [primaryKey({ columns: [t.sku, t.auditId] }), index("audit_log_skus_audit_idx").on(t.auditId)],
);

/**
 * Salable quantity per (product, stock) as computed by lib/inventory, rewritten in the same
 * transaction as every write that can change it (refreshInventoryIndex in db/queries/inventory-index.ts). Grids sort and
 * filter on it in SQL; there is no asynchronous reindex (inventory-rules §3 Decision).
 */
export const salableIndex = sqliteTable(
  "salable_index",
  {
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    stockId: integer("stock_id")
      .notNull()
      .references(() => stocks.id, { onDelete: "cascade" }),
    /** The figure lib/inventory reports (0 when not salable); computed even with manage stock off. */
    salableQty: real("salable_qty").notNull(),
    isSalable: integer("is_salable", { mode: "boolean" }).notNull(),
    /** Units already sold beyond physical stock (backorders), for the dashboard. */
    backorderedQty: real("backordered_qty").notNull().default(0),
    /**
     * The stock's totals the figures above came from (lib/inventory snapshotTotals): a configuration
     * save recomputes the figures from them without reading source items or reservations.
     */
    physicalQty: real("physical_qty").notNull().default(0),
    hasInStockItem: integer("has_in_stock_item", { mode: "boolean" }).notNull().default(false),
    reservedQty: real("reserved_qty").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.stockId] }),
    // Covers the grid's Salable Quantity sort: an ordered scan, keyset-paged on (qty, product).
    index("salable_index_stock_qty_idx").on(t.stockId, t.salableQty, t.productId),
  ],
);

/**
 * The effective inventory settings (inventory-rules §1.3) that grids and reports filter on in SQL, as
 * lib/inventory resolves them from the product and the global configuration; rewritten with
 * salable_index. Only what a query reads lives here: a Backorders or threshold save moves salable
 * figures, never these columns, so it rewrites no row of this table.
 */
export const effectiveInventory = sqliteTable("effective_inventory", {
  productId: integer("product_id")
    .primaryKey()
    .references(() => products.id, { onDelete: "cascade" }),
  manageStock: integer("manage_stock", { mode: "boolean" }).notNull(),
  notifyStockQty: real("notify_stock_qty").notNull(),
});

// ── Stock alerts: an outbox written in the transaction that moved the figures, and its deliveries ──

/**
 * One stock alert (Low Stock, Out of Stock, Back in Stock, Backorder) for a (product, stock), written
 * by the index pass in the same transaction as the change that caused it (lib/inventory stockAlert),
 * so an alert is never lost and never written twice. The admin's notifications, the Notify Low
 * Stock RSS feed and the webhooks all read this table; `read_at` is Magento's "Mark as Read".
 */
export const stockAlerts = sqliteTable(
  "stock_alerts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: ["low_stock", "out_of_stock", "back_in_stock", "backorder"] }).notNull(),
    productId: integer("product_id").references(() => products.id, { onDelete: "set null" }),
    /** Kept as it was when the alert was raised: the product may be renamed or deleted later. */
    sku: text("sku").notNull(),
    stockId: integer("stock_id").references(() => stocks.id, { onDelete: "set null" }),
    salableQty: real("salable_qty").notNull(),
    /** Physical quantity less reservations: what is left to ship, compared with the Notify Qty. */
    qtyLeft: real("qty_left").notNull(),
    notifyQty: real("notify_qty").notNull(),
    createdAt: createdAt(),
    readAt: text("read_at"),
  },
  (t) => [index("stock_alerts_unread_idx").on(t.readAt, t.id)],
);

/** Stores > Webhooks: where stock alerts are POSTed, signed with the secret (HMAC-SHA256). */
export const webhooks = sqliteTable("webhooks", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  url: text("url").notNull(),
  secret: text("secret").notNull(),
  /** JSON array of the stock alert kinds this webhook receives. */
  events: text("events").notNull(),
  isActive: integer("is_active", { mode: "boolean" }).notNull().default(true),
  /** The last stock alert fanned out into webhook_deliveries: a new webhook starts at the newest. */
  lastAlertId: integer("last_alert_id").notNull().default(0),
  createdAt: createdAt(),
});

/** One alert for one webhook: exactly one row per pair, retried with backoff until delivered or given up. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    webhookId: integer("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    alertId: integer("alert_id")
      .notNull()
      .references(() => stockAlerts.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["pending", "delivered", "failed"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull().default(nowIso),
    /** While set in the future, one instance is sending it; a crashed sender's lease runs out. */
    leaseUntil: text("lease_until"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    deliveredAt: text("delivered_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_pair_uq").on(t.webhookId, t.alertId),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
  ],
);

/** Every attempt of a delivery, for the delivery log: when, the answer's status code or the error. */
export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    deliveryId: integer("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId)],
);
