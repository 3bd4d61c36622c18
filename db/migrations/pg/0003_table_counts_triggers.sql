-- Keep table_counts.products equal to count(*) FROM products: one update per statement, with the
-- statement's rows counted from its transition table (a bulk insert does not touch the row a
-- million times).
INSERT INTO table_counts (name, row_count) SELECT 'products', count(*) FROM products;
--> statement-breakpoint
CREATE FUNCTION products_count_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE table_counts SET row_count = row_count + (SELECT count(*) FROM inserted) WHERE name = 'products';
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER products_count_ai AFTER INSERT ON products
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION products_count_inserted();
--> statement-breakpoint
CREATE FUNCTION products_count_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE table_counts SET row_count = row_count - (SELECT count(*) FROM deleted) WHERE name = 'products';
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER products_count_ad AFTER DELETE ON products
  REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION products_count_deleted();
