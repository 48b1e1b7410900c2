-- RUN: bash -c '%cascade-tidy %s; echo exit=$?' 2>&1 | %check-diags %s
-- A region that is never closed is an error and suppresses nothing.
CREATE TABLE a (u UUID REFERENCES users(id) ON DELETE CASCADE);
-- NOLINTBEGIN
-- CHECK: unmatched-begin.sql:[[@LINE-1]]:4: error: unmatched 'NOLIN{{T}}BEGIN' comment without a subsequent 'NOLIN{{T}}END' comment [cascade-tidy-nolint]
-- CHECK-NEXT: {{^}} [[@LINE-2]] | -- NOLIN{{T}}BEGIN{{$}}
-- CHECK-NEXT: {{^}}      |    ^{{$}}
CREATE TABLE b (u UUID REFERENCES users(id));
-- CHECK: unmatched-begin.sql:[[@LINE-1]]:24: warning: foreign key b(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: 1 warning and 1 error generated.
-- CHECK-NOT: Suppressed
-- CHECK: exit=1
