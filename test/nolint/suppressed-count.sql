-- RUN: %cascade-tidy %s > %t.out 2> %t.err
-- RUN: count 0 < %t.out
-- RUN: FileCheck %s --match-full-lines < %t.err
-- RUN: %cascade-tidy --quiet %s > %t.qout 2> %t.qerr
-- RUN: count 0 < %t.qout
-- RUN: count 0 < %t.qerr
-- The count of suppressed findings goes to stderr (clang-tidy's wording),
-- and --quiet drops it.
CREATE TABLE a (u UUID REFERENCES users(id)); -- NOLINT
CREATE TABLE b (u UUID REFERENCES users(id)); /* NOLINT(cascade-*) */
CREATE TABLE c (u UUID REFERENCES users(id)); -- NOLINT
-- CHECK: Suppressed 3 warnings (3 NOLINT).
-- CHECK-NOT: {{.}}
