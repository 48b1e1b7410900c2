#!/usr/bin/env bash
# cascade-migrate rehearse on the bundled example (PostgreSQL 15): blocked before 060, succeeds
# after it, and not one row changes (every table's checksum before and after each rehearsal);
# lock_timeout, statement_timeout and SIGTERM end it with exit 2 and a rollback; a missing
# root table or root row is exit 2.
#   rehearse.sh WORKDIR SOURCE-ROOT   (the seeded user's id is printed as ID)
set -euo pipefail
work=$1 src=$2 utils=$2/test/utils
rm -rf "$work"; mkdir -p "$work"
pgdir=$(mktemp -d /tmp/cascade-pg.XXXXXX)
holder=
cleanup() {
  [[ -n $holder ]] && kill "$holder" 2> /dev/null || true
  bash "$utils/pg-server.sh" stop "$pgdir"; rm -rf "$pgdir"
}
trap cleanup EXIT
db=$(bash "$utils/pg-server.sh" start "$pgdir")
source "$pgdir/env"
q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

q -c 'CREATE DOMAIN string AS text'
cascade-migrate order "$src/migrations" "$src/migrations/schemas/schema.sql" | grep -v cascade-cleanup |
  while read -r f; do cascade-migrate normalize "$f" | q -f - > /dev/null; done
id=$(python3 "$utils/seed_closure.py" users | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
q -c "INSERT INTO users (email) VALUES ('someone-else')" # not every row is the rehearsed user's

checksums() {
  q -c "SELECT format('SELECT %L, md5(coalesce(string_agg(t::text, '','' ORDER BY t::text), '''')) FROM %I.%I t;',
          tablename, schemaname, tablename) FROM pg_tables WHERE schemaname = 'public' ORDER BY 1" | q
}
checksums > "$work/sums"
echo "checksummed $(wc -l < "$work/sums") tables"
same() { checksums | cmp - "$work/sums" && echo "checksums unchanged"; }
rehearse() {
  local status=0
  cascade-migrate rehearse --db "$db" "$@" > "$work/out" 2>&1 || status=$?
  sed "s/$id/ID/g" "$work/out"
  echo "exit=$status"
}

echo "== before 060"
rehearse --id "$id"
same
echo "== after 060"
q -f "$src/migrations/060-cascade-cleanup.sql" > /dev/null
rehearse --id "$id"
same

# Another session holds a lock on a closure table (bounded: it sleeps at most 60 s).
hold() {
  psql -X -q -c "BEGIN; LOCK TABLE decisions IN $1 MODE; SELECT pg_sleep(60)" > /dev/null 2>&1 &
  holder=$!
  for _ in $(seq 100); do
    [[ $(q -c "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
      WHERE c.relname = 'decisions' AND l.mode = '$2' AND l.granted") == 1 ]] && return
    sleep 0.1
  done
  echo "lock not taken"; exit 1
}
release() { q -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()" > /dev/null; wait "$holder" || true; holder=; }
echo "== access exclusive lock, lock_timeout while counting"
hold 'ACCESS EXCLUSIVE' AccessExclusiveLock
rehearse --id "$id" --lock-timeout 300ms
release
echo "== share lock, lock_timeout while deleting"
hold SHARE ShareLock
rehearse --id "$id" --lock-timeout 300ms
echo "== share lock, statement_timeout while deleting"
rehearse --id "$id" --lock-timeout 20s --statement-timeout 400ms
echo "== share lock, SIGTERM while deleting"
cascade-migrate rehearse --db "$db" --id "$id" --lock-timeout 30s > "$work/out" 2>&1 &
pid=$!
for _ in $(seq 100); do
  [[ $(q -c "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'DELETE%'") == 1 ]] && break
  sleep 0.1
done
kill -TERM "$pid"
status=0; wait "$pid" || status=$?
sed "s/$id/ID/g" "$work/out"; echo "exit=$status"
echo "== share lock, the server ends the connection while deleting"
cascade-migrate rehearse --db "$db" --id "$id" --lock-timeout 30s > "$work/out" 2>&1 &
pid=$!
for _ in $(seq 100); do
  [[ $(q -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'DELETE%'") == 1 ]] && break
  sleep 0.1
done
status=0; wait "$pid" || status=$?
sed "s/$id/ID/g" "$work/out"; echo "exit=$status"
release
echo "open transactions left: $(q -c "SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%' OR (backend_type = 'client backend' AND pid <> pg_backend_pid())")"
same
echo "== errors"
rehearse --id 00000000-0000-0000-0000-000000000000
rehearse --id "$id" --root nosuchtable
rehearse --id "$id" --lock-timeout 'x'
rehearse --id "$id" --root 'users(email)'
rehearse
cascade-migrate verify --db "$db" --root nosuchtable 2>&1 || echo "exit=$?"
cascade-migrate --db "$db" --root nosuchtable --number 1 --out "$work/none" 2>&1 || echo "exit=$?"
q -c 'CREATE DATABASE empty'
cascade-migrate verify --db "host=$PGHOST port=$PGPORT user=postgres dbname=empty" 2>&1 || echo "exit=$?"
same
