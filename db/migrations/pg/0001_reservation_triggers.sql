-- Keep Σ reservations per (sku, stock) in reservation_totals: reservations are append-only, so
-- one upsert per insert keeps the total exact and makes "reserved" one indexed read.
CREATE FUNCTION reservations_total_ai() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO reservation_totals (stock_id, sku, quantity)
  VALUES (NEW.stock_id, NEW.sku, NEW.quantity)
  ON CONFLICT (sku, stock_id) DO UPDATE SET quantity = reservation_totals.quantity + excluded.quantity;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER reservations_total_ai AFTER INSERT ON reservations
  FOR EACH ROW EXECUTE FUNCTION reservations_total_ai();
--> statement-breakpoint
-- Reservations are an append-only ledger (spec §7).
CREATE FUNCTION reservations_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'reservations are append-only';
END
$$;
--> statement-breakpoint
CREATE TRIGGER reservations_no_update BEFORE UPDATE ON reservations
  FOR EACH ROW EXECUTE FUNCTION reservations_append_only();
