-- Quantities are decimal(12,4) in Magento: a total of 0.1 + 0.2 is 0.3, not 0.30000000000000004.
-- Each running sum is rounded to 4 places as it is kept, so no drift can build up either.
DROP TRIGGER `reservations_total_ai`;
--> statement-breakpoint
CREATE TRIGGER `reservations_total_ai` AFTER INSERT ON `reservations`
BEGIN
  INSERT INTO `reservation_totals` (`stock_id`, `sku`, `quantity`)
  VALUES (NEW.`stock_id`, NEW.`sku`, round(NEW.`quantity`, 4))
  ON CONFLICT (`sku`, `stock_id`) DO UPDATE SET `quantity` = round(`quantity` + excluded.`quantity`, 4);
END;
--> statement-breakpoint
UPDATE `reservation_totals` SET `quantity` = round(`quantity`, 4);
