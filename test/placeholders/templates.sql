-- ${name} placeholders (Flyway, Liquibase, Logto and many migration runners substitute them
-- before the SQL runs) read as names: `${schema}.users` is a users table, findings and fixes name
-- it as the file does, and a placeholder glued to a name (`tenant_${db}`) is part of it.
-- RUN: bash %utils/fix-and-check.sh %s %t
create table ${schema}.users (id int primary key);
create table ${schema}.posts (id int primary key, user_id int references ${schema}.users (id));
-- CHECK: templates.sql:[[@LINE-1]]:63: warning: foreign key ${schema}.posts(user_id) references ${schema}.users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
-- FIXED: {{^}}create table ${schema}.posts (id int primary key, user_id int references ${schema}.users (id) on delete cascade);{{$}}
create table ${flyway:defaultSchema}.${prefix}comments (id int, post_id int references ${schema}.posts);
-- CHECK: templates.sql:[[@LINE-1]]:77: warning: foreign key ${flyway:defaultSchema}.${prefix}comments(post_id) references ${schema}.posts without ON DELETE CASCADE; deleting a user cascades to ${schema}.posts and fails here [cascade-blocked-delete-path]
-- FIXED: {{^}}create table ${flyway:defaultSchema}.${prefix}comments (id int, post_id int references ${schema}.posts on delete cascade);{{$}}
grant select on all tables in schema public to tenant_${database};
comment on table ${schema}.posts is 'a ${literal} stays text';
