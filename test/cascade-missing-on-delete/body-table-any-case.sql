-- RUN: bash -c '%cascade-tidy %s; echo exit=$?' 2>&1 | %check-diags %s
-- A body is analysed when its text holds the word table in any case: only bodies without it
-- (and without NOLINT) are skipped unread.
CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  alter Table docs add column owner_id uuid references users(id);
END $$;
-- CHECK: body-table-any-case.sql:[[@LINE-2]]:45: warning: foreign key docs(owner_id) references users(id)
DO $$ BEGIN ALTER TABLE notes ADD COLUMN u UUID REFERENCES users(id); END $$;
-- CHECK: body-table-any-case.sql:[[@LINE-1]]:49: warning: foreign key notes(u) references users(id)
DO $$ BEGIN PERFORM 1; END $$;
-- CHECK: 2 warnings generated.
-- CHECK: exit=1
