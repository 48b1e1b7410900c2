#!/usr/bin/env bash
# The main job: build cascade-tidy and run it over the bundled migrations/.
# Exit status is cascade-tidy's: 1 means it found foreign keys that block deleting a user.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source tools/bootstrap.sh
BUILD_DIR=${BUILD_DIR:-build}
"$BUILD_DIR/bin/cascade-tidy" migrations/ "$@"
