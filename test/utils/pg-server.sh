#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for one test: socket only, in a temp dir owned by the
# unprivileged postgres user (initdb refuses root).
#   pg-server.sh start DIR   -> prints the libpq connection string; DIR/env holds PG* variables
#   pg-server.sh stop DIR
set -euo pipefail
BIN=/usr/lib/postgresql/15/bin
cmd=$1 dir=$2
# The postgres user may not be able to enter the caller's directory (a clone under a 0700
# temp dir): run from / so its tools do not warn about it into the test's output.
[[ $dir == /* ]] || dir=$PWD/$dir
cd /
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case $cmd in
start)
  rm -rf "$dir"; mkdir -p "$dir"
  [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
  as_pg "$BIN/initdb" -D "$dir/data" -A trust -U postgres > "$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  port=5432
  as_pg "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" \
    -o "-k $dir -c listen_addresses='' -p $port -c fsync=off" -w start > /dev/null ||
    { cat "$dir/server.log" >&2; exit 1; }
  printf 'export PGHOST=%s PGPORT=%s PGUSER=postgres PGDATABASE=postgres\n' "$dir" "$port" > "$dir/env"
  echo "host=$dir port=$port user=postgres dbname=postgres"
  ;;
stop)
  [[ -d $dir/data ]] && as_pg "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null 2>&1 || true
  ;;
esac
