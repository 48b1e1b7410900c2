#!/usr/bin/env bash
# cascade-migrate verify --db on a small schema, before and after the generated pair.
#   verify.sh WORKDIR SOURCE-ROOT ; prints markers and verify's output for FileCheck.
set -uo pipefail
work=$1 utils=$2/test/utils
rm -rf "$work"; mkdir -p "$work"
pgdir=$(mktemp -d /tmp/cascade-pg.XXXXXX)
trap 'bash "$utils/pg-server.sh" stop "$pgdir"; rm -rf "$pgdir"' EXIT
bash "$utils/pg-server.sh" start "$pgdir" > /dev/null || exit 1
source "$pgdir/env"
q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
conn() { echo "host=$PGHOST port=$PGPORT user=postgres dbname=$1"; }
schema="CREATE TABLE users (id int PRIMARY KEY, invited_by int REFERENCES users(id));
CREATE TABLE decisions (id int PRIMARY KEY, user_id int NOT NULL REFERENCES users(id));
CREATE TABLE candidate_actions (id int PRIMARY KEY,
  decision_id int NOT NULL REFERENCES decisions(id) ON DELETE RESTRICT);
CREATE TABLE notes (id int PRIMARY KEY, action_id int REFERENCES candidate_actions(id) ON DELETE SET NULL);"
for db in a b; do q -c "CREATE DATABASE $db"; q -d $db -c "$schema"; done
q -d b -c 'ALTER TABLE users ADD sponsor int NOT NULL REFERENCES users(id)'
for db in a b; do
  echo "== $db before"; cascade-migrate verify --db "$(conn $db)"; echo "exit=$?"
  cascade-migrate --db "$(conn $db)" --number 002 --out "$work/$db" 2> /dev/null || exit 1
  q -d $db -f "$work/$db/002-cascade-cleanup.sql" 2>&1 || exit 1
  # Again, as one transaction this time (the header says that is safe on PostgreSQL).
  q -d $db --single-transaction -f "$work/$db/002-cascade-cleanup.sql" 2>&1 || exit 1
  echo "== $db applied twice"; cascade-migrate verify --db "$(conn $db)"; echo "exit=$?"
done
q -d a -c "INSERT INTO users VALUES (1, NULL), (2, 1); INSERT INTO decisions VALUES (1, 2);
  INSERT INTO candidate_actions VALUES (1, 1); INSERT INTO notes VALUES (1, 1);
  DELETE FROM users WHERE id = 2;" || exit 1
echo "rows left: $(q -d a -c 'SELECT (SELECT count(*) FROM decisions) + (SELECT count(*) FROM candidate_actions),
  (SELECT count(*) FROM notes WHERE action_id IS NULL), (SELECT count(*) FROM users)')"
