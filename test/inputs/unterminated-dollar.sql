-- RUN: bash -c '%cascade-tidy %s; echo exit=$?' 2>&1 | %check-diags %s
-- CHECK: unterminated-dollar.sql:[[@LINE+3]]:24: warning: foreign key a(u) references users(id) without ON DELETE CASCADE
-- CHECK: unterminated-dollar.sql:[[@LINE+3]]:4: error: unterminated dollar-quoted string at or near "$$ BEGIN{{.*}}"; the rest of the file was not analysed [cascade-diagnostic-error]
-- An unterminated $$ body: error at the opening $$, earlier findings kept.
CREATE TABLE a (u UUID REFERENCES users(id));
DO $$ BEGIN
  CREATE TABLE b (u UUID REFERENCES users(id));
-- CHECK: 1 warning and 1 error generated.
-- CHECK-NEXT: exit=1
