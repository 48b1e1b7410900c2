-- The trees of the statements that can change the catalog are read in libpg_query's C structs
-- (checker/RawTree.c). This file has every node kind and field that reader takes: CREATE TABLE
-- with column and table constraints, named FKs, DEFERRABLE / INITIALLY DEFERRED / NOT
-- DEFERRABLE / INITIALLY IMMEDIATE attributes, NOT VALID, schema-qualified names, every ALTER
-- TABLE subcommand the catalog follows, DROP TABLE of several tables, three kinds of RENAME.
-- The suite runs with CASCADE_TIDY_VERIFY_FAST=1: each plan is then read from the structs AND
-- from libpg_query's JSON, and the run stops with an internal error at the first field that
-- differs (the first RUN line below fails if any reader of RawTree.c returns another field).
-- The build under test must have the struct reader (tools/bootstrap.sh installs the headers).
-- RUN: %cascade-tidy --version | FileCheck --check-prefix=VERSION %s
-- VERSION: parse trees read in libpg_query's C structs
-- RUN: env CASCADE_TIDY_VERIFY_FAST=1 not %cascade-tidy %s 2>&1 | %check-diags %s
-- The reference (JSON only) and the struct reader alone give the same JSON report.
-- RUN: env -u CASCADE_TIDY_VERIFY_FAST CASCADE_TIDY_REFERENCE=1 not %cascade-tidy --format=json %s > %t.ref.json
-- RUN: env -u CASCADE_TIDY_VERIFY_FAST not %cascade-tidy --format=json %s > %t.fast.json
-- RUN: diff %t.ref.json %t.fast.json
CREATE TABLE users (id BIGINT PRIMARY KEY);
CREATE SCHEMA app;
CREATE TABLE app.orgs (id INT, PRIMARY KEY (id));
CREATE TABLE posts (
  id INT NOT NULL,
  author_id BIGINT NOT NULL CONSTRAINT posts_author_fk REFERENCES users (id) DEFERRABLE INITIALLY DEFERRED,
  editor_id BIGINT REFERENCES users NOT DEFERRABLE INITIALLY IMMEDIATE,
-- CHECK: raw-tree.sql:[[@LINE-1]]:20: warning: foreign key articles(editor_id) references users without ON DELETE CASCADE or SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: raw-tree.sql:[[@LINE-2]]:20: note: articles has several keys to users that could own its rows (editor, reviewer_id) and nothing tells them apart: no automatic fix
  org_id INT,
  CONSTRAINT posts_org_fk FOREIGN KEY (org_id) REFERENCES app.orgs (id)
);
ALTER TABLE posts ADD COLUMN reviewer_id BIGINT NOT NULL REFERENCES users (id);
-- CHECK: raw-tree.sql:[[@LINE-1]]:58: warning: foreign key articles(reviewer_id) references users(id) without ON DELETE CASCADE or SET NULL; deleting a user fails here [cascade-missing-on-delete]
ALTER TABLE posts ADD CONSTRAINT posts_editor_fk2 FOREIGN KEY (editor_id) REFERENCES users (id) NOT VALID;
-- CHECK: raw-tree.sql:[[@LINE-1]]:75: warning: foreign key articles(editor_id) references users(id) without ON DELETE CASCADE or SET NULL; deleting a user fails here [cascade-missing-on-delete]
ALTER TABLE posts ALTER COLUMN editor_id SET NOT NULL, ALTER COLUMN author_id DROP NOT NULL;
ALTER TABLE posts DROP COLUMN org_id;
ALTER TABLE posts DROP CONSTRAINT posts_author_fk;
ALTER TABLE posts RENAME COLUMN editor_id TO editor;
ALTER TABLE posts RENAME CONSTRAINT posts_editor_fk2 TO posts_editor_fk;
ALTER TABLE posts RENAME TO articles;
-- Dropped before the end: no finding.
CREATE TABLE tmp (u BIGINT REFERENCES users (id));
DROP TABLE IF EXISTS public.tmp, other;
CREATE TABLE notes (a_id BIGINT REFERENCES articles (id), u BIGINT REFERENCES users (id) ON DELETE CASCADE);
