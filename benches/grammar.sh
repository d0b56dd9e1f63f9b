#!/usr/bin/env bash
# Contract-grammar parse times on the largest documents of the terms corpus: from scratch and after
# a one-character edit (incremental), next to the plain-text model build and the line-based reader.
# Usage: benches/grammar.sh [DIR] [--top N]
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-../shared/corpus/terms}"
shift || true
cargo run --release --quiet -p clauselint-parser --example grammar_bench -- "$dir" "$@"
