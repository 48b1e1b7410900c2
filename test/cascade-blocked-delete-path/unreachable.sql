-- Tables no delete of a user reaches are quiet, however their FKs look: orgs is not
-- referenced from the closure, and notes only points at a table outside it.
-- RUN: %cascade-tidy %s 2>&1 | count 0
CREATE TABLE users (id UUID PRIMARY KEY);
CREATE TABLE orgs (id UUID PRIMARY KEY);
CREATE TABLE org_members (id UUID PRIMARY KEY, org_id UUID NOT NULL REFERENCES orgs(id));
CREATE TABLE notes (id UUID PRIMARY KEY, member_id UUID REFERENCES org_members(id) ON DELETE RESTRICT);
CREATE TABLE decisions (id UUID PRIMARY KEY, user_id UUID REFERENCES users(id) ON DELETE CASCADE,
  org_id UUID REFERENCES orgs(id));
