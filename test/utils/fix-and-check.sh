#!/usr/bin/env bash
# Our RUN-line pipeline for fix-it tests:
#   fix-and-check.sh <test.sql> <tmp-prefix> [cascade-tidy options...]
# 1. checks the diagnostics against the test's CHECK lines (exact, nothing unexpected);
# 2. applies --fix to a copy and checks the fixed text against its FIXED lines;
# 3. re-parses the fixed copy (no syntax error may appear; with KEEP_PARSE_ERRORS=1, no new one)
#    and runs --fix again: no change.
set -euo pipefail
src=$1 tmp=$2
shift 2
mkdir -p "$(dirname "$tmp")"
cp "$src" "$tmp.sql"
set +e
cascade-tidy "$@" "$src" > "$tmp.diags" 2>&1
set -e
FileCheck --implicit-check-not='{{warning|error}}:' "$src" < "$tmp.diags"
cascade-tidy --quiet "$@" --fix "$tmp.sql" > /dev/null 2>&1 || true
FileCheck --check-prefix=FIXED "$src" < "$tmp.sql"
cascade-tidy --quiet --checks='-*,cascade-diagnostic-error' "$tmp.sql" > "$tmp.reparse" 2>&1 || true
# KEEP_PARSE_ERRORS=1: the test's input does not parse on purpose; its errors must not grow.
if [[ -n ${KEEP_PARSE_ERRORS:-} ]]; then
  cascade-tidy --quiet --checks='-*,cascade-diagnostic-error' "$src" 2>&1 | sed "s|^$src:||" > "$tmp.reparse.before" || true
  sed "s|^$tmp.sql:||" "$tmp.reparse" | grep -c 'error:' > "$tmp.n.after" || true
  grep -c 'error:' "$tmp.reparse.before" > "$tmp.n.before" || true
  cmp "$tmp.n.before" "$tmp.n.after"
elif [[ -s $tmp.reparse ]]; then
  echo "fixed text does not parse cleanly:" >&2
  cat "$tmp.reparse" >&2
  exit 1
fi
cp "$tmp.sql" "$tmp.once"
cascade-tidy --quiet "$@" --fix "$tmp.sql" > /dev/null 2>&1 || true
cmp "$tmp.once" "$tmp.sql"
