-- Quantities are decimal(12,4) in Magento: a total of 0.1 + 0.2 is 0.3, not 0.30000000000000004.
-- Each running sum is rounded to 4 places as it is kept, so no drift can build up either.
CREATE OR REPLACE FUNCTION reservations_total_ai() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO reservation_totals (stock_id, sku, quantity)
  VALUES (NEW.stock_id, NEW.sku, round(NEW.quantity::numeric, 4)::double precision)
  ON CONFLICT (sku, stock_id) DO UPDATE
    SET quantity = round((reservation_totals.quantity + excluded.quantity)::numeric, 4)::double precision;
  RETURN NEW;
END
$$;
--> statement-breakpoint
UPDATE reservation_totals SET quantity = round(quantity::numeric, 4)::double precision;
