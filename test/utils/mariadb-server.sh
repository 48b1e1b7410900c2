#!/usr/bin/env bash
# A throwaway MariaDB server for one test: socket only, no network, its own datadir in DIR,
# run as the unprivileged mysql user when started by root. The system's /var/lib/mysql and its
# default socket are never used: every tool gets --no-defaults and explicit paths.
#   mariadb-server.sh start DIR   -> prints the socket path (DIR/sock)
#   mariadb-server.sh stop DIR    -> shuts it down (waits for the process to end, kills it if not)
set -euo pipefail
cmd=$1 dir=$2
[[ $dir == /* ]] || dir=$PWD/$dir
# The mysql user may not be able to enter the caller's directory (a 0700 temp dir): run from /.
# Its temporary files go to DIR/tmp, not to $TMPDIR (lit's is a 0700 directory of the caller's).
cd /
unset TMPDIR
root() { [[ $(id -u) -eq 0 ]]; }
as_mysql() { if root; then runuser -u mysql -- "$@"; else "$@"; fi; }
SERVER=$(command -v mariadbd || echo /usr/sbin/mariadbd)
case $cmd in
start)
  rm -rf "$dir"; mkdir -p "$dir/tmp"
  if root; then
    chown mysql: "$dir" "$dir/tmp"
    # mysql must reach DIR through its parents: let it traverse (x only) every one it cannot.
    p=$dir
    while p=$(dirname "$p"); [[ $p != / ]]; do
      runuser -u mysql -- test -x "$p" || chmod o+x "$p"
    done
  fi
  as_mysql mariadb-install-db --no-defaults --datadir="$dir/data" --auth-root-authentication-method=normal \
    --skip-test-db --skip-name-resolve --tmpdir="$dir/tmp" > "$dir/install.log" 2>&1 ||
    { cat "$dir/install.log" >&2; exit 1; }
  # Root over the socket without a password: the grant tables are not read (a throwaway server).
  as_mysql "$SERVER" --no-defaults --datadir="$dir/data" --socket="$dir/sock" --skip-networking \
    --pid-file="$dir/mariadbd.pid" --log-error="$dir/server.log" --tmpdir="$dir/tmp" --skip-grant-tables \
    --innodb-buffer-pool-size=16M --innodb-log-file-size=8M --skip-log-bin < /dev/null > /dev/null 2>&1 &
  for _ in $(seq 1 600); do
    mariadb-admin --no-defaults --socket="$dir/sock" -uroot ping > /dev/null 2>&1 && { echo "$dir/sock"; exit 0; }
    kill -0 $! 2> /dev/null || break
    sleep 0.1
  done
  echo "mariadb-server.sh: the server in $dir did not answer on $dir/sock; its log:" >&2
  cat "$dir/server.log" >&2 2> /dev/null || true
  kill $! 2> /dev/null || true
  exit 1
  ;;
stop)
  [[ -f $dir/mariadbd.pid ]] || exit 0
  pid=$(cat "$dir/mariadbd.pid")
  mariadb-admin --no-defaults --socket="$dir/sock" -uroot shutdown > /dev/null 2>&1 || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2> /dev/null || exit 0
    sleep 0.1
  done
  kill -9 "$pid" 2> /dev/null || true
  ;;
esac
