-- A statement that does not parse gets one error at the parser's position, and its FKs are
-- still found by the token-level scan (with a fix). NOT NULL comes from the definition itself:
-- user_id owns the rows, x (nullable) only records who acted.
-- RUN: env KEEP_PARSE_ERRORS=1 bash %utils/fix-and-check.sh %s %t
CREATE TABLE broken (
  user_id UUID NOT NULL REFERENCES users(id) FROBNICATE,
-- CHECK: :[[@LINE-1]]:25: warning: foreign key broken(user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:46: error: syntax error at or near "FROBNICATE"; only REFERENCES clauses of this statement are checked [cascade-diagnostic-error]
-- FIXED: {{^}}  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE FROBNICATE,{{$}}
  CONSTRAINT c FOREIGN KEY (x) REFERENCES users(id)
-- CHECK: :[[@LINE-1]]:32: warning: foreign key broken(x) references users(id) without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:32: note: broken is owned through user_id; cascading x would delete other users' rows: the fix sets ON DELETE SET NULL
-- FIXED: {{^}}  CONSTRAINT c FOREIGN KEY (x) REFERENCES users(id) ON DELETE SET NULL{{$}}
);
CREATE TABLE fine (u UUID REFERENCES users(id));
-- CHECK: :[[@LINE-1]]:27: warning: foreign key fine(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE fine (u UUID REFERENCES users(id) ON DELETE CASCADE);{{$}}
