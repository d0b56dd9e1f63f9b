#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60), one after the other, and prints per target
# the executions done and the coverage libFuzzer reached (`cov:` edges, `ft:` features), from the
# last status line of its log. Crashes land in fuzz/artifacts/<target>/ and fail the run.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`); on a stable toolchain RUSTC_BOOTSTRAP=1 lets it
# use the nightly-only sanitizer flags. The working corpora (fuzz/corpus/, not committed) are
# seeded from the repository's small fixtures on first use.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(pdf text contract_tree config lsp)
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
root=..

seed() {
    local target=$1 dir=corpus/$1
    [ -d "$dir" ] && return
    mkdir -p "$dir"
    # Text-like targets read a mode byte first (see each target); prefix the fixtures with each.
    local texts=("$root"/tests/fixtures/short-terms.md "$root"/tests/fixtures/crlf.txt
                 "$root"/tests/fixtures/docx/*-terms.md "$root"/corpus/examples/*)
    case $target in
    pdf)
        python3 seeds/make_pdf.py "$dir"
        ;;
    text | config)
        local i=0
        for f in "${texts[@]}"; do
            [ -f "$f" ] && [ "$(stat -c %s "$f")" -lt 65536 ] || continue
            for mode in 0 1 2; do
                { printf "\\x3$mode"; cat "$f"; } >"$dir/seed-$i-$mode"
            done
            i=$((i + 1))
        done
        if [ "$target" = config ]; then
            { printf 0; cat "$root"/corpus/playbooks/example/clauselint.toml; } >"$dir/playbook"
            for f in "$root"/corpus/playbooks/example/rules/*.toml; do
                { printf 1; cat "$f"; } >"$dir/rule-$(basename "$f")"
            done
        fi
        ;;
    contract_tree | lsp)
        # Structured inputs (arbitrary): raw fixture bytes still decode to texts and operations.
        for f in "${texts[@]}"; do
            [ -f "$f" ] && [ "$(stat -c %s "$f")" -lt 65536 ] && cp "$f" "$dir/"
        done
        ;;
    esac
}

# Build every target once (sanitizer flags, release with debug assertions), then run the
# binaries directly, so edits made while a long run goes on do not trigger rebuilds midway.
# FUZZ_NO_BUILD=1 runs the binaries already built (e.g. while the sources are being edited).
[ "${FUZZ_NO_BUILD:-0}" = 1 ] || cargo fuzz build
triple=$(rustc -vV | sed -n 's/^host: //p')
logs=$(mktemp -d)
fuzz() {
    local target=$1 log=$logs/$1.log
    echo "== $target: ${seconds}s (log $log)" >&2
    if ! "$CARGO_TARGET_DIR/$triple/release/$target" "corpus/$target" \
        -artifact_prefix="artifacts/$target/" \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 -max_len=65536 \
        -print_final_stats=1 >"$log" 2>&1; then
        echo "$target: FAILED (log: $log; input in artifacts/$target/)" >&2
        tail -40 "$log" >&2
        return 1
    fi
}
status=0
for target in "${targets[@]}"; do
    seed "$target"
    mkdir -p "artifacts/$target"
done
# FUZZ_PARALLEL=1 runs the targets side by side (same wall time for all, less CPU each).
if [ "${FUZZ_PARALLEL:-0}" = 1 ]; then
    pids=()
    for target in "${targets[@]}"; do
        fuzz "$target" &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || status=1; done
else
    for target in "${targets[@]}"; do fuzz "$target" || status=1; done
fi
declare -A summary
for target in "${targets[@]}"; do
    log=$logs/$target.log
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' || true)
    cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
    ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
    corpus=$(sed -nE 's/.* corp: ([0-9]+\/[0-9]+[a-zA-Z]*).*/\1/p' <<<"$last")
    summary[$target]="${execs:-?} ${cov:-?} ${ft:-?} ${corpus:-?}"
done
printf '%-14s %12s %8s %8s %14s\n' target executions cov ft corpus
for target in "${targets[@]}"; do
    read -r execs cov ft corpus <<<"${summary[$target]}"
    printf '%-14s %12s %8s %8s %14s\n' "$target" "$execs" "$cov" "$ft" "$corpus"
done
exit $status
