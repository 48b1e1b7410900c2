-- decisions.user_id does not cascade either: the direct check reports it, and the
-- chained FK is still in the closure (the delete must remove decisions rows once
-- that is fixed), so both are reported and both fixed in one --fix.
-- RUN: bash %utils/fix-and-check.sh %s %t
CREATE TABLE users (id UUID PRIMARY KEY);
CREATE TABLE decisions (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users(id)
-- CHECK: root-not-cascading.sql:[[@LINE-1]]:25: warning: foreign key decisions(user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE{{$}}
);
CREATE TABLE candidate_actions (
  id UUID PRIMARY KEY,
  decision_id UUID NOT NULL REFERENCES decisions(id) ON DELETE RESTRICT
-- CHECK: root-not-cascading.sql:[[@LINE-1]]:29: warning: foreign key candidate_actions(decision_id) references decisions(id) with ON DELETE RESTRICT; deleting a user cascades to decisions and fails here [cascade-blocked-delete-path]
-- CHECK: root-not-cascading.sql:[[@LINE-2]]:29: note: delete path: users <- decisions <- candidate_actions
-- FIXED: {{^}}  decision_id UUID NOT NULL REFERENCES decisions(id) ON DELETE CASCADE{{$}}
);
-- CHECK: 2 warnings generated.
