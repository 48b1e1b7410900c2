#!/usr/bin/env bash
# Builds everything and runs every lit suite; ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/bootstrap.sh || { echo "0 passed, 1 failed"; exit 1; }
set +e
BUILD_DIR=${BUILD_DIR:-build}
log=$(mktemp)
python3 /usr/lib/llvm-19/build/utils/lit/lit.py -v "$BUILD_DIR/test" "$@" | tee "$log"
lit_status=${PIPESTATUS[0]}
count() { local n; n=$(sed -n "s/^ *$1: *\([0-9]*\).*/\1/p" "$log" | head -1); echo "${n:-0}"; }
passed=$(( $(count Passed) + $(count "Expectedly Failed") ))
failed=0
for kind in Failed Unresolved 'Unexpectedly Passed' 'Timed Out' Unsupported; do
  n=$(count "$kind"); failed=$(( failed + ${n:-0} ))
done
rm -f "$log"
# A skipped test is not a passed one: an unsupported test counts as failed.
echo "$passed passed, $failed failed"
[[ $lit_status -eq 0 && $failed -eq 0 && $passed -gt 0 ]]
