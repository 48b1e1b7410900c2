-- RUN: bash -c '%cascade-tidy %s; echo exit=$?' 2>&1 | %check-diags %s
-- A NOLINTBEGIN/NOLINTEND region suppresses what is inside, not what follows.
-- NOLINTBEGIN
CREATE TABLE a (u UUID REFERENCES users(id));
CREATE TABLE b (u UUID REFERENCES users(id));
-- NOLINTEND
CREATE TABLE c (u UUID REFERENCES users(id));
-- CHECK: begin-end.sql:[[@LINE-1]]:24: warning: foreign key c(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
/* NOLINTBEGIN */
CREATE TABLE d (u UUID REFERENCES users(id));
/* NOLINTEND */
-- CHECK: 1 warning generated.
-- CHECK-NEXT: Suppressed 3 warnings (3 NOLINT).
-- CHECK-NEXT: exit=1
