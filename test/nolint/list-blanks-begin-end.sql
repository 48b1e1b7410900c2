-- RUN: bash -c '%cascade-tidy %s; echo exit=$?' 2>&1 | %check-diags %s
-- clang-tidy ignores blanks in a check list, so "(a, b)" and "(a,b)" are the
-- same list and this begin/end pair matches and suppresses the finding.
-- NOLINTBEGIN(cascade-missing-on-delete, cascade-set-null-not-null)
CREATE TABLE a (u UUID REFERENCES users(id));
-- NOLINTEND(cascade-missing-on-delete,cascade-set-null-not-null)
-- CHECK-NOT: {{.}}
-- CHECK: Suppressed 1 warning (1 NOLINT).
-- CHECK-NEXT: exit=0
