ALTER TABLE "store_groups" ADD COLUMN "default_store_id" integer;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "sort_order" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "websites" ADD COLUMN "is_default" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "websites" ADD COLUMN "default_group_id" integer;--> statement-breakpoint
UPDATE websites SET is_default = 1 WHERE id = (SELECT min(id) FROM websites);--> statement-breakpoint
UPDATE websites SET default_group_id = (SELECT min(g.id) FROM store_groups g WHERE g.website_id = websites.id);--> statement-breakpoint
UPDATE store_groups SET default_store_id = (SELECT min(s.id) FROM stores s WHERE s.group_id = store_groups.id);
