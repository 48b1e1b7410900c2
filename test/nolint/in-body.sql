-- RUN: bash -c '%cascade-tidy %s; echo exit=$?' 2>&1 | %check-diags %s
-- Comments inside function and DO bodies are comments too: their NOLINT directives count, in text
-- order with the file's own (a NOLINTBEGIN in a body pairs with a NOLINTEND after it), also in
-- a body that holds no CREATE / ALTER TABLE statement (such a body is otherwise not scanned).
CREATE FUNCTION noop() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- NOLINTBEGIN(cascade-missing-on-delete)
  RETURN;
END $$;
CREATE TABLE a (u UUID REFERENCES users(id));
-- NOLINTEND(cascade-missing-on-delete)
CREATE TABLE b (u UUID REFERENCES users(id));
-- CHECK: in-body.sql:[[@LINE-1]]:24: warning: foreign key b(u) references users(id)
DO $$ BEGIN PERFORM 1; END $$; CREATE TABLE c (u UUID REFERENCES users(id)); -- NOLINT
DO $$ BEGIN PERFORM 1; /* NOLINT */ END $$; CREATE TABLE d (u UUID REFERENCES users(id));
DO $$ BEGIN PERFORM 1; /* NOLINTNEXTLINE(cascade-*) */ END $$;
CREATE TABLE e (u UUID REFERENCES users(id));
-- A body's "NOLINT" inside one of its strings is not a comment.
DO $$ BEGIN RAISE NOTICE '-- NOLINT'; END $$; CREATE TABLE f (u UUID REFERENCES users(id));
-- CHECK: in-body.sql:[[@LINE-1]]:70: warning: foreign key f(u) references users(id)
-- CHECK: 2 warnings generated.
-- CHECK: Suppressed 4 warnings (4 NOLINT).
-- CHECK: exit=1
