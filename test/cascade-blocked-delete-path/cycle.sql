-- Cycles terminate: users.team_id -> teams and teams.owner_id -> users loop back to
-- the root, and a <-> b loop below it. Each blocking FK is reported once.
-- (users.team_id leads back into the root: its fix is SET NULL, see cycle-root.sql.)
-- RUN: not %cascade-tidy %s 2>&1 | %check-diags %s
CREATE TABLE users (id UUID PRIMARY KEY, team_id UUID REFERENCES teams(id));
-- CHECK: cycle.sql:[[@LINE-1]]:55: warning: foreign key users(team_id) references teams(id) without ON DELETE SET NULL; deleting a user cascades to teams and fails here [cascade-blocked-delete-path]
-- CHECK: cycle.sql:[[@LINE-2]]:55: note: delete path: users <- teams <- users
-- CHECK: cycle.sql:[[@LINE-3]]:55: note: the path leads back into users: it must not cascade; the fix sets ON DELETE SET NULL
CREATE TABLE teams (id UUID PRIMARY KEY, owner_id UUID NOT NULL REFERENCES users(id));
-- CHECK: cycle.sql:[[@LINE-1]]:65: warning: foreign key teams(owner_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
CREATE TABLE a (id UUID PRIMARY KEY, user_id UUID REFERENCES users(id) ON DELETE CASCADE,
  b_id UUID REFERENCES b(id) ON DELETE CASCADE);
CREATE TABLE b (id UUID PRIMARY KEY, a_id UUID REFERENCES a(id));
-- CHECK: cycle.sql:[[@LINE-1]]:48: warning: foreign key b(a_id) references a(id) without ON DELETE CASCADE; deleting a user cascades to a and fails here [cascade-blocked-delete-path]
-- CHECK: cycle.sql:[[@LINE-2]]:48: note: delete path: users <- a <- b
-- CHECK-NOT: note: delete path
-- CHECK: 3 warnings generated.
