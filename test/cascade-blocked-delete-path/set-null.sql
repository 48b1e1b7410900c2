-- SET NULL / SET DEFAULT on a nullable chained FK does not block: the rows stay, so
-- what references them is not in the closure. SET NULL on a NOT NULL column blocks.
-- RUN: bash %utils/fix-and-check.sh %s %t
-- With --allow-set-null=false SET NULL / SET DEFAULT block too, and the tables past them join the closure.
-- RUN: not %cascade-tidy --allow-set-null=false %s 2>&1 | %check-diags %s --check-prefix=STRICT
-- STRICT: set-null.sql:17:20: warning: foreign key reviews(decision_id) references decisions(id) with ON DELETE SET NULL; deleting a user cascades to decisions and fails here [cascade-blocked-delete-path]
-- STRICT: set-null.sql:19:27: warning: foreign key review_notes(review_id) references reviews(id) without ON DELETE CASCADE; deleting a user cascades to reviews and fails here [cascade-blocked-delete-path]
-- STRICT: set-null.sql:19:27: note: delete path: users <- decisions <- reviews <- review_notes
-- STRICT: set-null.sql:21:20: warning: foreign key pins(decision_id) references decisions(id) with ON DELETE SET DEFAULT; deleting a user cascades to decisions and fails here [cascade-blocked-delete-path]
-- STRICT: set-null.sql:23:29: warning: {{.*}} [cascade-blocked-delete-path]
-- STRICT: set-null.sql:23:29: warning: {{.*}} [cascade-set-null-not-null]
-- STRICT: 5 warnings generated.
CREATE TABLE users (id UUID PRIMARY KEY);
CREATE TABLE decisions (id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE);
CREATE TABLE reviews (id UUID PRIMARY KEY,
  decision_id UUID REFERENCES decisions(id) ON DELETE SET NULL);
CREATE TABLE review_notes (id UUID PRIMARY KEY,
  review_id UUID NOT NULL REFERENCES reviews(id));
CREATE TABLE pins (id UUID PRIMARY KEY,
  decision_id UUID REFERENCES decisions(id) ON DELETE SET DEFAULT);
CREATE TABLE audits (id UUID PRIMARY KEY,
  decision_id UUID NOT NULL REFERENCES decisions(id) ON DELETE SET NULL);
-- CHECK: set-null.sql:[[@LINE-1]]:29: warning: foreign key audits(decision_id) references decisions(id) with ON DELETE SET NULL; deleting a user cascades to decisions and fails here [cascade-blocked-delete-path]
-- CHECK: set-null.sql:[[@LINE-2]]:29: note: delete path: users <- decisions <- audits
-- CHECK: set-null.sql:[[@LINE-3]]:29: warning: foreign key audits(decision_id) references decisions(id) with ON DELETE SET NULL but decision_id is NOT NULL; deleting a referenced row of decisions fails with a not-null violation [cascade-set-null-not-null]
-- FIXED: {{^}}  decision_id UUID NOT NULL REFERENCES decisions(id) ON DELETE CASCADE);{{$}}
-- CHECK: 2 warnings generated.
