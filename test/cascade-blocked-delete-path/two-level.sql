-- Two levels below the root: the path names every table on the way.
-- RUN: bash %utils/fix-and-check.sh %s %t
CREATE TABLE users (id UUID PRIMARY KEY);
CREATE TABLE decisions (id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE);
CREATE TABLE candidate_actions (id UUID PRIMARY KEY,
  decision_id UUID NOT NULL REFERENCES decisions(id) ON DELETE CASCADE);
CREATE TABLE action_runs (
  id UUID PRIMARY KEY,
  action_id UUID NOT NULL,
  CONSTRAINT action_runs_action_fk FOREIGN KEY (action_id) REFERENCES candidate_actions (id) ON DELETE NO ACTION DEFERRABLE
-- CHECK: two-level.sql:[[@LINE-1]]:60: warning: foreign key action_runs(action_id) references candidate_actions(id) with ON DELETE NO ACTION; deleting a user cascades to candidate_actions and fails here [cascade-blocked-delete-path]
-- CHECK: two-level.sql:[[@LINE-2]]:60: note: delete path: users <- decisions <- candidate_actions <- action_runs
-- FIXED: {{^}}  CONSTRAINT action_runs_action_fk FOREIGN KEY (action_id) REFERENCES candidate_actions (id) ON DELETE CASCADE DEFERRABLE{{$}}
);
-- A chain that is already cascading all the way down is quiet.
CREATE TABLE run_logs (id UUID PRIMARY KEY,
  run_id UUID REFERENCES action_runs(id) ON DELETE CASCADE);
-- CHECK: 1 warning generated.
