-- a FK whose child is the root table, reached through a cycle
-- (users.team_id -> teams, teams.owner_id -> users), must not get CASCADE: deleting
-- a team owner would then delete every other user of the team, exactly what a
-- self-reference on the root must never do. A nullable column gets SET NULL;
-- a NOT NULL one gets no fix and a note.
-- RUN: bash %utils/fix-and-check.sh %s %t
-- cascade-migrate has the same rule to follow:
-- RUN: rm -rf %t.m && cascade-migrate --schema %s --number 1 --out %t.m 2>/dev/null
-- RUN: FileCheck %s --check-prefix=MIGRATE --match-full-lines < %t.m/1-cascade-cleanup.sql
-- MIGRATE: --   users_team_id_fkey: users(team_id) -> teams(id), NO ACTION -> SET NULL
-- MIGRATE: --   users_home_team_id_fkey: users(home_team_id) -> teams(id): a NOT NULL {{.*}}
CREATE TABLE users (id UUID PRIMARY KEY, team_id UUID REFERENCES teams(id),
-- CHECK: cycle-root.sql:[[@LINE-1]]:55: warning: foreign key users(team_id) references teams(id) {{.*}} [cascade-blocked-delete-path]
-- CHECK: cycle-root.sql:[[@LINE-2]]:55: note: delete path: users <- teams <- users
-- FIXED: {{^}}CREATE TABLE users (id UUID PRIMARY KEY, team_id UUID REFERENCES teams(id) ON DELETE SET NULL,{{$}}
  home_team_id UUID NOT NULL REFERENCES teams(id));
-- CHECK: cycle-root.sql:[[@LINE-1]]:30: warning: foreign key users(home_team_id) references teams(id) {{.*}} [cascade-blocked-delete-path]
-- CHECK: cycle-root.sql:[[@LINE-2]]:30: note: delete path: users <- teams <- users
-- FIXED: {{^}}  home_team_id UUID NOT NULL REFERENCES teams(id));{{$}}
CREATE TABLE teams (id UUID PRIMARY KEY,
  owner_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE);
-- CHECK: 2 warnings generated.
