#!/usr/bin/env bash
exec bash "$(dirname "${BASH_SOURCE[0]}")/bench/run.sh" "$@"  # moved to tools/bench/run.sh (docs/benchmarks.md)
