-- RUN: bash -c '%cascade-tidy %s; echo exit=$?' 2>&1 | %check-diags %s
-- A check list naming the check, a glob matching it, or "*" suppresses it;
-- blanks around the names are ignored. When every finding is suppressed only
-- the count is printed and the exit status is 0.
CREATE TABLE notes (
  a UUID REFERENCES users(id), -- NOLINT(cascade-missing-on-delete)
  b UUID REFERENCES users(id), -- NOLINT(cascade-*)
  c UUID REFERENCES users(id), -- NOLINT(*)
  d UUID REFERENCES users(id)  -- NOLINT( cascade-missing-on-delete , cascade-set-null-not-null )
);
-- CHECK-NOT: {{.}}
-- CHECK: Suppressed 4 warnings (4 NOLINT).
-- CHECK-NEXT: exit=0
