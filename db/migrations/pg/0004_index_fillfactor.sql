-- A configuration save rewrites many rows of these two tables in place. Free room in each page
-- lets PostgreSQL keep a row's new version on its page (a HOT update: no index entry to add).
ALTER TABLE effective_inventory SET (fillfactor = 70);
--> statement-breakpoint
ALTER TABLE salable_index SET (fillfactor = 70);
