#!/usr/bin/env bash
# Installs the official SARIF validator (@microsoft/sarif-multitool) into the repository's .tools/
# directory, where test/lit.cfg.py looks for it. Safe to run again: an installed copy is kept.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="$ROOT/.tools/sarif-multitool"
BIN="$DIR/node_modules/.bin/sarif-multitool"
if [[ -x $BIN ]] && "$BIN" --version >/dev/null 2>&1; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "install-sarif-multitool: npm not found; install nodejs and npm (tools/bootstrap.sh does)" >&2
  exit 1
fi
mkdir -p "$DIR"
[[ -f $DIR/package.json ]] || echo '{"name":"cascade-tidy-tools","private":true}' >"$DIR/package.json"
npm install --prefix "$DIR" --no-audit --no-fund --loglevel=error @microsoft/sarif-multitool >&2
"$BIN" --version >/dev/null
