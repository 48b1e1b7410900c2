-- A column called index is still a column: `index numeric(10, 2)` is not an inline index.
-- RUN: not %cascade-tidy %s 2>&1 | %check-diags %s
CREATE TABLE ranking (
  "index" INT,
  index numeric(10, 2),
  user_id UUID REFERENCES users(id)
-- CHECK: :[[@LINE-1]]:16: warning: foreign key ranking(user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
);
