-- RUN: bash -c '%cascade-tidy --root=accounts --root="auth.users(id)" %s; echo exit=$?' 2>&1 | %check-diags %s
-- RUN: bash -c '%cascade-tidy --root="users(id" %s; echo exit=$?' 2>&1 | %check-diags %s --check-prefix=BAD
-- RUN: bash -c '%cascade-tidy --root="a b" %s; echo exit=$?' 2>&1 | %check-diags %s --check-prefix=BAD2
-- --root is repeatable and replaces the default root (users); a malformed spec is exit 2.
CREATE TABLE t (u UUID REFERENCES users(id));
CREATE TABLE a (u UUID REFERENCES accounts(id));
-- CHECK: root-option.sql:[[@LINE-1]]:24: warning: foreign key a(u) references accounts(id) without ON DELETE CASCADE; deleting an account fails here [cascade-missing-on-delete]
CREATE TABLE b (u UUID REFERENCES auth.users(id));
-- CHECK: root-option.sql:[[@LINE-1]]:24: warning: foreign key b(u) references auth.users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: 2 warnings generated.
-- CHECK-NEXT: exit=1
-- BAD: error: invalid root table 'users(id': expected TABLE, SCHEMA.TABLE or TABLE(COLUMN)
-- BAD-NEXT: exit=2
-- BAD2: error: invalid root table 'a b': expected TABLE, SCHEMA.TABLE or TABLE(COLUMN)
-- BAD2-NEXT: exit=2
