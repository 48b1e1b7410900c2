-- OwnershipPolicy cascade-all: every key to users cascades, actors included (the seed's plan).
-- RUN: bash %utils/fix-and-check.sh %s %t --ownership-policy=cascade-all
CREATE TABLE users (id UUID PRIMARY KEY);
CREATE TABLE approval_requests (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users(id),
-- CHECK: :[[@LINE-1]]:25: warning: foreign key approval_requests(user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,{{$}}
  reviewer_id UUID REFERENCES users(id)
-- CHECK: :[[@LINE-1]]:20: warning: foreign key approval_requests(reviewer_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}  reviewer_id UUID REFERENCES users(id) ON DELETE CASCADE{{$}}
);
CREATE TABLE versions (id UUID PRIMARY KEY, published_by UUID REFERENCES users(id));
-- CHECK: :[[@LINE-1]]:63: warning: foreign key versions(published_by) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE versions (id UUID PRIMARY KEY, published_by UUID REFERENCES users(id) ON DELETE CASCADE);{{$}}
