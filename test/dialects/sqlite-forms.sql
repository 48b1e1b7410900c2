-- Every SQLite form the reader knows, read with --dialect=sqlite: exact positions, the fixed text
-- in SQLite's spelling (quotes kept, lower case kept), and a second --fix that changes nothing.
-- RUN: not %cascade-tidy --dialect=sqlite %s 2>&1 | %check-diags %s --implicit-check-not=note:
-- RUN: cp %s %t.sql && %cascade-tidy --dialect=sqlite --fix %t.sql > /dev/null 2>&1
-- RUN: FileCheck --check-prefix=FIXED --input-file=%t.sql %s
-- RUN: cp %t.sql %t.again.sql && %cascade-tidy --dialect=sqlite --fix %t.again.sql > /dev/null 2>&1; cmp %t.sql %t.again.sql
-- RUN: %cascade-tidy --dialect=sqlite %t.sql 2>&1 | count 0
PRAGMA foreign_keys = ON;
CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL);
CREATE TABLE "sf_posts" ("id" INTEGER PRIMARY KEY, "user_id" INTEGER NOT NULL REFERENCES "users" ON UPDATE CASCADE);
-- CHECK: :[[@LINE-1]]:79: warning: foreign key sf_posts(user_id) references users without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE "sf_posts" ("id" INTEGER PRIMARY KEY, "user_id" INTEGER NOT NULL REFERENCES "users" ON UPDATE CASCADE ON DELETE CASCADE);{{$}}
CREATE TABLE [sf_files] ([id] INTEGER PRIMARY KEY, [user_id] INTEGER,
  CONSTRAINT sf_files_user FOREIGN KEY ([user_id]) REFERENCES [users]([id]) ON DELETE NO ACTION ON UPDATE NO ACTION
-- CHECK: :[[@LINE-1]]:52: warning: foreign key sf_files(user_id) references users(id) with ON DELETE NO ACTION; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}  CONSTRAINT sf_files_user FOREIGN KEY ([user_id]) REFERENCES [users]([id]) ON DELETE CASCADE ON UPDATE NO ACTION{{$}}
) WITHOUT ROWID;
create table sf_likes (id integer primary key, user_id integer references users(id) deferrable initially deferred);
-- CHECK: :[[@LINE-1]]:64: warning: foreign key sf_likes(user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}create table sf_likes (id integer primary key, user_id integer references users(id) on delete cascade deferrable initially deferred);{{$}}
CREATE TABLE sf_tags (id INTEGER PRIMARY KEY);
ALTER TABLE sf_tags ADD COLUMN user_id INTEGER REFERENCES users(id) ON DELETE RESTRICT;
-- CHECK: :[[@LINE-1]]:48: warning: foreign key sf_tags(user_id) references users(id) with ON DELETE RESTRICT; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}ALTER TABLE sf_tags ADD COLUMN user_id INTEGER REFERENCES users(id) ON DELETE CASCADE;{{$}}
-- Renamed: reported under the final table name (the column as its definition spells it).
CREATE TABLE main.sf_old (owner INTEGER REFERENCES users(id));
-- CHECK: :[[@LINE-1]]:41: warning: foreign key sf_new(owner) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE main.sf_old (owner INTEGER REFERENCES users(id) ON DELETE CASCADE);{{$}}
ALTER TABLE sf_old RENAME TO sf_new;
ALTER TABLE sf_new RENAME COLUMN owner TO user_id;
-- A trigger body's statements are not tables; a dropped table's key is gone.
CREATE TRIGGER sf_trg AFTER DELETE ON sf_tags BEGIN DELETE FROM sf_likes WHERE id = old.id; END;
CREATE TABLE sf_gone (user_id INTEGER REFERENCES users(id));
DROP TABLE IF EXISTS sf_gone;
CREATE TABLE sf_setdefault (user_id INTEGER REFERENCES users(id) ON DELETE SET DEFAULT);
