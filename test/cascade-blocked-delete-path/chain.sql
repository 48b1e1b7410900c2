-- A lone file is its own catalog: decisions cascades from users, so a delete of a
-- user removes decisions rows, and candidate_actions (no cascade) blocks that.
-- RUN: bash %utils/fix-and-check.sh %s %t
CREATE TABLE users (id UUID PRIMARY KEY);
CREATE TABLE decisions (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE
-- FIXED: {{^}}  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE{{$}}
);
CREATE TABLE candidate_actions (
  id UUID PRIMARY KEY,
  decision_id UUID NOT NULL REFERENCES decisions(id)
-- CHECK: chain.sql:[[@LINE-1]]:29: warning: foreign key candidate_actions(decision_id) references decisions(id) without ON DELETE CASCADE; deleting a user cascades to decisions and fails here [cascade-blocked-delete-path]
-- CHECK-NEXT: {{^}}   [[@LINE-2]] |   decision_id UUID NOT NULL REFERENCES decisions(id){{$}}
-- CHECK-NEXT: {{^}}      |                             ^~~~~~~~~~~~~~~~~~~~~~~~{{$}}
-- CHECK-NEXT: {{^}}      |                                                      ON DELETE CASCADE{{$}}
-- CHECK-NEXT: chain.sql:[[@LINE-5]]:29: note: delete path: users <- decisions <- candidate_actions
-- FIXED: {{^}}  decision_id UUID NOT NULL REFERENCES decisions(id) ON DELETE CASCADE{{$}}
);
-- CHECK: 1 warning generated.
