-- The fix sets versions.published_by (an actor by name) to null, and a key set to null does not
-- carry the delete: versions rows outlive their publisher, so version_files is outside the delete
-- closure and its key blocks nothing. project_files is reached through an owner and still blocks.
-- Under cascade-all version_files blocks too: actor-edge-cascade-all.sql.
-- RUN: bash %utils/fix-and-check.sh %s %t
CREATE TABLE users (id UUID PRIMARY KEY);
CREATE TABLE versions (id UUID PRIMARY KEY, published_by UUID REFERENCES users(id));
-- CHECK: :[[@LINE-1]]:63: warning: foreign key versions(published_by) references users(id) without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: :[[@LINE-2]]:63: note: the name published_by records who acted on the row (ActorColumnPatterns): the fix sets ON DELETE SET NULL, so the row outlives that user; use ON DELETE CASCADE instead if the row belongs to that user
-- CHECK: :[[@LINE-3]]:63: note: structure and name disagree: published_by is the only key from versions to users, which alone would make it the owner
-- FIXED: {{^}}CREATE TABLE versions (id UUID PRIMARY KEY, published_by UUID REFERENCES users(id) ON DELETE SET NULL);{{$}}
CREATE TABLE version_files (id UUID PRIMARY KEY, version_id UUID NOT NULL REFERENCES versions(id));
CREATE TABLE projects (id UUID PRIMARY KEY, owner_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE);
CREATE TABLE project_files (id UUID PRIMARY KEY, project_id UUID NOT NULL REFERENCES projects(id));
-- CHECK: :[[@LINE-1]]:75: warning: foreign key project_files(project_id) references projects(id) without ON DELETE CASCADE; deleting a user cascades to projects and fails here [cascade-blocked-delete-path]
-- CHECK: :[[@LINE-2]]:75: note: delete path: users <- projects <- project_files
-- FIXED: {{^}}CREATE TABLE project_files (id UUID PRIMARY KEY, project_id UUID NOT NULL REFERENCES projects(id) ON DELETE CASCADE);{{$}}
