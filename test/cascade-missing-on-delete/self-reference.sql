-- A self-reference on the root must never cascade: it would delete other users.
-- RUN: bash %utils/fix-and-check.sh %s %t
CREATE TABLE users (
  id UUID PRIMARY KEY,
  invited_by UUID REFERENCES users(id),
-- CHECK: :[[@LINE-1]]:19: warning: foreign key users(invited_by) references users(id) without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:19: note: a self-reference must not cascade: deleting one row would delete the rows that point to it; the fix sets ON DELETE SET NULL
-- FIXED: {{^}}  invited_by UUID REFERENCES users(id) ON DELETE SET NULL,{{$}}
  sponsor UUID NOT NULL REFERENCES users(id)
-- CHECK: :[[@LINE-1]]:25: warning: foreign key users(sponsor) references users(id) without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:25: note: a self-reference must not cascade and its NOT NULL column cannot be set to null: no automatic fix; make the column nullable and use ON DELETE SET NULL
-- FIXED: {{^}}  sponsor UUID NOT NULL REFERENCES users(id){{$}}
);
