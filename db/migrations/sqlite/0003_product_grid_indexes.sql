DROP INDEX `salable_index_stock_qty_idx`;--> statement-breakpoint
CREATE INDEX `salable_index_stock_qty_idx` ON `salable_index` (`stock_id`,`salable_qty`,`product_id`);--> statement-breakpoint
CREATE INDEX `products_price_idx` ON `products` (`price`);--> statement-breakpoint
CREATE INDEX `products_type_idx` ON `products` (`type_id`);--> statement-breakpoint
CREATE INDEX `products_enabled_idx` ON `products` (`enabled`);