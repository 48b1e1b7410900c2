-- An ON DELETE whose action cannot be read (a statement cut off after ON DELETE, a SET NULL
-- column list never closed) is not read as a reference without an action: a fix inserting a
-- second ON DELETE would not help. Only the syntax error is reported, and --fix leaves it.
-- RUN: env KEEP_PARSE_ERRORS=1 bash %utils/fix-and-check.sh %s %t
CREATE TABLE users (id UUID PRIMARY KEY);
CREATE TABLE cut (user_id UUID REFERENCES users(id) ON DELETE);
-- CHECK: :[[@LINE-1]]:62: error: syntax error at or near ")"; only REFERENCES clauses of this statement are checked [cascade-diagnostic-error]
-- FIXED: {{^}}CREATE TABLE cut (user_id UUID REFERENCES users(id) ON DELETE);{{$}}
CREATE TABLE fine (u UUID REFERENCES users(id) ON DELETE NO ACTION);
-- CHECK: :[[@LINE-1]]:27: warning: foreign key fine(u) references users(id) with ON DELETE NO ACTION; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE fine (u UUID REFERENCES users(id) ON DELETE CASCADE);{{$}}
-- The last statement: its open parenthesis runs to the end of the file.
CREATE TABLE reviews (id UUID PRIMARY KEY, user_id UUID NOT NULL REFERENCES users(id) ON DELETE SET NULL (user_id
-- CHECK: :[[@LINE-1]]:{{[0-9]+}}: error: syntax error at end of input; only REFERENCES clauses of this statement are checked [cascade-diagnostic-error]
-- FIXED: {{^}}CREATE TABLE reviews (id UUID PRIMARY KEY, user_id UUID NOT NULL REFERENCES users(id) ON DELETE SET NULL (user_id{{$}}
