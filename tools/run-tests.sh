#!/usr/bin/env bash
# Builds everything and runs every suite; ends with the line "N passed, N failed".
#  1. the lit suite against build/ (g++);
#  2. the same lit suite against build-asan/ (clang-19, ASan + UBSan, CASCADE_FUZZ);
#  3. each fuzz target of build-asan/ for a short bounded time on its seed corpus (the lit
#     inputs, hand-written seeds and saved regressions): one test each, passed when no crash.
# FUZZ_RUNS sets the inputs per target (default: fuzz_runs below), FUZZ_SECONDS (default 60) caps
# the time per target, FUZZ_SEED (default 1) libFuzzer's seed; SKIP_SANITIZED=1 runs step 1 only.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/bootstrap.sh || { echo "0 passed, 1 failed"; exit 1; }
set +e
BUILD_DIR=${BUILD_DIR:-build}
ASAN_BUILD_DIR=${ASAN_BUILD_DIR:-build-asan}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}

# Inputs per fuzz target: about 10 s each on the project machine. A fixed seed, a fixed number of
# runs and an empty work folder explore the same inputs on any machine, fast or slow, so a commit
# that passed here passes in CI and a red run replays exactly. (A time limit alone let a faster CI
# machine go further than the last local run and find what that run had not reached.)
fuzz_runs() {
  case $1 in
    config) echo 100000 ;;
    cleanup-migration) echo 20000 ;;
    analyzer) echo 10000 ;;
    fix | literal) echo 8000 ;;
    *) echo 10000 ;;
  esac
}
LIT=/usr/lib/llvm-19/build/utils/lit/lit.py
passed=0
failed=0
status=0

# Adds a lit run's counts to the totals. A skipped test is not a passed one: an unsupported
# test counts as failed.
run_lit() {
  local log n
  log=$(mktemp)
  python3 "$LIT" -v "$@" | tee "$log"
  [[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
  # lit pads the names when several kinds are listed ("  Passed     : 319").
  count() { n=$(sed -n "s/^ *$1 *: *\([0-9]*\).*/\1/p" "$log" | head -1); echo "${n:-0}"; }
  passed=$(( passed + $(count Passed) + $(count "Expectedly Failed") ))
  for kind in Failed Unresolved 'Unexpectedly Passed' 'Timed Out' Unsupported; do
    failed=$(( failed + $(count "$kind") ))
  done
  rm -f "$log"
}

run_lit "$BUILD_DIR/test" "$@"

if [[ ${SKIP_SANITIZED:-0} != 1 ]]; then
  if [[ ! -f $ASAN_BUILD_DIR/build.ninja ]]; then
    CC=clang-19 CXX=clang++-19 cmake -S . -B "$ASAN_BUILD_DIR" -G Ninja -DCASCADE_FUZZ=ON >&2
  fi
  if ! cmake --build "$ASAN_BUILD_DIR" >&2; then
    echo "sanitized build failed"
    failed=$(( failed + 1 )); status=1
  else
    echo "== lit suite against the ASan+UBSan build ($ASAN_BUILD_DIR)"
    run_lit "$ASAN_BUILD_DIR/test" "$@"

    echo "== fuzz targets, a fixed number of inputs each (at most ${FUZZ_SECONDS}s)"
    for fuzzer in "$ASAN_BUILD_DIR"/fuzz/cascade-fuzz-*; do
      name=${fuzzer##*/cascade-fuzz-}
      work="$ASAN_BUILD_DIR/fuzz/work/$name"
      log="$ASAN_BUILD_DIR/fuzz/logs/$name.log"
      rm -rf "$work"
      mkdir -p "$work" "${log%/*}" "$ASAN_BUILD_DIR/fuzz/artifacts"
      # New inputs go to work/ (emptied first). The seeds, lit inputs and regressions of
      # corpus/ are named one by one in sorted order: read as a folder they came in the file
      # system's order, which differs between machines and changed what a run explored.
      # A crash, a broken invariant, a 10 s input or 2 GB of memory fails it.
      # CASCADE_TIDY_VERIFY_FAST: every input also compares the fast scanner with libpg_query's,
      # and the plans read from libpg_query's C structs with those read from its JSON.
      seeds=$(find "$ASAN_BUILD_DIR/fuzz/corpus/$name" -type f | LC_ALL=C sort | paste -sd, -)
      CASCADE_TIDY_VERIFY_FAST=1 "$fuzzer" -seed="${FUZZ_SEED:-1}" -runs="${FUZZ_RUNS:-$(fuzz_runs "$name")}" \
        -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$ASAN_BUILD_DIR/fuzz/artifacts/$name-" -seed_inputs="$seeds" \
        "$work" > "$log" 2>&1
      if [[ $? -eq 0 ]]; then
        echo "PASS: fuzz :: $name ($(grep -o 'Done [0-9]* runs' "$log" | tail -1))"
        passed=$(( passed + 1 ))
      else
        echo "FAIL: fuzz :: $name (log: $log)"
        grep -E '==cascade-fuzz==|ERROR: (AddressSanitizer|libFuzzer|LeakSanitizer)|runtime error|SUMMARY|Test unit written' "$log" | head -8
        failed=$(( failed + 1 )); status=1
      fi
    done
  fi
fi

echo "$passed passed, $failed failed"
[[ $status -eq 0 && $failed -eq 0 && $passed -gt 0 ]]
