-- The structural ownership policy (the default): the key that owns a row cascades, a key that
-- only records who acted on it gets ON DELETE SET NULL, and a NOT NULL actor or keys that
-- nothing tells apart get no automatic fix (docs/checks/cascade-missing-on-delete.md).
-- RUN: bash %utils/fix-and-check.sh %s %t
CREATE TABLE users (id UUID PRIMARY KEY);
CREATE TABLE approval_requests (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users(id),
-- CHECK: :[[@LINE-1]]:25: warning: foreign key approval_requests(user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,{{$}}
  reviewer_id UUID REFERENCES users(id)
-- CHECK: :[[@LINE-1]]:20: warning: foreign key approval_requests(reviewer_id) references users(id) without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:20: note: approval_requests is owned through user_id; cascading reviewer_id would delete other users' rows: the fix sets ON DELETE SET NULL
-- FIXED: {{^}}  reviewer_id UUID REFERENCES users(id) ON DELETE SET NULL{{$}}
);
CREATE TABLE conversations (id UUID PRIMARY KEY, user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE);
CREATE TABLE messages (
  id UUID PRIMARY KEY,
  conversation_id UUID NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  author_id UUID REFERENCES users(id)
-- CHECK: :[[@LINE-1]]:18: warning: foreign key messages(author_id) references users(id) without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:18: note: messages is owned through conversation_id -> conversations; cascading author_id would delete other users' rows: the fix sets ON DELETE SET NULL
-- FIXED: {{^}}  author_id UUID REFERENCES users(id) ON DELETE SET NULL{{$}}
);
CREATE TABLE versions (id UUID PRIMARY KEY, published_by UUID REFERENCES users(id));
-- CHECK: :[[@LINE-1]]:63: warning: foreign key versions(published_by) references users(id) without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:63: note: the name published_by records who acted on the row (ActorColumnPatterns): the fix sets ON DELETE SET NULL, so the row outlives that user; use ON DELETE CASCADE instead if the row belongs to that user
-- CHECK: :[[@LINE-3]]:63: note: structure and name disagree: published_by is the only key from versions to users, which alone would make it the owner
-- FIXED: {{^}}CREATE TABLE versions (id UUID PRIMARY KEY, published_by UUID REFERENCES users(id) ON DELETE SET NULL);{{$}}
CREATE TABLE shares (id UUID PRIMARY KEY, shared_by UUID NOT NULL REFERENCES users(id));
-- CHECK: :[[@LINE-1]]:67: warning: foreign key shares(shared_by) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:67: note: the name shared_by marks an actor, but it is the only NOT NULL key from shares to users, so it is treated as the owner and cascades; if it only records who acted, make it nullable and use ON DELETE SET NULL
-- FIXED: {{^}}CREATE TABLE shares (id UUID PRIMARY KEY, shared_by UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE);{{$}}
CREATE TABLE follows (
  follower_id UUID NOT NULL REFERENCES users(id),
-- CHECK: :[[@LINE-1]]:29: warning: foreign key follows(follower_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:29: note: follows links two rows of users: its primary key holds follower_id, followee_id, all NOT NULL, and a link means nothing without either side: each key cascades
-- FIXED: {{^}}  follower_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,{{$}}
  followee_id UUID NOT NULL REFERENCES users(id),
-- CHECK: :[[@LINE-1]]:29: warning: foreign key follows(followee_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:29: note: follows links two rows of users: its primary key holds follower_id, followee_id, all NOT NULL, and a link means nothing without either side: each key cascades
-- FIXED: {{^}}  followee_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,{{$}}
  PRIMARY KEY (follower_id, followee_id)
);
CREATE TABLE approvals (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users(id),
-- CHECK: :[[@LINE-1]]:25: warning: foreign key approvals(user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,{{$}}
  approver_id UUID NOT NULL REFERENCES users(id)
-- CHECK: :[[@LINE-1]]:29: warning: foreign key approvals(approver_id) references users(id) without ON DELETE CASCADE or SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:29: note: approvals is owned through user_id; cascading approver_id would delete other users' rows, and approver_id is NOT NULL, so it cannot be set to null: no automatic fix
-- CHECK: :[[@LINE-3]]:29: note: choose: make approver_id nullable and use ON DELETE SET NULL, or use ON DELETE CASCADE if the row cannot outlive that user
);
CREATE TABLE transfers (
  id UUID PRIMARY KEY,
  payer_id UUID NOT NULL REFERENCES users(id),
-- CHECK: :[[@LINE-1]]:26: warning: foreign key transfers(payer_id) references users(id) without ON DELETE CASCADE or SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:26: note: transfers has several keys to users that could own its rows (payer_id, payee_id) and nothing tells them apart: no automatic fix
-- CHECK: :[[@LINE-3]]:26: note: choose ON DELETE CASCADE for the key whose user owns the row and ON DELETE SET NULL (on a nullable column) for a key that only records who acted; cascade both if the row belongs to each side
  payee_id UUID NOT NULL REFERENCES users(id)
-- CHECK: :[[@LINE-1]]:26: warning: foreign key transfers(payee_id) references users(id) without ON DELETE CASCADE or SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:26: note: transfers has several keys to users that could own its rows (payer_id, payee_id) and nothing tells them apart: no automatic fix
-- CHECK: :[[@LINE-3]]:26: note: choose ON DELETE CASCADE for the key whose user owns the row and ON DELETE SET NULL (on a nullable column) for a key that only records who acted; cascade both if the row belongs to each side
);
CREATE TABLE tasks (
  id UUID PRIMARY KEY,
  user_id UUID REFERENCES users(id),
-- CHECK: :[[@LINE-1]]:16: warning: foreign key tasks(user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}  user_id UUID REFERENCES users(id) ON DELETE CASCADE,{{$}}
  manager_id UUID REFERENCES users(id)
-- CHECK: :[[@LINE-1]]:19: warning: foreign key tasks(manager_id) references users(id) without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:19: note: tasks is owned through user_id; cascading manager_id would delete other users' rows: the fix sets ON DELETE SET NULL
-- FIXED: {{^}}  manager_id UUID REFERENCES users(id) ON DELETE SET NULL{{$}}
);
