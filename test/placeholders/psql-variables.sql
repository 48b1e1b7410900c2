-- psql variables (`psql -v schema=...`, graphile-worker's :GRAPHILE_WORKER_SCHEMA) read as
-- names: their tables reach the catalog, findings and fixes name them as the file does, and
-- nothing is a syntax error. An array slice's `[1:n]` is not one.
-- RUN: bash %utils/fix-and-check.sh %s %t
create table users (id bigserial primary key);
create table :GRAPHILE_WORKER_SCHEMA.jobs (
  id bigserial primary key,
  owner_id bigint not null references users(id),
-- CHECK: psql-variables.sql:[[@LINE-1]]:28: warning: foreign key :GRAPHILE_WORKER_SCHEMA.jobs(owner_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}  owner_id bigint not null references users(id) on delete cascade,{{$}}
  tags text[]
);
create table :GRAPHILE_WORKER_SCHEMA.job_runs (
  id bigserial primary key,
  job_id bigint not null references :GRAPHILE_WORKER_SCHEMA.jobs(id)
-- CHECK: psql-variables.sql:[[@LINE-1]]:26: warning: foreign key :GRAPHILE_WORKER_SCHEMA.job_runs(job_id) references :GRAPHILE_WORKER_SCHEMA.jobs(id) without ON DELETE CASCADE; deleting a user cascades to :GRAPHILE_WORKER_SCHEMA.jobs and fails here [cascade-blocked-delete-path]
-- FIXED: {{^}}  job_id bigint not null references :GRAPHILE_WORKER_SCHEMA.jobs(id) on delete cascade{{$}}
);
-- A quoted variable names a table too; :'name' is a string.
create table :"Schema".notes (id int, author_id bigint references users on delete cascade);
alter table :"Schema".notes add column editor_id bigint references users;
-- CHECK: psql-variables.sql:[[@LINE-1]]:57: warning: foreign key :"Schema".notes(editor_id) references users without ON DELETE SET NULL; deleting a user fails here [cascade-missing-on-delete]
-- CHECK: psql-variables.sql:[[@LINE-2]]:57: note: :"Schema".notes is owned through author_id; cascading editor_id would delete other users' rows: the fix sets ON DELETE SET NULL
-- FIXED: {{^}}alter table :"Schema".notes add column editor_id bigint references users on delete set null;{{$}}
set search_path to :'schema_name', public;
select tags[1:n] from :GRAPHILE_WORKER_SCHEMA.jobs, (select 2 as n) as k;
-- In a function body as well.
do $$ begin
  create table :GRAPHILE_WORKER_SCHEMA.known_crontabs (u bigint references users(id));
-- CHECK: psql-variables.sql:[[@LINE-1]]:65: warning: foreign key :GRAPHILE_WORKER_SCHEMA.known_crontabs(u) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}  create table :GRAPHILE_WORKER_SCHEMA.known_crontabs (u bigint references users(id) on delete cascade);{{$}}
end $$;
