CREATE TABLE "audit_log_skus" (
	"audit_id" integer NOT NULL,
	"sku" text NOT NULL,
	CONSTRAINT "audit_log_skus_sku_audit_id_pk" PRIMARY KEY("sku","audit_id")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "changes" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "revert_of" integer;--> statement-breakpoint
ALTER TABLE "audit_log_skus" ADD CONSTRAINT "audit_log_skus_audit_id_audit_log_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audit_log"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_skus_audit_idx" ON "audit_log_skus" USING btree ("audit_id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","id");--> statement-breakpoint
CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("username","id");