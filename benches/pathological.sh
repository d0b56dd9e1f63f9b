#!/usr/bin/env bash
# Time and peak memory of `clauselint check` (release) on inputs built to hurt a parser: a 5 MB
# single line, list nesting, deep quotes, unbalanced markup, deep numbering, thousands of
# definitions, invalid UTF-8 and NUL bytes. Each case must finish or fail cleanly; the table says
# how long it took, how much memory it used and the exit status (0 clean, 1 findings, 2 unreadable).
#   benches/pathological.sh [TIMEOUT_SECONDS]    (default 120 per case)
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${1:-120}
if ! [ -x /usr/bin/time ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq time >/dev/null
fi
cargo build --release -q -p clauselint-cli
bin="${CARGO_TARGET_DIR:-target}/release/clauselint"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import sys, random
d = sys.argv[1]
random.seed(1)
words = "the customer vendor shall may not use data content train models licence perpetual section agreement terms".split()
open(f"{d}/one-5mb-line.txt", "w").write(" ".join(random.choice(words) for _ in range(900_000))[:5_000_000])
open(f"{d}/100k-list-markers.md", "w").write("- " * 100_000 + "item\n")
open(f"{d}/list-staircase.md", "w").write("".join("  " * (i % 50) + "- item\n" for i in range(100_000)))
open(f"{d}/100k-quote-markers.md", "w").write(">" * 100_000 + " text\n")
open(f"{d}/unclosed-brackets.md", "w").write("[" * 100_000 + "x" + "](" * 50_000)
open(f"{d}/unclosed-emphasis.md", "w").write("*a _b " * 100_000)
open(f"{d}/numbering-3000-deep.txt", "w").write("".join(".".join(["1"] * i) + " Clause text.\n" for i in range(1, 3000)))
open(f"{d}/5000-definitions.txt", "w").write("".join(f"“Term {i}” means the thing numbered {i}. " for i in range(5000)))
open(f"{d}/nul-bytes.txt", "wb").write(b"hello\x00world")
open(f"{d}/invalid-utf8.txt", "wb").write(b"line one\nhello \xff\xfe world\n")
PY
printf '%-26s %10s %10s %8s  %s\n' case seconds "peak MB" status "first line of stderr"
for f in "$dir"/*; do
  set +e
  /usr/bin/time -f '%e %M' -o "$dir/.time" timeout "$limit" "$bin" check --format json "$f" >/dev/null 2>"$dir/.err"
  status=$?
  set -e
  read -r secs kb < <(tail -1 "$dir/.time")
  [ "$status" = 124 ] && secs="> $limit"
  printf '%-26s %10s %10.1f %8s  %s\n' "$(basename "$f")" "$secs" "$(echo "$kb / 1024" | bc -l)" "$status" "$(head -c 80 "$dir/.err" | head -1)"
done
