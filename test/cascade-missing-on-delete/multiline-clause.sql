-- The fix goes after the last element of the clause, even on another line.
-- RUN: bash %utils/fix-and-check.sh %s %t
CREATE TABLE a (
  u UUID
    REFERENCES users (id)
-- CHECK: :[[@LINE-1]]:5: warning: foreign key a(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
    MATCH FULL
-- FIXED: {{^}}    MATCH FULL ON DELETE CASCADE{{$}}
    NOT NULL
);
