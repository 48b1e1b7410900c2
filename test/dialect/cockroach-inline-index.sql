-- CockroachDB-only table elements are blanked before parsing: no parse noise, and a named
-- INDEX is not misparsed as a column (the FK after it is still found at its exact column).
-- RUN: not %cascade-tidy %s 2>&1 | %check-diags %s
CREATE TABLE notes (
  id UUID NOT NULL DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL REFERENCES users(id),
-- CHECK: :[[@LINE-1]]:25: warning: foreign key notes(user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
  tags STRING[],
  body STRING,
  PRIMARY KEY (id ASC),
  INDEX (user_id),
  INDEX notes_user_idx (user_id, id DESC) STORING (body),
  UNIQUE INDEX notes_uq (user_id, body),
  INVERTED INDEX notes_tags_idx (tags),
  INDEX notes_hash (body) USING HASH WITH (bucket_count = 8),
  FAMILY f1 (id, user_id),
  FAMILY "primary" (tags, body),
  CONSTRAINT notes_editor FOREIGN KEY (user_id) REFERENCES users(id)
-- CHECK: :[[@LINE-1]]:49: warning: foreign key notes(user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
);
CREATE INDEX notes_body_idx ON notes (body) STORING (tags);
CREATE INVERTED INDEX notes_tags2 ON notes (tags);
UPSERT INTO notes (id, body) VALUES (gen_random_uuid(), 'x');
CREATE TABLE events (
  id UUID,
  user_id UUID REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (id DESC) USING HASH
) PARTITION BY LIST (id) (PARTITION p1 VALUES IN (DEFAULT)) LOCALITY REGIONAL BY ROW;
