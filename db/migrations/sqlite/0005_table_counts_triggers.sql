-- Keep table_counts.products equal to count(*) FROM products, one update per inserted or deleted row.
INSERT INTO `table_counts` (`name`, `row_count`) SELECT 'products', count(*) FROM `products`;
--> statement-breakpoint
CREATE TRIGGER `products_count_ai` AFTER INSERT ON `products`
BEGIN
  UPDATE `table_counts` SET `row_count` = `row_count` + 1 WHERE `name` = 'products';
END;
--> statement-breakpoint
CREATE TRIGGER `products_count_ad` AFTER DELETE ON `products`
BEGIN
  UPDATE `table_counts` SET `row_count` = `row_count` - 1 WHERE `name` = 'products';
END;
