#!/usr/bin/env bash
# Word reading speed: files/s reading .docx files into clauselint's document model in one process
# (package, XML, numbering, tracked changes, clause tree, sentences, definitions, cross-references;
# no rules), and end to end with `clauselint scan` (process start-up, reading and every rule).
#
#   benches/docx.sh [DIR] [ROUNDS]     DIR defaults to tests/fixtures/docx, ROUNDS to 50
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$root/tests/fixtures/docx}"
rounds="${2:-50}"
target="${CARGO_TARGET_DIR:-$root/target}"
(cd "$root" && cargo build --release -q -p clauselint-parser --example docx_bench &&
    cargo build --release -q -p clauselint-cli --bin clauselint)
echo "in process (reading only):"
"$target/release/examples/docx_bench" "$dir" "$rounds"
n=$(find "$dir" -maxdepth 1 -name '*.docx' | wc -l)
report="$(mktemp -d)"
trap 'rm -rf "$report"' EXIT
start=$(date +%s%N)
"$target/release/clauselint" scan --no-progress --format jsonl -o "$report/report.jsonl" "$dir" >/dev/null 2>&1 || true
end=$(date +%s%N)
awk -v n="$n" -v ns="$((end - start))" 'BEGIN { printf "end to end (clauselint scan, every rule): %d files in %.2f s: %.0f files/s\n", n, ns / 1e9, n / (ns / 1e9) }'
