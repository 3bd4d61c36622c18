ALTER TABLE `salable_index` ADD `physical_qty` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `salable_index` ADD `has_in_stock_item` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `salable_index` ADD `reserved_qty` real DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The new totals are computed by lib/inventory, not in SQL: empty the index, and start-up
-- (prepareDatabase) rebuilds it whole before the server answers.
DELETE FROM `salable_index`;
