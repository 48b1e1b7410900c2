-- With Dialect postgres nothing is blanked: CockroachDB syntax is a syntax error, and the
-- token-level scan still reports the FK in that statement.
-- RUN: not %cascade-tidy --dialect=postgres %s 2>&1 | %check-diags %s
CREATE TABLE notes (
  user_id UUID REFERENCES users(id),
-- CHECK: :[[@LINE-1]]:16: warning: foreign key notes(user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
  INDEX (user_id)
-- CHECK: :[[@LINE-1]]:9: error: syntax error at or near "("; only REFERENCES clauses of this statement are checked [cascade-diagnostic-error]
);
