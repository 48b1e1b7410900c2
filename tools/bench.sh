#!/usr/bin/env bash
# Benchmarks: prints wall times and ratios against named peers on the same input.
#  1. SQL: cascade-tidy vs squawk (the leading migration linter, from npm) on the bundled
#     migrations/ repeated 200 times (about 6 MB of DDL in 6000 files).
#  2. C/C++: cascade-tidy AST mode vs lex mode vs clang-tidy-19 -load=CascadeTidyModule.so on
#     examples/notes-service.
# Figures are medians of RUNS runs (default 5). Not a test: nothing here passes or fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/bootstrap.sh
BUILD_DIR=${BUILD_DIR:-build}
RUNS=${RUNS:-5}
bin=$BUILD_DIR/bin
work=$BUILD_DIR/bench
mkdir -p "$work"

median() { # command... -> median seconds over RUNS runs
  local times=()
  for ((i = 0; i < RUNS; i++)); do
    local s e
    s=$(date +%s.%N)
    "$@" > /dev/null 2>&1 || true
    e=$(date +%s.%N)
    times+=("$(echo "$e - $s" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}
ratio() { echo "scale=2; $1 / $2" | bc; }

# The SQL input: the bundled tree, 200 times over, each copy its own file.
rm -rf "$work/sql" && mkdir -p "$work/sql"
for ((k = 0; k < 200; k++)); do
  for f in migrations/schemas/schema.sql migrations/0[0-5]*.sql; do
    [[ $f == *cascade-cleanup* ]] && continue
    cp "$f" "$work/sql/$(printf '%03d' "$k")-$(basename "$f")"
  done
done
bytes=$(cat "$work/sql"/*.sql | wc -c)
files=$(ls "$work/sql" | wc -l)

if [[ ! -x $work/node_modules/.bin/squawk ]]; then
  (cd "$work" && npm install --silent --no-audit --no-fund squawk-cli > /dev/null 2>&1) || true
fi
squawk=$work/node_modules/@squawk-cli/linux-x64/bin/squawk
[[ -x $squawk ]] || squawk=$work/node_modules/.bin/squawk

echo "SQL: $files files, $bytes bytes (migrations/ x 200)"
t_lone=$(median "$bin/cascade-tidy" --quiet -j "$(nproc)" "$work"/sql/*.sql)
t_dir=$(median "$bin/cascade-tidy" --quiet "$work/sql")
echo "  cascade-tidy, each file its own catalog (-j $(nproc)): ${t_lone}s"
echo "  cascade-tidy, one directory = one replayed catalog:   ${t_dir}s"
if [[ -x $squawk ]]; then
  t_squawk=$(median "$squawk" "$work"/sql/*.sql)
  echo "  squawk $("$squawk" --version 2>/dev/null | head -1):                  ${t_squawk}s"
  echo "  ratio squawk / cascade-tidy (files): $(ratio "$t_squawk" "$t_lone")"
else
  echo "  squawk: not installable here (npm unreachable); no ratio"
fi

echo "C/C++: examples/notes-service"
cmake -S examples/notes-service -B "$BUILD_DIR/examples/notes-service" > /dev/null
cxx=(examples/notes-service/src/main.cpp examples/notes-service/src/schema.cpp examples/notes-service/src/audit.cpp)
t_ast=$(median "$bin/cascade-tidy" --quiet --cxx-mode=ast -p "$BUILD_DIR/examples/notes-service" "${cxx[@]}")
t_lex=$(median "$bin/cascade-tidy" --quiet --cxx-mode=lex "${cxx[@]}")
t_mod=$(median clang-tidy-19 --quiet -load="$BUILD_DIR/lib/CascadeTidyModule.so" -checks='-*,cascade-*' \
  -p "$BUILD_DIR/examples/notes-service" "${cxx[@]}")
echo "  cascade-tidy AST mode:         ${t_ast}s"
echo "  cascade-tidy lex mode:         ${t_lex}s"
echo "  clang-tidy-19 -load (module):  ${t_mod}s"
echo "  ratio AST / lex: $(ratio "$t_ast" "$t_lex"); clang-tidy module / AST: $(ratio "$t_mod" "$t_ast")"
