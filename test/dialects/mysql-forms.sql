-- Every MySQL form the reader knows, read with --dialect=mysql: exact positions, the fixed text
-- in MySQL's spelling (backquotes kept, ON DELETE after ON UPDATE), and a second --fix that
-- changes nothing.
-- RUN: not %cascade-tidy --dialect=mysql %s 2>&1 | %check-diags %s --implicit-check-not=note:
-- RUN: cp %s %t.sql && %cascade-tidy --dialect=mysql --fix %t.sql > /dev/null 2>&1
-- RUN: FileCheck --check-prefix=FIXED --input-file=%t.sql %s
-- RUN: cp %t.sql %t.again.sql && %cascade-tidy --dialect=mysql --fix %t.again.sql > /dev/null 2>&1; cmp %t.sql %t.again.sql
-- RUN: %cascade-tidy --dialect=mysql %t.sql 2>&1 | FileCheck --check-prefix=AFTER %s --implicit-check-not=warning: --implicit-check-not=note: --implicit-check-not=error:
-- AFTER: Suppressed 1 warning (1 NOLINT).
CREATE TABLE IF NOT EXISTS `users` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
# a hash comment; /* and a C comment */ below
/* CREATE TABLE `ignored` (`user_id` INT REFERENCES `users`(`id`)); */
CREATE TABLE `mf_orders` (`id` INT NOT NULL AUTO_INCREMENT, `user_id` BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (`id`), KEY `user_id` (`user_id`),
  CONSTRAINT `mf_orders_ibfk_1` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE CASCADE
-- CHECK: :[[@LINE-1]]:57: warning: foreign key mf_orders(user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}  CONSTRAINT `mf_orders_ibfk_1` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE CASCADE ON DELETE CASCADE{{$}}
) ENGINE=InnoDB;
CREATE TABLE `mf_carts` (`id` INT, `user_id` BIGINT UNSIGNED,
  FOREIGN KEY `mf_carts_user` (`user_id`) REFERENCES `users` (`id`) ON DELETE RESTRICT ON UPDATE CASCADE);
-- CHECK: :[[@LINE-1]]:43: warning: foreign key mf_carts(user_id) references users(id) with ON DELETE RESTRICT; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}  FOREIGN KEY `mf_carts_user` (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE ON UPDATE CASCADE);{{$}}
CREATE TABLE `mf_notes` (`id` INT, `user_id` BIGINT UNSIGNED REFERENCES `users`(`id`));
-- CHECK: :[[@LINE-1]]:62: warning: foreign key mf_notes(user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:62: note: MySQL 8.4 and older parse a column-level REFERENCES and create no foreign key (MariaDB and MySQL 9.0 create one); the table-level FOREIGN KEY (user_id) REFERENCES form works on every version
-- FIXED: {{^}}CREATE TABLE `mf_notes` (`id` INT, `user_id` BIGINT UNSIGNED REFERENCES `users`(`id`) ON DELETE CASCADE);{{$}}
CREATE TABLE `mf_tags` (`id` INT, `user_id` BIGINT UNSIGNED,
  FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) MATCH FULL ON DELETE CASCADE);
-- CHECK: :[[@LINE-1]]:27: warning: foreign key mf_tags(user_id) references users(id) with ON DELETE RESTRICT; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:52: note: MySQL ignores ON DELETE and ON UPDATE in a REFERENCES clause with MATCH: this key behaves as ON DELETE RESTRICT whatever it says; the fix removes the MATCH clause
-- FIXED: {{^}}  FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE);{{$}}
create table mf_likes (id int, user_id bigint unsigned);
alter table mf_likes add constraint mf_likes_user foreign key (user_id) references users (id) on delete no action;
-- CHECK: :[[@LINE-1]]:73: warning: foreign key mf_likes(user_id) references users(id) with ON DELETE NO ACTION; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}alter table mf_likes add constraint mf_likes_user foreign key (user_id) references users (id) on delete cascade;{{$}}
ALTER TABLE `mf_stars` ADD FOREIGN KEY (`user_id`) REFERENCES `users` (`id`);
-- CHECK: :[[@LINE-1]]:52: warning: foreign key mf_stars(user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}ALTER TABLE `mf_stars` ADD FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE;{{$}}
-- ANSI_QUOTES names.
CREATE TABLE "mf_ansi" ("user_id" INT, "note" TEXT DEFAULT 'it''s \' "x"', FOREIGN KEY ("user_id") REFERENCES "users" ("id"));
-- CHECK: :[[@LINE-1]]:100: warning: foreign key mf_ansi(user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE "mf_ansi" ("user_id" INT, "note" TEXT DEFAULT 'it''s \' "x"', FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);{{$}}
-- Dropped by its name, by its InnoDB default name, or with its table: nothing to report.
CREATE TABLE `mf_gone1` (`user_id` INT, CONSTRAINT `mf_gone1_fk` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`));
ALTER TABLE `mf_gone1` DROP FOREIGN KEY `mf_gone1_fk`;
CREATE TABLE `mf_gone2` (`id` INT, `user_id` INT, FOREIGN KEY (`user_id`) REFERENCES `users` (`id`));
ALTER TABLE `mf_gone2` DROP FOREIGN KEY `mf_gone2_ibfk_1`, DROP COLUMN `id`;
CREATE TABLE `mf_gone3` (`user_id` INT, FOREIGN KEY (`user_id`) REFERENCES `users` (`id`));
DROP TABLE IF EXISTS `mf_gone3`;
-- Renamed: reported under the final name.
CREATE TABLE `mf_old` (`user_id` INT, FOREIGN KEY (`user_id`) REFERENCES `users` (`id`));
-- CHECK: :[[@LINE-1]]:63: warning: foreign key mf_new(user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE `mf_old` (`user_id` INT, FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE);{{$}}
RENAME TABLE `mf_old` TO `mf_mid`;
ALTER TABLE `mf_mid` RENAME TO `mf_new`;
-- Already cascading, or suppressed with a # NOLINT comment: nothing to report.
CREATE TABLE `mf_ok` (`user_id` INT, FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE);
CREATE TABLE `mf_quiet` (`user_id` INT, FOREIGN KEY (`user_id`) REFERENCES `users` (`id`)); # NOLINT(cascade-missing-on-delete)
