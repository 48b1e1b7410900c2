-- RUN: bash -c '%cascade-tidy %s; echo exit=$?' 2>&1 | %check-diags %s
-- clang-tidy semantics: a region covers only the text strictly between its begin
-- and end comments (not code before the begin or after the end on the same
-- line), and negative globs in a check list are ignored, so "(*,-x)" means "(*)".
-- CHECK: region-bounds-and-negative-globs.sql:[[@LINE+1]]:24: warning: foreign key a(u)
CREATE TABLE a (u UUID REFERENCES users(id)); /* NOLINTBEGIN */
CREATE TABLE b (u UUID REFERENCES users(id));
/* NOLINTEND */ CREATE TABLE c (u UUID REFERENCES users(id));
-- CHECK: region-bounds-and-negative-globs.sql:[[@LINE-1]]:40: warning: foreign key c(u)
CREATE TABLE d (u UUID REFERENCES users(id)); -- NOLINT(*,-cascade-missing-on-delete)
-- CHECK: 2 warnings generated.
-- CHECK-NEXT: Suppressed 2 warnings (2 NOLINT).
-- CHECK-NEXT: exit=1
