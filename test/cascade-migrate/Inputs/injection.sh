#!/usr/bin/env bash
# Hostile names on a real PostgreSQL 15: a table, a column and constraints whose names hold a
# line break, a carriage return or `*/` followed by `TRUNCATE users CASCADE`. The pair is
# generated from the migration files and from --db (same bytes), split by libpg_query (only
# the expected statements), applied up and down, and every row is still there.
#   injection.sh WORKDIR SOURCE-ROOT
set -euo pipefail
work=$1 utils=$2/test/utils
rm -rf "$work"; mkdir -p "$work/m"
source "$utils/pg-session.sh"

python3 - "$work/m/001-schema.sql" <<'PY'
import sys
evil = "\nTRUNCATE users CASCADE;--"
sql = f'''CREATE TABLE users (id int PRIMARY KEY);
CREATE TABLE "evil{evil}" (id int PRIMARY KEY, "col{evil}" int REFERENCES users(id));
CREATE TABLE notes (id int PRIMARY KEY, user_id int,
  CONSTRAINT "fk{evil}" FOREIGN KEY (user_id) REFERENCES users(id));
CREATE TABLE "x*/TRUNCATE users CASCADE;/*" (id int PRIMARY KEY,
  "c*/TRUNCATE users CASCADE;/*" int CONSTRAINT "k*/TRUNCATE users CASCADE;/*" REFERENCES users(id));
CREATE TABLE cr (id int PRIMARY KEY, u int CONSTRAINT "cr\rTRUNCATE users CASCADE;--" REFERENCES users(id));
'''
open(sys.argv[1], "w").write(sql)
PY
q -f "$work/m/001-schema.sql"
q -c "INSERT INTO users VALUES (1), (2);
  INSERT INTO \"evil
TRUNCATE users CASCADE;--\" VALUES (1, 1);
  INSERT INTO notes VALUES (1, 1);
  INSERT INTO \"x*/TRUNCATE users CASCADE;/*\" VALUES (1, 1);
  INSERT INTO cr VALUES (1, 1);"
rows() {
  q -c "SELECT (SELECT count(*) FROM users) || ' ' || (SELECT count(*) FROM notes) || ' ' ||
    (SELECT count(*) FROM cr) || ' ' || (SELECT count(*) FROM \"x*/TRUNCATE users CASCADE;/*\") || ' ' ||
    (SELECT count(*) FROM \"evil
TRUNCATE users CASCADE;--\")"
}
echo "rows before: $(rows)"
echo "== verify before"
cascade-migrate verify --db "$db" || echo "exit=$?"

cascade-migrate --migrations "$work/m" --number 002 --out "$work/files" 2> "$work/files.err"
cascade-migrate --db "$db" --number 002 --out "$work/live" 2> "$work/live.err"
cmp "$work/files/002-cascade-cleanup.sql" "$work/live/002-cascade-cleanup.sql"
cmp "$work/files/002-cascade-cleanup.down.sql" "$work/live/002-cascade-cleanup.down.sql"
echo "files and live database agree"
echo "== up statements"
python3 "$utils/pg_statements.py" "$work/live/002-cascade-cleanup.sql"
echo "== down statements"
python3 "$utils/pg_statements.py" "$work/live/002-cascade-cleanup.down.sql"
echo "== up comments"
grep -- '^--  ' "$work/live/002-cascade-cleanup.sql"
grep -c '' "$work/live/002-cascade-cleanup.sql" | sed 's/^/up lines: /'

q -f "$work/live/002-cascade-cleanup.sql"
echo "rows after up: $(rows)"
echo "== verify after up"
cascade-migrate verify --db "$db"
q -f "$work/live/002-cascade-cleanup.down.sql"
echo "rows after down: $(rows)"
cascade-migrate verify --db "$db" | tail -1 || true
