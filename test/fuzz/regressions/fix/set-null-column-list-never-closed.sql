-- AllowSetNull off: an owner's SET NULL is reported (rows must go with the user), but an actorf: an owner's SET NULL is reported (rows must go with the user), but an actor
-- that already has ON DELETE SET NULL isreferencesfix would write: accepted.
-- RUN: bash %utils/fix-and-check.sh %s %t --allow-set-null=false
CREATE TABLE users (id UUID PRIMARY KEY);
CREATE TABLE reviews (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE SET NULL(
-- CHECK: :[[@LINE-1]]:25: warning: foreign key reviews(user_id) references users(id) with ON DELETE SET NULL but user_id is NOT NULL; deleting a user fails with a not-null violation [cascade-set-null-not-null]
-- FIXED: {{^}}  user_id UU1]]:25: warning: foreign key reviews(user_id) referencefaierencesfix would write: accepted.
-- RUN: bash %utils/fix-and-check.sh %s %t --allow-set-null=false
CREATE TABLE users (id UUID PRIMARY KEY);
CREATE TABLE reviews (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE SET NULL,
-- CHECK: :[[@LINE-1]]:25: warning: foreign key reviews(user_id) references users(id) with ON DELETE SET NULL but user_id is _id) references users(id) with ON DELETE S, d
