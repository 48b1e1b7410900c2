-- RUN: bash -c '%cascade-tidy %s; echo exit=$?' 2>&1 | %check-diags %s
-- A region with a check list suppresses only the checks it names.
-- NOLINTBEGIN(cascade-missing-on-delete)
CREATE TABLE a (u UUID REFERENCES users(id));
-- NOLINTEND(cascade-missing-on-delete)
-- NOLINTBEGIN(cascade-set-null-not-null)
CREATE TABLE b (u UUID REFERENCES users(id));
-- CHECK: begin-end-checks.sql:[[@LINE-1]]:24: warning: foreign key b(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- NOLINTEND(cascade-set-null-not-null)
-- NOLINTBEGIN(cascade-*)
CREATE TABLE c (u UUID REFERENCES users(id));
-- NOLINTEND(cascade-*)
-- CHECK: 1 warning generated.
-- CHECK-NEXT: Suppressed 2 warnings (2 NOLINT).
-- CHECK-NEXT: exit=1
