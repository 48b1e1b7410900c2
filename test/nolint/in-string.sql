-- RUN: bash -c '%cascade-tidy %s; echo exit=$?' 2>&1 | %check-diags %s
-- The directive words inside string literals are not comments and suppress nothing.
CREATE TABLE a (u UUID REFERENCES users(id), t TEXT DEFAULT '-- NOLINT');
-- CHECK: in-string.sql:[[@LINE-1]]:24: warning: foreign key a(u) references users(id)
CREATE TABLE b (u UUID REFERENCES users(id), t TEXT DEFAULT '/* NOLINT */');
-- CHECK: in-string.sql:[[@LINE-1]]:24: warning: foreign key b(u) references users(id)
-- CHECK: 2 warnings generated.
-- CHECK-NOT: Suppressed
-- CHECK: exit=1
