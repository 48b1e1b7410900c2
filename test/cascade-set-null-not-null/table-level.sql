-- NOT NULL is looked up among the table's columns and its primary key.
-- RUN: bash %utils/fix-and-check.sh %s %t
CREATE TABLE memberships (
  user_id UUID NOT NULL,
  team_id UUID,
  PRIMARY KEY (team_id, user_id),
  FOREIGN KEY (team_id) REFERENCES teams(id) ON DELETE SET NULL,
-- CHECK: :[[@LINE-1]]:25: warning: foreign key memberships(team_id) references teams(id) with ON DELETE SET NULL but team_id is NOT NULL; deleting a referenced row of teams fails with a not-null violation [cascade-set-null-not-null]
-- CHECK: :[[@LINE-2]]:25: note: no automatic fix: make team_id nullable, or use ON DELETE CASCADE if these rows should go with the referenced row
-- FIXED: {{^}}  FOREIGN KEY (team_id) REFERENCES teams(id) ON DELETE SET NULL,{{$}}
  CONSTRAINT m_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE SET NULL
-- CHECK: :[[@LINE-1]]:43: warning: foreign key memberships(user_id) references users(id) with ON DELETE SET NULL but user_id is NOT NULL; deleting a user fails with a not-null violation [cascade-set-null-not-null]
-- FIXED: {{^}}  CONSTRAINT m_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE{{$}}
);
ALTER TABLE memberships ADD CONSTRAINT m_team2 FOREIGN KEY (team_id) REFERENCES teams(id) ON DELETE SET NULL;
-- CHECK: :[[@LINE-1]]:70: warning: foreign key memberships(team_id) references teams(id) with ON DELETE SET NULL but team_id is NOT NULL; deleting a referenced row of teams fails with a not-null violation [cascade-set-null-not-null]
-- CHECK: :[[@LINE-2]]:70: note: no automatic fix: make team_id nullable, or use ON DELETE CASCADE if these rows should go with the referenced row
