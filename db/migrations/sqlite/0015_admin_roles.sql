CREATE TABLE `admin_roles` (
	`role_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`role_name` text NOT NULL,
	`all_resources` integer DEFAULT false NOT NULL,
	`resources` text DEFAULT '[]' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `admin_roles_role_name_unique` ON `admin_roles` (`role_name`);--> statement-breakpoint
ALTER TABLE `admin_users` ADD `firstname` text;--> statement-breakpoint
ALTER TABLE `admin_users` ADD `lastname` text;--> statement-breakpoint
ALTER TABLE `admin_users` ADD `email` text;--> statement-breakpoint
ALTER TABLE `admin_users` ADD `role_id` integer REFERENCES admin_roles(role_id);--> statement-breakpoint
ALTER TABLE `admin_users` ADD `interface_locale` text DEFAULT 'en_US' NOT NULL;--> statement-breakpoint
-- Hand-written: the built-in role, and every account from before roles existed in it.
INSERT INTO `admin_roles` (`role_id`, `role_name`, `all_resources`) VALUES (1, 'Administrators', 1);--> statement-breakpoint
UPDATE `admin_users` SET `role_id` = 1;
