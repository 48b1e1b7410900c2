-- AllowSetNull off: an owner's SET NULL is reported (rows must go with the user), but an actor
-- that already has ON DELETE SET NULL is what the fix would write: accepted.
-- RUN: bash %utils/fix-and-check.sh %s %t --allow-set-null=false
CREATE TABLE users (id UUID PRIMARY KEY);
CREATE TABLE reviews (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE SET NULL,
-- CHECK: :[[@LINE-1]]:25: warning: foreign key reviews(user_id) references users(id) with ON DELETE SET NULL but user_id is NOT NULL; deleting a user fails with a not-null violation [cascade-set-null-not-null]
-- FIXED: {{^}}  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,{{$}}
  reviewer_id UUID REFERENCES users(id) ON DELETE SET NULL,
  body TEXT
);
CREATE TABLE notes (
  id UUID PRIMARY KEY,
  author_id UUID REFERENCES users(id) ON DELETE SET NULL,
-- CHECK: :[[@LINE-1]]:18: warning: foreign key notes(author_id) references users(id) with ON DELETE SET NULL; AllowSetNull is off, so rows must go with a user [cascade-missing-on-delete]
-- FIXED: {{^}}  author_id UUID REFERENCES users(id) ON DELETE CASCADE,{{$}}
  editor_id UUID REFERENCES users(id) ON DELETE SET NULL
);
