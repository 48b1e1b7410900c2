-- RUN: bash %utils/fix-and-check.sh %s %t
CREATE TABLE users (id UUID PRIMARY KEY);

CREATE TABLE notes (
  id UUID PRIMARY KEY,
  author_id UUID NOT NULL REFERENCES users(id),
-- CHECK: :[[@LINE-1]]:27: warning: foreign key notes(author_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}  author_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,{{$}}
  editor_id UUID REFERENCES users,
-- CHECK: :[[@LINE-1]]:18: warning: foreign key notes(editor_id) references users without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}  editor_id UUID REFERENCES users ON DELETE CASCADE,{{$}}
  done_by UUID references users(id) on update cascade,
-- CHECK: :[[@LINE-1]]:16: warning: foreign key notes(done_by) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}  done_by UUID references users(id) on update cascade on delete cascade,{{$}}
  body TEXT
);
