ALTER TABLE `order_items` ADD `manage_stock` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `can_subtract` integer DEFAULT true NOT NULL;