CREATE TABLE `creditmemo_items` (
	`entity_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`creditmemo_id` integer NOT NULL,
	`order_item_id` integer NOT NULL,
	`qty` real NOT NULL,
	`shipped` integer NOT NULL,
	`back_to_stock` integer NOT NULL,
	`source_code` text,
	FOREIGN KEY (`creditmemo_id`) REFERENCES `creditmemos`(`entity_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`order_item_id`) REFERENCES `order_items`(`item_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_code`) REFERENCES `sources`(`source_code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `creditmemo_items_creditmemo_idx` ON `creditmemo_items` (`creditmemo_id`);--> statement-breakpoint
CREATE INDEX `creditmemo_items_order_item_idx` ON `creditmemo_items` (`order_item_id`);--> statement-breakpoint
CREATE TABLE `creditmemos` (
	`entity_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`created_by_user_id` integer,
	`created_via` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`entity_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `admin_users`(`user_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `creditmemos_order_idx` ON `creditmemos` (`order_id`);