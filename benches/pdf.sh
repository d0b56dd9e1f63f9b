#!/usr/bin/env bash
# PDF speed: clauselint reading a PDF and running every rule on it (`clauselint check`), against
# poppler's `pdftotext -layout` only extracting the text, on the same files in the same run.
#
#   benches/pdf.sh [DIR] [RUNS]      DIR defaults to ../shared/corpus/pdf, else corpus/pdf; RUNS to 3
#
# Two tables. End to end: the median wall time of RUNS runs of one process per file, start-up
# included for both tools (clauselint's includes compiling the analyzer's regexes, ~60 ms of CPU
# per process). In process (`examples/pdf_bench.rs`): reading and rules timed inside one process,
# against a pdftotext process per file, interleaved in the same run. Installs Debian's
# poppler-utils with apt-get when pdftotext is missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-}"
if [[ -z "$dir" ]]; then
    if [[ -d "$root/../shared/corpus/pdf" ]]; then dir="$root/../shared/corpus/pdf"; else dir="$root/corpus/pdf"; fi
fi
runs="${2:-3}"

if ! command -v pdftotext >/dev/null 2>&1; then
    echo "pdftotext not found; installing poppler-utils" >&2
    sudo=""; [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
    $sudo apt-get install -y poppler-utils >/dev/null 2>&1 ||
        { $sudo apt-get update >/dev/null && $sudo apt-get install -y poppler-utils >/dev/null; }
fi

(cd "$root" && cargo build --release -q -p clauselint-cli --bin clauselint --example pdf_bench)
clauselint="$root/target/release/clauselint"

# Median wall time in milliseconds of "$@" over $runs runs.
median_ms() {
    local times=() i start end
    for ((i = 0; i < runs; i++)); do
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s%N)
        times+=($(((end - start) / 1000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

echo "End to end: \`clauselint check --format json FILE\` vs \`pdftotext -layout FILE -\`"
printf '%-44s %6s %14s %16s %7s\n' file pages "pdftotext ms" "clauselint ms" ratio
total_p=0; total_c=0
shopt -s nullglob
for f in "$dir"/*.pdf; do
    name="$(basename "$f")"
    pages="$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')"
    p="$(median_ms pdftotext -layout "$f" -)"
    c="$(median_ms "$clauselint" check --format json "$f")"
    total_p="$(awk -v a="$total_p" -v b="$p" 'BEGIN {print a + b}')"
    total_c="$(awk -v a="$total_c" -v b="$c" 'BEGIN {print a + b}')"
    printf '%-44.44s %6s %14s %16s %7s\n' "$name" "${pages:-?}" "$p" "$c" \
        "$(awk -v a="$p" -v b="$c" 'BEGIN {printf "%.1fx", a / b}')"
done
printf '%-44s %6s %14.1f %16.1f %7s\n' total "" "$total_p" "$total_c" \
    "$(awk -v a="$total_p" -v b="$total_c" 'BEGIN {printf "%.1fx", a / b}')"
echo "clauselint = read the PDF + all rules + JSON report; pdftotext = text extraction only."
echo "ratio > 1: clauselint is faster. $runs runs per figure, median. $(pdftotext -v 2>&1 | head -1)"
echo
echo "In process: reading + all rules, without process start-up"
"$root/target/release/examples/pdf_bench" "$dir" "$runs"
