-- SET NULL on a NOT NULL column referencing the root: the fix cascades.
-- RUN: bash %utils/fix-and-check.sh %s %t
CREATE TABLE notes (
  id UUID PRIMARY KEY,
  owner_id UUID NOT NULL REFERENCES users(id) ON DELETE SET NULL,
-- CHECK: :[[@LINE-1]]:26: warning: foreign key notes(owner_id) references users(id) with ON DELETE SET NULL but owner_id is NOT NULL; deleting a user fails with a not-null violation [cascade-set-null-not-null]
-- FIXED: {{^}}  owner_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,{{$}}
  editor_id UUID REFERENCES users(id) ON DELETE SET NULL
);
