#!/usr/bin/env bash
# Benchmark: parse + all rules over the shared terms corpus (879 files, 33 MB), on one core and on
# all cores, with peak memory; and, in the same run, ripgrep searching the same files for the rules'
# trigger words — the physical-ish floor to compare against. Usage: benches/scan.sh [CORPUS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/terms}
[ -d "$corpus" ] || { echo "no corpus at $corpus"; exit 1; }
if ! command -v rg >/dev/null 2>&1 || ! [ -x /usr/bin/time ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq ripgrep time >/dev/null
fi
cargo build --release -q -p clauselint-cli
bin="${CARGO_TARGET_DIR:-target}/release/clauselint"
bytes=$(find "$corpus" -type f \( -name '*.md' -o -name '*.txt' \) -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
files=$(find "$corpus" -type f \( -name '*.md' -o -name '*.txt' \) | wc -l)
run() { # label, args...
  local label=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f '%M' -o /tmp/clauselint-bench-mem "$@" >/dev/null 2>&1 || true
  t1=$(date +%s.%N)
  local secs mem
  secs=$(echo "$t1 - $t0" | bc -l)
  # A command that exits non-zero (scan does when it finds something) makes time write
  # "Command exited with non-zero status N" before the figure: the figure is the last line.
  mem=$(tail -n 1 /tmp/clauselint-bench-mem)
  printf '%-34s %7.2f s  %7.1f MB/s  %7.0f files/s  peak %6.1f MB\n' "$label" "$secs" \
    "$(echo "$bytes / 1000000 / $secs" | bc -l)" "$(echo "$files / $secs" | bc -l)" "$(echo "$mem / 1024" | bc -l)"
}
echo "corpus: $corpus — $files files, $(echo "$bytes / 1000000" | bc -l | cut -c1-5) MB, $(nproc) cores"
run "clauselint scan (1 thread)" $bin scan --no-progress --jobs 1 --format jsonl -o /tmp/clauselint-bench.jsonl "$corpus"
run "clauselint scan (all cores)" $bin scan --no-progress --format jsonl -o /tmp/clauselint-bench.jsonl "$corpus"
triggers='train|machine learning|artificial intelligence|licen[cs]e|perpetual|irrevocabl|sublicens|third part|affiliate|retain|delete|aggregat|de-identif|anonymi|encrypt|opt.out|modify these terms|terminate|suspend|liable|arbitrat|governed by|courts? of'
run "rg trigger words (all cores)" rg -c -i -e "$triggers" "$corpus"
run "rg trigger words (1 thread)" rg -j1 -c -i -e "$triggers" "$corpus"
