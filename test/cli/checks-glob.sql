-- RUN: bash -c '%cascade-tidy --checks="-*,cascade-set-null-not-null" %s; echo exit=$?' 2>&1 | %check-diags %s
-- RUN: bash -c '%cascade-tidy --checks="-*" %s; echo exit=$?' 2>&1 | %check-diags %s --check-prefix=NONE
-- RUN: bash -c '%cascade-tidy --checks="cascade-*,-cascade-set-*" %s; echo exit=$?' 2>&1 | %check-diags %s --check-prefix=MISSING
-- --checks takes clang-tidy globs, applied left to right.
CREATE TABLE t (u UUID REFERENCES users(id));
-- MISSING: checks-glob.sql:[[@LINE-1]]:24: warning: foreign key t(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
CREATE TABLE r (u UUID NOT NULL REFERENCES users(id) ON DELETE SET NULL);
-- CHECK: checks-glob.sql:[[@LINE-1]]:33: warning: foreign key r(u) references users(id) with ON DELETE SET NULL but u is NOT NULL; deleting a user fails with a not-null violation [cascade-set-null-not-null]
-- CHECK: 1 warning generated.
-- CHECK-NEXT: exit=1
-- MISSING: 1 warning generated.
-- MISSING-NEXT: exit=1
-- Checking nothing is not "all clear": it stops, as clang-tidy does.
-- NONE: cascade-tidy: error: no checks enabled: Checks '-*' on the command line matches none of cascade-blocked-delete-path, cascade-missing-on-delete, cascade-set-null-not-null
-- NONE-NEXT: exit=2
