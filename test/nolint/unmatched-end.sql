-- RUN: bash -c '%cascade-tidy %s; echo exit=$?' 2>&1 | %check-diags %s
-- A region end without a start is an error; the file is otherwise clean.
CREATE TABLE a (u UUID REFERENCES users(id) ON DELETE CASCADE);
/* NOLINTEND */
-- CHECK: unmatched-end.sql:[[@LINE-1]]:4: error: unmatched 'NOLIN{{T}}END' comment without a previous 'NOLIN{{T}}BEGIN' comment [cascade-tidy-nolint]
-- CHECK: 1 error generated.
-- CHECK-NEXT: exit=1
