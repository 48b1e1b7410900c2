-- cascade-all: versions.published_by cascades, so a user's delete reaches version_files and its
-- key blocks (compare actor-edge.sql).
-- RUN: bash %utils/fix-and-check.sh %s %t --ownership-policy=cascade-all
CREATE TABLE users (id UUID PRIMARY KEY);
CREATE TABLE versions (id UUID PRIMARY KEY, published_by UUID REFERENCES users(id));
-- CHECK: :[[@LINE-1]]:63: warning: foreign key versions(published_by) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}CREATE TABLE versions (id UUID PRIMARY KEY, published_by UUID REFERENCES users(id) ON DELETE CASCADE);{{$}}
CREATE TABLE version_files (id UUID PRIMARY KEY, version_id UUID NOT NULL REFERENCES versions(id));
-- CHECK: :[[@LINE-1]]:75: warning: foreign key version_files(version_id) references versions(id) without ON DELETE CASCADE; deleting a user cascades to versions and fails here [cascade-blocked-delete-path]
-- CHECK: :[[@LINE-2]]:75: note: delete path: users <- versions <- version_files
-- FIXED: {{^}}CREATE TABLE version_files (id UUID PRIMARY KEY, version_id UUID NOT NULL REFERENCES versions(id) ON DELETE CASCADE);{{$}}
CREATE TABLE projects (id UUID PRIMARY KEY, owner_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE);
CREATE TABLE project_files (id UUID PRIMARY KEY, project_id UUID NOT NULL REFERENCES projects(id));
-- CHECK: :[[@LINE-1]]:75: warning: foreign key project_files(project_id) references projects(id) without ON DELETE CASCADE; deleting a user cascades to projects and fails here [cascade-blocked-delete-path]
-- CHECK: :[[@LINE-2]]:75: note: delete path: users <- projects <- project_files
-- FIXED: {{^}}CREATE TABLE project_files (id UUID PRIMARY KEY, project_id UUID NOT NULL REFERENCES projects(id) ON DELETE CASCADE);{{$}}
