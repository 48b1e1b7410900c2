-- In text that does not parse, a fix still never glues onto a parameter or a string after it
-- (and adds no new parse error); a second --fix changes nothing.
-- RUN: env KEEP_PARSE_ERRORS=1 bash %utils/fix-and-check.sh %s %t
CREATE TABLE a (u int REFERENCES users(id)$1);
-- CHECK: :[[@LINE-1]]:23: warning: foreign key a(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:43: error: syntax error at or near "$1"; only REFERENCES clauses of this statement are checked [cascade-diagnostic-error]
-- FIXED: {{^}}CREATE TABLE a (u int REFERENCES users(id) ON DELETE CASCADE $1);{{$}}
CREATE TABLE b (u int REFERENCES users(id)'x');
-- CHECK: :[[@LINE-1]]:23: warning: foreign key b(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:43: error: syntax error at or near "'x'"; only REFERENCES clauses of this statement are checked [cascade-diagnostic-error]
-- FIXED: {{^}}CREATE TABLE b (u int REFERENCES users(id) ON DELETE CASCADE 'x');{{$}}
