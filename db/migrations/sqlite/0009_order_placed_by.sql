ALTER TABLE `orders` ADD `placed_by_user_id` integer REFERENCES admin_users(user_id);--> statement-breakpoint
ALTER TABLE `orders` ADD `placed_via` text;