CREATE TABLE "table_counts" (
	"name" text PRIMARY KEY NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL
);
