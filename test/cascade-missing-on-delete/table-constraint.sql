-- RUN: bash %utils/fix-and-check.sh %s %t
CREATE TABLE users (id UUID PRIMARY KEY);
CREATE TABLE grants (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL,
  granted_by UUID,
  CONSTRAINT grants_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
-- CHECK: :[[@LINE-1]]:51: warning: foreign key grants(user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}  CONSTRAINT grants_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,{{$}}
  FOREIGN KEY (granted_by) REFERENCES users(id) MATCH SIMPLE DEFERRABLE INITIALLY DEFERRED
-- CHECK: :[[@LINE-1]]:28: warning: foreign key grants(granted_by) references users(id) without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:28: note: grants is owned through user_id; cascading granted_by would delete other users' rows: the fix sets ON DELETE SET NULL
-- FIXED: {{^}}  FOREIGN KEY (granted_by) REFERENCES users(id) MATCH SIMPLE ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED{{$}}
);
