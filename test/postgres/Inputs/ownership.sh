#!/usr/bin/env bash
# Issue 12's proof on a real PostgreSQL 15: deleting one user never deletes another user's rows.
# Two users on the bundled tree: A owns a row in every closure table; B owns rows of their own
# and is the actor (reviewer, delegate, author, impersonator...) on every one of A's rows that
# has an actor key. Run once with the structural up file and once with cascade-all's.
#   ownership.sh WORKDIR SOURCE-ROOT
set -euo pipefail
work=$1 src=$2
utils=$src/test/utils
rm -rf "$work"; mkdir -p "$work"
source "$utils/pg-session.sh"
json() { python3 -c 'import json,sys; v=json.loads(sys.argv[1])[sys.argv[2]]; print(" ".join(v) if isinstance(v, list) else v)' "$@"; }

q -c 'CREATE DOMAIN string AS text'
cascade-migrate order "$src/migrations" "$src/migrations/schemas/schema.sql" |
  grep -v 'cascade-cleanup' > "$work/order"
while read -r f; do cascade-migrate normalize "$f" | q -f - > /dev/null; done < "$work/order"
defs="SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
      FROM pg_constraint WHERE contype = 'f' ORDER BY 1"
q -c "$defs" > "$work/before"

cascade-migrate --db "$db" --number 060 --out "$work/structural" 2> /dev/null
cascade-migrate --db "$db" --number 060 --ownership-policy=cascade-all --out "$work/cascade-all" 2> /dev/null
# The actor keys, as the structural file lists them: "table column" lines.
sed -nE 's/^--   [^:]+: ([a-z_]+)\(([a-z_]+)\) -> .*SET NULL \(actor\)$/\1 \2/p' \
  "$work/structural/060-cascade-cleanup.sql" > "$work/actors"
echo "actor keys: $(wc -l < "$work/actors")"

scenario() {
  local policy=$1 up=$work/$1/060-cascade-cleanup.sql down=$work/$1/060-cascade-cleanup.down.sql
  q -f "$up" > /dev/null
  local seeded a b tables kept=0 owned=0 nulled=0 marked=0 left=0
  seeded=$(python3 "$utils/seed_closure.py" users)
  a=$(json "$seeded" id); tables=$(json "$seeded" tables)
  declare -A before_b
  for t in $tables; do before_b[$t]=$(q -c "SELECT count(*) FROM $t"); owned=$((owned + before_b[$t])); done
  b=$(json "$(python3 "$utils/seed_closure.py" users)" id)
  while read -r t c; do
    marked=$((marked + $(q -c "WITH u AS (UPDATE $t SET $c = '$b' WHERE $c = '$a' RETURNING 1)
                               SELECT count(*) FROM u")))
  done < "$work/actors"
  q -c "DELETE FROM users WHERE id = '$b'"
  for t in $tables; do kept=$((kept + $(q -c "SELECT count(*) FROM $t"))); done
  while read -r t c; do nulled=$((nulled + $(q -c "SELECT count(*) FROM $t WHERE $c IS NULL"))); done < "$work/actors"
  echo "$policy: B is the actor on $marked of A's rows; DELETE of B succeeds"
  echo "$policy: A's rows kept: $kept of $owned (lost: $((owned - kept))); actor columns now NULL: $nulled"
  echo "$policy: users left: $(q -c "SELECT count(*) FROM users WHERE id = '$b'") B, $(q -c "SELECT count(*) FROM users WHERE id = '$a'") A"
  q -c "DELETE FROM users WHERE id = '$a'"
  for t in $tables; do left=$((left + $(q -c "SELECT count(*) FROM $t"))); done
  echo "$policy: DELETE of A succeeds; rows left in the closure: $left, users left: $(q -c 'SELECT count(*) FROM users')"
  q -f "$down" > /dev/null
  q -c "$defs" | cmp "$work/before" -
  echo "$policy: down restores $(wc -l < "$work/before") constraint definitions"
}
scenario structural
scenario cascade-all
