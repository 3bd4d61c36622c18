CREATE TABLE `audit_log_skus` (
	`audit_id` integer NOT NULL,
	`sku` text NOT NULL,
	PRIMARY KEY(`sku`, `audit_id`),
	FOREIGN KEY (`audit_id`) REFERENCES `audit_log`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `audit_log_skus_audit_idx` ON `audit_log_skus` (`audit_id`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `source` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `changes` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `revert_of` integer;--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_type`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_user_idx` ON `audit_log` (`username`,`id`);