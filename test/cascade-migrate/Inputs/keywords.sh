#!/usr/bin/env bash
# Every reserved, type/function-name and column-name keyword PostgreSQL 15 knows
# (pg_get_keywords, catcode R, T, C) and a few unreserved ones as table, column and constraint names:
# the pair generated from --db must apply and leave nothing blocking, so quoteIdent quotes
# exactly the words that need it.
#   keywords.sh WORKDIR SOURCE-ROOT
set -euo pipefail
work=$1 utils=$2/test/utils
rm -rf "$work"; mkdir -p "$work"
source "$utils/pg-session.sh"
q -c "CREATE TABLE users (id int PRIMARY KEY)"
q -c "DO \$\$ DECLARE w text; BEGIN
  FOR w IN SELECT word FROM pg_get_keywords() WHERE catcode <> 'U' OR word IN ('value', 'action', 'name', 'data') LOOP
    EXECUTE format('CREATE TABLE %I (%I int CONSTRAINT %I REFERENCES users(id))', w, w, w);
  END LOOP; END \$\$"
echo "keywords: $(q -c "SELECT count(*) FROM pg_get_keywords() WHERE catcode <> 'U'")"
cascade-migrate --db "$db" --number 002 --out "$work" 2> /dev/null
q --single-transaction -f "$work/002-cascade-cleanup.sql"
cascade-migrate verify --db "$db" | tail -1
q --single-transaction -f "$work/002-cascade-cleanup.down.sql"
cascade-migrate verify --db "$db" | tail -1 || true
# Bare in the file: the column-name and unreserved keywords; quoted: reserved and type/function-name ones.
for w in left join select int value; do grep -m1 -o -E "ALTER TABLE \"?$w\"? DROP" "$work/002-cascade-cleanup.sql"; done
