-- RUN: bash -c '%cascade-tidy --warnings-as-errors="cascade-set-*" %s; echo exit=$?' 2>&1 | %check-diags %s
-- --warnings-as-errors=<globs> turns the matching checks' warnings into errors.
CREATE TABLE t (u UUID REFERENCES users(id));
-- CHECK: warnings-as-errors.sql:[[@LINE-1]]:24: warning: foreign key t(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
CREATE TABLE r (u UUID NOT NULL REFERENCES users(id) ON DELETE SET NULL);
-- CHECK: warnings-as-errors.sql:[[@LINE-1]]:33: error: foreign key r(u) references users(id) with ON DELETE SET NULL but u is NOT NULL; deleting a user fails with a not-null violation [cascade-set-null-not-null,-warnings-as-errors]
-- CHECK: 1 warning and 1 error generated.
-- CHECK-NEXT: exit=1
