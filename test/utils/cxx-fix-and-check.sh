#!/usr/bin/env bash
# Our RUN-line pipeline for SQL in C/C++ string literals:
#   cxx-fix-and-check.sh <test.cpp> <tmp-prefix> <ast|lex|module> [tool options...]
# ast:    cascade-tidy --cxx-mode=ast <opts> FILE -- -std=c++17
# lex:    cascade-tidy --cxx-mode=lex <opts> FILE
# module: clang-tidy -load=<build>/lib/CascadeTidyModule.so -checks='-*,cascade-*' <opts> FILE -- -std=c++17
# 1. checks the diagnostics against the test's CHECK lines (exact, no other warning or error);
# 2. applies the fixes (--fix / -fix) to a copy whose CHECK and FIXED lines are blanked, and checks
#    it against the FIXED lines (a test without FIXED lines must come back unchanged);
# 3. compiles the fixed copy: clang++ -std=c++17 -fsyntax-only;
# 4. evaluates every literal the fix changed (cxx_literals.py) and parses its SQL with
#    cascade-tidy --checks='-*,cascade-diagnostic-error' (libpg_query): no error may appear; a test with FIXED lines must
#    have changed at least one literal;
# 5. applies the fixes again: no change.
set -euo pipefail
src=$1 tmp=$2 mode=$3
shift 3
utils=$(cd "$(dirname "$0")" && pwd)
module=${CASCADE_MODULE:-$(dirname "$(command -v cascade-tidy)")/../lib/CascadeTidyModule.so}

tool() { # tool [--fix] <file>: the mode's command line, with the test's options
  local fix=() file
  if [[ $1 == --fix ]]; then fix=(--fix); shift; fi
  file=$1
  case $mode in
    ast) cascade-tidy --cxx-mode=ast "${fix[@]}" "${opts[@]}" "$file" -- -std=c++17 ;;
    lex) cascade-tidy --cxx-mode=lex "${fix[@]}" "${opts[@]}" "$file" ;;
    module) clang-tidy -load="$module" -checks='-*,cascade-*' ${fix:+-fix} "${opts[@]}" "$file" -- -std=c++17 ;;
    *) echo "cxx-fix-and-check.sh: unknown mode '$mode' (ast, lex or module)" >&2; exit 2 ;;
  esac
}
opts=("$@")

mkdir -p "$(dirname "$tmp")"
rm -f "$tmp".*

# 1. Diagnostics.
tool "$src" > "$tmp.diags" 2>&1 || true
FileCheck --allow-empty --implicit-check-not='{{warning|error}}:' "$src" < "$tmp.diags"

# 2. Fixes, on a copy without the FileCheck lines (same line numbers).
sed -E 's@^[[:space:]]*//[[:space:]]*(CHECK|FIXED)[A-Z-]*:.*$@@' "$src" > "$tmp.orig.cpp"
cp "$tmp.orig.cpp" "$tmp.cpp"
tool --fix "$tmp.cpp" > "$tmp.fix.log" 2>&1 || true
if grep -q 'FIXED:' "$src"; then
  FileCheck --check-prefix=FIXED "$src" < "$tmp.cpp"
elif ! cmp -s "$tmp.orig.cpp" "$tmp.cpp"; then
  echo "cxx-fix-and-check.sh: the test has no FIXED lines, yet the fix changed the file:" >&2
  diff "$tmp.orig.cpp" "$tmp.cpp" >&2 || true
  exit 1
fi

# 3. The fixed file still compiles.
clang++ -std=c++17 -fsyntax-only "$tmp.cpp"

# 4. The SQL of each changed literal parses.
"${PYTHON:-python3}" "$utils/cxx_literals.py" "$tmp.orig.cpp" "$tmp.cpp" "$tmp.lit" > "$tmp.lits"
if grep -q 'FIXED:' "$src" && [[ ! -s $tmp.lits ]]; then
  echo "cxx-fix-and-check.sh: FIXED lines, but no literal changed" >&2
  exit 1
fi
while read -r sql; do
  if ! cascade-tidy --quiet --checks='-*,cascade-diagnostic-error' "$sql" > "$sql.parse" 2>&1 || [[ -s $sql.parse ]]; then
    echo "cxx-fix-and-check.sh: the fixed literal's SQL does not parse cleanly:" >&2
    cat "$sql" "$sql.parse" >&2
    exit 1
  fi
done < "$tmp.lits"

# 5. A second --fix changes nothing.
cp "$tmp.cpp" "$tmp.once.cpp"
tool --fix "$tmp.cpp" > /dev/null 2>&1 || true
cmp "$tmp.once.cpp" "$tmp.cpp"
