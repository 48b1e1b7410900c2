-- RUN: bash -c '%cascade-tidy %s; echo exit=$?' 2>&1 | %check-diags %s
-- A trailing "-- NOLINT" suppresses the finding on its own line only.
CREATE TABLE notes (
  author_id UUID REFERENCES users(id), -- NOLINT
  editor_id UUID REFERENCES users(id),
-- CHECK: same-line.sql:[[@LINE-1]]:18: warning: foreign key notes(editor_id) references users(id) without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
  body TEXT
);
-- CHECK: 1 warning generated.
-- CHECK-NEXT: Suppressed 1 warning (1 NOLINT).
-- CHECK-NEXT: exit=1
