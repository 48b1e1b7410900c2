-- RUN: bash -c '%cascade-tidy --ownership-policy=cascade-all %s; echo exit=$?' 2>&1 | %check-diags %s
-- (cascade-all: several generic keys to users in one table would be undecided; ownership is tested in the check folders)
-- A NOLINT naming another (known) check does not suppress this one.
CREATE TABLE notes (
  a UUID REFERENCES users(id), -- NOLINT(cascade-set-null-not-null)
-- CHECK: other-check.sql:[[@LINE-1]]:10: warning: foreign key notes(a) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
  b UUID REFERENCES users(id)  -- NOLINT(cascade-set-*)
-- CHECK: other-check.sql:[[@LINE-1]]:10: warning: foreign key notes(b) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
);
-- CHECK: 2 warnings generated.
-- CHECK-NOT: Suppressed
-- CHECK: exit=1
