-- RUN: bash %utils/fix-and-check.sh %s %t
CREATE TABLE users (id UUID PRIMARY KEY);

CREATE TABLE notes (
  id UUID PRIMARY KEY,
  author_id UUID NOT NULL REFERENCES users(id),
-- CHECK: :[[@LINE-1]]:27: warning: foreign key notes(author_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}  author_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,{{$}}
  editor_id UUID REFERENCES users,
-- CHECK: :[[@LINE-1]]:18: warning: foreign key notes(editor_id) references users without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:18: note: notes is owned through author_id; cascading editor_id would delete other users' rows: the fix sets ON DELETE SET NULL
-- FIXED: {{^}}  editor_id UUID REFERENCES users ON DELETE SET NULL,{{$}}
  done_by UUID references users(id) on update cascade,
-- CHECK: :[[@LINE-1]]:16: warning: foreign key notes(done_by) references users(id) without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:16: note: notes is owned through author_id; cascading done_by would delete other users' rows: the fix sets ON DELETE SET NULL
-- FIXED: {{^}}  done_by UUID references users(id) on update cascade on delete set null,{{$}}
  body TEXT
);
