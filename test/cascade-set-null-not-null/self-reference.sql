-- SET NULL on a NOT NULL self-reference of the root: never a CASCADE fix (it would delete
-- other users), and the note does not suggest one.
-- RUN: bash %utils/fix-and-check.sh %s %t
CREATE TABLE users (
  id UUID PRIMARY KEY,
  manager_id UUID NOT NULL REFERENCES users(id) ON DELETE SET NULL
-- CHECK: :[[@LINE-1]]:28: warning: foreign key users(manager_id) references users(id) with ON DELETE SET NULL but manager_id is NOT NULL; deleting a user fails with a not-null violation [cascade-set-null-not-null]
-- CHECK: :[[@LINE-2]]:28: note: no automatic fix: a self-reference must not cascade; make manager_id nullable
-- FIXED: {{^}}  manager_id UUID NOT NULL REFERENCES users(id) ON DELETE SET NULL{{$}}
);
