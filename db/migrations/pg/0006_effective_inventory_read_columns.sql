ALTER TABLE "effective_inventory" DROP COLUMN "backorders";--> statement-breakpoint
ALTER TABLE "effective_inventory" DROP COLUMN "min_qty";--> statement-breakpoint
ALTER TABLE "effective_inventory" DROP COLUMN "unlimited_backorders";