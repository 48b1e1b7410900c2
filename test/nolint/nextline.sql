-- RUN: bash -c '%cascade-tidy --ownership-policy=cascade-all %s; echo exit=$?' 2>&1 | %check-diags %s
-- (cascade-all: several generic keys to users in one table would be undecided; ownership is tested in the check folders)
-- The next-line form suppresses the next line only: not its own line, not the one after.
-- CHECK: nextline.sql:[[@LINE+2]]:10: warning: foreign key notes(a) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
CREATE TABLE notes (
  a UUID REFERENCES users(id), -- NOLINTNEXTLINE(cascade-missing-on-delete)
  b UUID REFERENCES users(id),
  c UUID REFERENCES users(id),
  -- NOLINTNEXTLINE
  d UUID REFERENCES users(id),
  -- NOLINTNEXTLINE(cascade-set-null-not-null)
  e UUID REFERENCES users(id)
);
-- CHECK: nextline.sql:[[@LINE-6]]:10: warning: foreign key notes(c) references users(id)
-- CHECK: nextline.sql:[[@LINE-3]]:10: warning: foreign key notes(e) references users(id)
-- CHECK: 3 warnings generated.
-- CHECK-NEXT: Suppressed 2 warnings (2 NOLINT).
-- CHECK-NEXT: exit=1
