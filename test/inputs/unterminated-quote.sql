-- RUN: bash -c '%cascade-tidy %s; echo exit=$?' 2>&1 | %check-diags %s
-- CHECK: unterminated-quote.sql:[[@LINE+4]]:24: warning: foreign key a(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: unterminated-quote.sql:[[@LINE+4]]:10: error: unterminated quoted string at or near "{{.}}oops;{{.*}}"; the rest of the file was not analysed [cascade-diagnostic-error]
-- An unterminated string: the error is at the opening quote; findings before
-- it are still reported; what follows is not analysed. Exit 1 (findings).
CREATE TABLE a (u UUID REFERENCES users(id));
  SELECT 'oops;
CREATE TABLE b (u UUID REFERENCES users(id));
-- CHECK: 1 warning and 1 error generated.
-- CHECK-NEXT: exit=1
