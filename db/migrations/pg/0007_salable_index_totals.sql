ALTER TABLE "salable_index" ADD COLUMN "physical_qty" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "salable_index" ADD COLUMN "has_in_stock_item" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "salable_index" ADD COLUMN "reserved_qty" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The new totals are computed by lib/inventory, not in SQL: empty the index, and start-up
-- (prepareDatabase) rebuilds it whole before the server answers.
DELETE FROM "salable_index";
