-- RUN: bash -c '%cascade-tidy %s; echo exit=$?' 2>&1 | %check-diags %s
-- CHECK: unterminated-comment.sql:[[@LINE+3]]:24: warning: foreign key a(u) references users(id) without ON DELETE CASCADE
-- CHECK: unterminated-comment.sql:[[@LINE+3]]:3: error: unterminated /* comment at or near "/* never closed{{.*}}"; the rest of the file was not analysed [cascade-diagnostic-error]
-- An unterminated block comment: error at its start, earlier findings kept.
CREATE TABLE a (u UUID REFERENCES users(id));
  /* never closed
CREATE TABLE b (u UUID REFERENCES users(id));
-- CHECK: 1 warning and 1 error generated.
-- CHECK-NEXT: exit=1
