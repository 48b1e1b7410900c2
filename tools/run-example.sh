#!/usr/bin/env bash
# The main job: build cascade-tidy, run it over the bundled migrations/ (clean: 060 fixes them,
# notes say so), over the same tree without the 060 pair (what 060 fixes), and over the example
# C++ service (AST mode through its compile_commands.json).
# Exit status: 0 when migrations/ is clean, as it must be with the 060 pair in place.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/bootstrap.sh
BUILD_DIR=${BUILD_DIR:-build}
tidy=$BUILD_DIR/bin/cascade-tidy

echo "== cascade-tidy migrations/" >&2
"$tidy" migrations/ "$@"

echo "== cascade-tidy migrations/ without the generated 060 pair (what it fixes)" >&2
"$tidy" --quiet --exclude='060-cascade-cleanup*' migrations/ "$@" | grep -E 'warning:' | sed 's/.*\[//; s/\]$//' |
  sort | uniq -c >&2 || true

echo "== cascade-tidy examples/notes-service (C++ string literals)" >&2
cmake -S examples/notes-service -B "$BUILD_DIR/examples/notes-service" > /dev/null
"$tidy" -p "$BUILD_DIR/examples/notes-service" examples/notes-service "$@" || true
