-- Keep Σ reservations per (sku, stock) in reservation_totals: reservations are append-only, so
-- one upsert per insert keeps the total exact and makes "reserved" one indexed read.
CREATE TRIGGER `reservations_total_ai` AFTER INSERT ON `reservations`
BEGIN
  INSERT INTO `reservation_totals` (`stock_id`, `sku`, `quantity`)
  VALUES (NEW.`stock_id`, NEW.`sku`, NEW.`quantity`)
  ON CONFLICT (`sku`, `stock_id`) DO UPDATE SET `quantity` = `quantity` + excluded.`quantity`;
END;
--> statement-breakpoint
-- Reservations are an append-only ledger (spec §7).
CREATE TRIGGER `reservations_no_update` BEFORE UPDATE ON `reservations`
BEGIN
  SELECT RAISE(ABORT, 'reservations are append-only');
END;
