#!/usr/bin/env bash
# The proof on a real PostgreSQL 15 that the generated cleanup migration makes
# `DELETE FROM users WHERE id = $1` work, and that --direct-only (the seed's scope) does not.
# Prints one marker line per step for FileCheck; any unexpected failure stops the script.
#   proof.sh WORKDIR SOURCE-ROOT
set -euo pipefail
work=$1 src=$2
utils=$src/test/utils
rm -rf "$work"; mkdir -p "$work"
source "$utils/pg-session.sh"

# 1. The bundled tree, in replay order, CockroachDB-only clauses blanked.
q -c 'CREATE DOMAIN string AS text'
cascade-migrate order "$src/migrations" "$src/migrations/schemas/schema.sql" |
  grep -v 'cascade-cleanup' > "$work/order"
while read -r f; do
  cascade-migrate normalize "$f" | q -f - > /dev/null
done < "$work/order"
echo "applied $(wc -l < "$work/order") files"

# 2. Generated from the files and from the live database: the same bytes.
cascade-migrate --schema "$src/migrations/schemas/schema.sql" --migrations "$src/migrations" \
  --number 060 --out "$work/files" 2> /dev/null
cascade-migrate --db "$db" --number 060 --out "$work/live" 2> /dev/null
cmp "$work/files/060-cascade-cleanup.sql" "$work/live/060-cascade-cleanup.sql"
cmp "$work/files/060-cascade-cleanup.down.sql" "$work/live/060-cascade-cleanup.down.sql"
echo "files and live database agree"

defs="SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
      FROM pg_constraint WHERE contype = 'f' ORDER BY 1"
q -c "$defs" > "$work/before"

# 3. Apply it, then again: no error either time.
q -f "$work/live/060-cascade-cleanup.sql" > /dev/null
q -f "$work/live/060-cascade-cleanup.sql" > /dev/null
echo "applied 060 twice"

# 4. Nothing blocks any more; the seed's verification query returns only the actor keys.
cascade-migrate verify --db "$db" | tail -1
# Under the structural ownership policy the rows it returns are the actor keys, all SET NULL.
echo "seed query rows: $(q -c "SELECT count(*) FROM pg_constraint WHERE contype = 'f'
  AND confrelid = 'users'::regclass AND confdeltype <> 'c'"), of which SET NULL: $(q -c "SELECT
  count(*) FROM pg_constraint WHERE contype = 'f' AND confrelid = 'users'::regclass
  AND confdeltype = 'n'")"

# 5. A user with a row in every table of the closure; one DELETE removes them all.
seeded=$(python3 "$utils/seed_closure.py" users)
id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["id"])' "$seeded")
tables=$(python3 -c 'import json,sys; print(" ".join(json.loads(sys.argv[1])["tables"]))' "$seeded")
echo "seeded $(wc -w <<< "$tables") closure tables"
q -c "DELETE FROM users WHERE id = '$id'"
left=0
for t in $tables; do left=$((left + $(q -c "SELECT count(*) FROM $t"))); done
echo "rows left in the closure: $left"

# 6. The down file restores every constraint exactly.
q -f "$work/live/060-cascade-cleanup.down.sql" > /dev/null
q -c "$defs" > "$work/after-down"
cmp "$work/before" "$work/after-down"
echo "down restores $(wc -l < "$work/before") constraint definitions"

# 6b. The bundled pair (CockroachDB flavour) does the same here.
q -f "$src/migrations/060-cascade-cleanup.sql" > /dev/null
cascade-migrate verify --db "$db" | tail -1
q -f "$src/migrations/060-cascade-cleanup.down.sql" > /dev/null
q -c "$defs" | cmp "$work/before" -
echo "bundled pair: up and down"

# 7. The seed's literal scope (--direct-only) is not enough: a chained FK still blocks.
cascade-migrate --db "$db" --number 060 --direct-only --out "$work/direct" 2> /dev/null
q -f "$work/direct/060-cascade-cleanup.sql" > /dev/null
seeded=$(python3 "$utils/seed_closure.py" users)
id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["id"])' "$seeded")
if q -c "DELETE FROM users WHERE id = '$id'" 2> "$work/direct-error"; then
  echo "direct-only delete unexpectedly succeeded"
  exit 1
fi
cat "$work/direct-error"
