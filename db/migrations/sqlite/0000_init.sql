CREATE TABLE `admin_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `admin_users`(`user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `admin_sessions_user_idx` ON `admin_sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `admin_users` (
	`user_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`password_hash` text NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`failures_num` integer DEFAULT 0 NOT NULL,
	`lock_expires` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `admin_users_username_unique` ON `admin_users` (`username`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`admin_user_id` integer,
	`username` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text,
	`details` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`admin_user_id`) REFERENCES `admin_users`(`user_id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_log_created_idx` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE TABLE `config_data` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope` text NOT NULL,
	`scope_id` integer NOT NULL,
	`path` text NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `config_data_scope_path_uq` ON `config_data` (`scope`,`scope_id`,`path`);--> statement-breakpoint
CREATE TABLE `config_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope` text NOT NULL,
	`scope_id` integer NOT NULL,
	`path` text NOT NULL,
	`old_value` text,
	`new_value` text,
	`admin_user_id` integer,
	`username` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`admin_user_id`) REFERENCES `admin_users`(`user_id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `config_history_created_idx` ON `config_history` (`created_at`);--> statement-breakpoint
CREATE TABLE `effective_inventory` (
	`product_id` integer PRIMARY KEY NOT NULL,
	`manage_stock` integer NOT NULL,
	`backorders` integer NOT NULL,
	`min_qty` real NOT NULL,
	`notify_stock_qty` real NOT NULL,
	`unlimited_backorders` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `order_items` (
	`item_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`product_id` integer,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`price` real DEFAULT 0 NOT NULL,
	`qty_ordered` real NOT NULL,
	`qty_backordered` real DEFAULT 0 NOT NULL,
	`qty_canceled` real DEFAULT 0 NOT NULL,
	`qty_shipped` real DEFAULT 0 NOT NULL,
	`qty_refunded` real DEFAULT 0 NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`entity_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `order_items_order_idx` ON `order_items` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_items_sku_idx` ON `order_items` (`sku`);--> statement-breakpoint
CREATE TABLE `orders` (
	`entity_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`increment_id` text NOT NULL,
	`store_id` integer NOT NULL,
	`stock_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stock_id`) REFERENCES `stocks`(`stock_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_increment_id_unique` ON `orders` (`increment_id`);--> statement-breakpoint
CREATE INDEX `orders_created_idx` ON `orders` (`created_at`);--> statement-breakpoint
CREATE TABLE `product_inventory` (
	`product_id` integer PRIMARY KEY NOT NULL,
	`manage_stock` integer DEFAULT true NOT NULL,
	`use_config_manage_stock` integer DEFAULT true NOT NULL,
	`min_qty` real DEFAULT 0 NOT NULL,
	`use_config_min_qty` integer DEFAULT true NOT NULL,
	`min_sale_qty` real DEFAULT 1 NOT NULL,
	`use_config_min_sale_qty` integer DEFAULT true NOT NULL,
	`max_sale_qty` real DEFAULT 10000 NOT NULL,
	`use_config_max_sale_qty` integer DEFAULT true NOT NULL,
	`is_qty_decimal` integer DEFAULT false NOT NULL,
	`is_decimal_divided` integer DEFAULT false NOT NULL,
	`backorders` integer DEFAULT 0 NOT NULL,
	`use_config_backorders` integer DEFAULT true NOT NULL,
	`notify_stock_qty` real DEFAULT 1 NOT NULL,
	`use_config_notify_stock_qty` integer DEFAULT true NOT NULL,
	`enable_qty_increments` integer DEFAULT false NOT NULL,
	`use_config_enable_qty_inc` integer DEFAULT true NOT NULL,
	`qty_increments` real DEFAULT 1 NOT NULL,
	`use_config_qty_increments` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`price` real DEFAULT 0 NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`type_id` text DEFAULT 'simple' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "products_price_ck" CHECK("products"."price" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_sku_unique` ON `products` (`sku`);--> statement-breakpoint
CREATE INDEX `products_name_idx` ON `products` (`name`);--> statement-breakpoint
CREATE TABLE `reservation_totals` (
	`stock_id` integer NOT NULL,
	`sku` text NOT NULL,
	`quantity` real DEFAULT 0 NOT NULL,
	PRIMARY KEY(`sku`, `stock_id`)
);
--> statement-breakpoint
CREATE TABLE `reservations` (
	`reservation_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stock_id` integer NOT NULL,
	`sku` text NOT NULL,
	`quantity` real NOT NULL,
	`metadata` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reservations_sku_stock_idx` ON `reservations` (`sku`,`stock_id`);--> statement-breakpoint
CREATE TABLE `salable_index` (
	`product_id` integer NOT NULL,
	`stock_id` integer NOT NULL,
	`salable_qty` real NOT NULL,
	`is_salable` integer NOT NULL,
	`backordered_qty` real DEFAULT 0 NOT NULL,
	PRIMARY KEY(`product_id`, `stock_id`),
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`stock_id`) REFERENCES `stocks`(`stock_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `salable_index_stock_qty_idx` ON `salable_index` (`stock_id`,`salable_qty`);--> statement-breakpoint
CREATE TABLE `shipment_items` (
	`entity_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shipment_id` integer NOT NULL,
	`order_item_id` integer NOT NULL,
	`qty` real NOT NULL,
	FOREIGN KEY (`shipment_id`) REFERENCES `shipments`(`entity_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`order_item_id`) REFERENCES `order_items`(`item_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `shipments` (
	`entity_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`source_code` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`entity_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_code`) REFERENCES `sources`(`source_code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `source_items` (
	`source_item_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sku` text NOT NULL,
	`source_code` text NOT NULL,
	`quantity` real DEFAULT 0 NOT NULL,
	`status` integer DEFAULT 1 NOT NULL,
	`status_automatic` integer DEFAULT false NOT NULL,
	`notify_stock_qty` real,
	FOREIGN KEY (`sku`) REFERENCES `products`(`sku`) ON UPDATE cascade ON DELETE cascade,
	FOREIGN KEY (`source_code`) REFERENCES `sources`(`source_code`) ON UPDATE cascade ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `source_items_sku_source_uq` ON `source_items` (`sku`,`source_code`);--> statement-breakpoint
CREATE INDEX `source_items_source_qty_idx` ON `source_items` (`source_code`,`quantity`);--> statement-breakpoint
CREATE TABLE `sources` (
	`source_code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`description` text,
	`country_id` text DEFAULT 'US' NOT NULL,
	`postcode` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stock_sales_channels` (
	`type` text DEFAULT 'website' NOT NULL,
	`code` text PRIMARY KEY NOT NULL,
	`stock_id` integer NOT NULL,
	FOREIGN KEY (`code`) REFERENCES `websites`(`code`) ON UPDATE cascade ON DELETE cascade,
	FOREIGN KEY (`stock_id`) REFERENCES `stocks`(`stock_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `stock_source_links` (
	`stock_id` integer NOT NULL,
	`source_code` text NOT NULL,
	`priority` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`stock_id`, `source_code`),
	FOREIGN KEY (`stock_id`) REFERENCES `stocks`(`stock_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_code`) REFERENCES `sources`(`source_code`) ON UPDATE cascade ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ssl_source_idx` ON `stock_source_links` (`source_code`);--> statement-breakpoint
CREATE TABLE `stocks` (
	`stock_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stocks_name_unique` ON `stocks` (`name`);--> statement-breakpoint
CREATE TABLE `store_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`website_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`website_id`) REFERENCES `websites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `store_groups_code_unique` ON `store_groups` (`code`);--> statement-breakpoint
CREATE TABLE `stores` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`website_id` integer NOT NULL,
	`group_id` integer NOT NULL,
	`name` text NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`website_id`) REFERENCES `websites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `store_groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stores_code_unique` ON `stores` (`code`);--> statement-breakpoint
CREATE INDEX `stores_website_idx` ON `stores` (`website_id`);--> statement-breakpoint
CREATE TABLE `websites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `websites_code_unique` ON `websites` (`code`);