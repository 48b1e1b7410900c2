# Sourced by a PostgreSQL test script that has set `utils` (test/utils): starts a throwaway
# server that is stopped and removed when the script exits, exports its PG* variables, sets
# `db` (its connection string) and `pgdir`, and defines `q`, psql that stops on the first error.
pgdir=$(mktemp -d /tmp/cascade-pg.XXXXXX)
trap 'bash "$utils/pg-server.sh" stop "$pgdir"; rm -rf "$pgdir"' EXIT
db=$(bash "$utils/pg-server.sh" start "$pgdir")
source "$pgdir/env"
q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
