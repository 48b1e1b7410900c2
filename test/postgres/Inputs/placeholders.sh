#!/usr/bin/env bash
# A migration set written with psql variables (:APP_SCHEMA, as graphile-worker writes its own)
# on a real PostgreSQL 15: the migrations are applied by psql with -v, cascade-migrate writes the
# cleanup pair from the files, psql applies it with the same variable, and the delete succeeds.
#   placeholders.sh WORKDIR SOURCE-ROOT
set -euo pipefail
work=$1 src=$2
utils=$src/test/utils
rm -rf "$work"; mkdir -p "$work/m"
source "$utils/pg-session.sh"
cat > "$work/m/001_init.sql" <<'SQL'
create schema :APP_SCHEMA;
create table users (id bigint primary key);
create table :APP_SCHEMA.jobs (id bigint primary key, owner_id bigint not null references users(id));
create table :APP_SCHEMA.runs (id bigint primary key, job_id bigint references :APP_SCHEMA.jobs(id));
create table "x:y" (id bigint primary key, u bigint references users(id));
SQL
q -v APP_SCHEMA=app -f "$work/m/001_init.sql"
echo "applied: $(q -c "SELECT string_agg(conrelid::regclass::text, ' ' ORDER BY 1) FROM pg_constraint WHERE contype = 'f'")"
cascade-tidy --quiet "$work/m" > "$work/findings" 2>&1 || true
echo "findings: $(grep -c 'warning:' "$work/findings")"
cascade-migrate --migrations "$work/m" 2> /dev/null
grep -E '^ALTER TABLE [^ ]+ DROP' "$work/m/002-cascade-cleanup.sql"
q -c "INSERT INTO users VALUES (1); INSERT INTO app.jobs VALUES (10, 1);
      INSERT INTO app.runs VALUES (100, 10); INSERT INTO \"x:y\" VALUES (7, 1)"
if q -c 'DELETE FROM users WHERE id = 1' 2> /dev/null; then echo "delete before: succeeded"; else echo "delete before: blocked"; fi
q -v APP_SCHEMA=app -f "$work/m/002-cascade-cleanup.sql" > /dev/null
q -v APP_SCHEMA=app -f "$work/m/002-cascade-cleanup.sql" > /dev/null
echo "applied the up file twice"
q -c 'DELETE FROM users WHERE id = 1'
echo "delete after: rows left $(q -c 'SELECT (SELECT count(*) FROM app.jobs) + (SELECT count(*) FROM app.runs) + (SELECT count(*) FROM "x:y")')"
q -v APP_SCHEMA=app -f "$work/m/002-cascade-cleanup.down.sql" > /dev/null
echo "down: $(q -c "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND confdeltype = 'a'") keys without an action again"
