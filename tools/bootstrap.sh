#!/usr/bin/env bash
# Installs what a Debian 12 machine is missing (apt), then configures and builds into build/.
# Sourced by run-example.sh and run-tests.sh; safe to run again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PACKAGES=(cmake ninja-build g++ python3 bc dpkg-dev
  llvm-19-dev llvm-19-tools libclang-19-dev libclang-cpp19-dev clang-19 clang-tidy-19 clang-tools-19
  libpg-query-dev libprotobuf-c-dev libpq-dev postgresql
  postgresql-server-dev-15 # PostgreSQL 15's node structs: parse trees read without JSON (checker/RawTree.c)
  libclang-rt-19-dev # the ASan/UBSan and libFuzzer runtimes of the sanitized build
  lld # ld.lld: links the tools with the static LLVM archives in a fifth of ld.bfd's time
  bsdutils python3-yaml # script(1) and a YAML reader, for test/ci (progress, pre-commit hook)
  neovim # a real LSP client for test/lsp/neovim.test (cascade-tidy --lsp)
  sqlite3 # the SQLite command line, for test/dialects' enforcement proof
  mariadb-server mariadb-client) # a throwaway MariaDB 10.11 server, for test/dialects/mariadb-proof.test
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}" >&2
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

# npm for the SARIF validator: Debian's nodejs and npm unless a node with its own npm (e.g. from
# NodeSource, whose nodejs package conflicts with Debian's npm) is already there.
if ! command -v npm >/dev/null 2>&1; then
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends nodejs npm >&2
fi
# The official SARIF validator for test/ci, into .tools/ (kept when already there).
test/utils/install-sarif-multitool.sh

BUILD_DIR=${BUILD_DIR:-build}
if [[ ! -f $BUILD_DIR/build.ninja ]]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja >&2
fi
cmake --build "$BUILD_DIR" >&2
