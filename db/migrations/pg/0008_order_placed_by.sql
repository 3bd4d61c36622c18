ALTER TABLE "orders" ADD COLUMN "placed_by_user_id" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "placed_via" text;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_placed_by_user_id_admin_users_user_id_fk" FOREIGN KEY ("placed_by_user_id") REFERENCES "public"."admin_users"("user_id") ON DELETE no action ON UPDATE no action;