-- A NOT NULL actor with ON DELETE SET NULL: CASCADE would delete other users' rows, so no
-- automatic fix; the notes offer both choices. (Under cascade-all the fix is CASCADE: root-reference.sql.)
-- RUN: bash %utils/fix-and-check.sh %s %t
CREATE TABLE users (id UUID PRIMARY KEY);
CREATE TABLE approvals (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  approver_id UUID NOT NULL REFERENCES users(id) ON DELETE SET NULL
-- CHECK: :[[@LINE-1]]:29: warning: foreign key approvals(approver_id) references users(id) with ON DELETE SET NULL but approver_id is NOT NULL; deleting a user fails with a not-null violation [cascade-set-null-not-null]
-- CHECK: :[[@LINE-2]]:29: note: approvals is owned through user_id; cascading approver_id would delete other users' rows, and approver_id is NOT NULL, so it cannot be set to null: no automatic fix
-- CHECK: :[[@LINE-3]]:29: note: choose: make approver_id nullable and use ON DELETE SET NULL, or use ON DELETE CASCADE if the row cannot outlive that user
-- FIXED: {{^}}  approver_id UUID NOT NULL REFERENCES users(id) ON DELETE SET NULL{{$}}
);
