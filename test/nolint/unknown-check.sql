-- RUN: bash -c '%cascade-tidy %s; echo exit=$?' 2>&1 | %check-diags %s
-- An unknown check name in the list is diagnosed and suppresses nothing;
-- a glob that matches no check is not a name and is not diagnosed.
CREATE TABLE a (u UUID REFERENCES users(id)); -- NOLINT(cascade-missing-ondelete)
-- CHECK: unknown-check.sql:[[@LINE-1]]:24: warning: foreign key a(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: unknown-check.sql:[[@LINE-2]]:50: warning: unknown check 'cascade-missing-ondelete' in NOLINT comment; it suppresses nothing [cascade-tidy-nolint]
CREATE TABLE b (u UUID REFERENCES users(id) ON DELETE CASCADE); -- NOLINT(bugprone-*)
-- CHECK: 2 warnings generated.
-- CHECK-NEXT: exit=1
