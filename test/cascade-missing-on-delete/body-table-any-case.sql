-- RUN: bash -c '%cascade-tidy %s; echo exit=$?' 2>&1 | %check-diags %s
-- A body is analysed when its text holds the word table, and create or alter, in any case:
-- only bodies without them (and without NOLINT) are skipped unread.
CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  alter Table docs add column owner_id uuid references users(id);
END $$;
-- CHECK: body-table-any-case.sql:[[@LINE-2]]:45: warning: foreign key docs(owner_id) references users(id)
DO $$ BEGIN ALTER TABLE notes ADD COLUMN u UUID REFERENCES users(id); END $$;
-- CHECK: body-table-any-case.sql:[[@LINE-1]]:49: warning: foreign key notes(u) references users(id)
DO $$ BEGIN CrEaTe TEMP tAbLe scratch (u UUID REFERENCES users(id)); END $$;
-- CHECK: body-table-any-case.sql:[[@LINE-1]]:47: warning: foreign key scratch(u) references users(id)
DO $$ BEGIN PERFORM 1; END $$;
CREATE FUNCTION g() RETURNS TABLE (id uuid) LANGUAGE sql AS $$ SELECT id FROM users $$;
-- CHECK: 3 warnings generated.
-- CHECK: exit=1
