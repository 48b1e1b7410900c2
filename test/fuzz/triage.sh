#!/usr/bin/env bash
# Replays every crash/timeout/oom artifact of a fuzz target and groups them by what failed: the
# "==cascade-fuzz==" invariant line (up to its first ':' detail) or the sanitizer's SUMMARY line.
# Usage: test/fuzz/triage.sh build-asan/fuzz/cascade-fuzz-fix ARTIFACT...
# Prints "<count> <kind>  e.g. <smallest artifact>" per group, smallest artifact first.
set -uo pipefail
fuzzer=$1; shift
declare -A count example size
for a in "$@"; do
  out=$(timeout 60 "$fuzzer" -timeout=10 -rss_limit_mb=2048 "$a" 2>&1)
  # The invariant's words, without the names and offsets that differ per input.
  kind=$(grep -a -m1 -o '==cascade-fuzz== .*' <<<"$out" | cut -c1-160 | sed -E 's/violated: [^ ]*\.sql: /violated: /; s/["(0-9].*//')
  [[ -n $kind ]] || kind=$(grep -a -m1 -E '^SUMMARY: |ERROR: libFuzzer: (timeout|out-of-memory)' <<<"$out" |
                           sed -E 's/ in [^ ]*$//; s/ \/.*//')
  [[ -n $kind ]] || kind="no failure on replay"
  n=$(stat -c %s "$a")
  count[$kind]=$(( ${count[$kind]:-0} + 1 ))
  if [[ -z ${size[$kind]:-} || $n -lt ${size[$kind]} ]]; then size[$kind]=$n; example[$kind]=$a; fi
done
for kind in "${!count[@]}"; do
  printf '%4d %s  e.g. %s (%s bytes)\n' "${count[$kind]}" "$kind" "${example[$kind]}" "${size[$kind]}"
done | sort -rn
