-- A self-reference on a table inside the closure (not the root) gets CASCADE:
-- deleting a comment deletes its replies, which is what the user's delete needs.
-- RUN: bash %utils/fix-and-check.sh %s %t
CREATE TABLE users (id UUID PRIMARY KEY);
CREATE TABLE comments (
  id UUID PRIMARY KEY,
  author_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  parent_id UUID REFERENCES comments(id)
-- CHECK: self-reference.sql:[[@LINE-1]]:18: warning: foreign key comments(parent_id) references comments(id) without ON DELETE CASCADE; deleting a user cascades to comments and fails here [cascade-blocked-delete-path]
-- CHECK: self-reference.sql:[[@LINE-2]]:18: note: delete path: users <- comments <- comments
-- FIXED: {{^}}  parent_id UUID REFERENCES comments(id) ON DELETE CASCADE{{$}}
);
-- CHECK: 1 warning generated.
