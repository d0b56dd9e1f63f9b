#!/usr/bin/env bash
# Time and peak memory of `clauselint check` (release) on inputs built to hurt a parser: a 5 MB
# single line, a 50 MB file, list nesting, deep quotes, unbalanced markup, deep numbering,
# thousands of definitions, invalid UTF-8 and NUL bytes, PDFs with a cyclic page tree, a
# self-referencing stream length and a decompression bomb; then the limit-stopped ones again with
# the limit raised, and a scan of them all. Each case must finish or fail cleanly; the table says
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
line = "Customer grants Vendor a licence to use Customer Data \u2014 \u201cServices\u201d \u2014 \u00a7 4.\n"
open(f"{d}/50mb.txt", "w").write(line * ((50 << 20) // len(line.encode()) + 1))
open(f"{d}/quotes-5000-deep.md", "w").write("> " * 5000 + "\u201cData\u201d \u2014 \u00a7 1\n")

import zlib
sys.path.insert(0, "fuzz/seeds")
from make_pdf import pdf, stream
text = b"BT /F1 11 Tf 72 720 Td (1. Fees. Customer pays monthly.) Tj ET"
font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"
page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
# The page tree lists itself among its kids.
open(f"{d}/pdf-kids-cycle.pdf", "wb").write(pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>", page, stream(text), font]))
# A content stream whose /Length is a reference to itself.
open(f"{d}/pdf-length-self.pdf", "wb").write(pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page,
    b"<< /Length 4 0 R >>\nstream\n" + text + b"\nendstream", font]))
# A 256 MiB FlateDecode stream (four times the default limit) of a few hundred KB.
bomb = zlib.compress(b" " * (256 << 20), 9)
open(f"{d}/pdf-flate-bomb.pdf", "wb").write(pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page, stream(bomb, b"/Filter /FlateDecode "), font]))
PY
# `check --format json` prints a file's error in the JSON report: show the error, else stderr.
measure() {
  local name=$1
  shift
  set +e
  /usr/bin/time -f '%e %M' -o "$dir/.time" timeout "$limit" "$bin" "$@" >"$dir/.out" 2>"$dir/.err"
  status=$?
  set -e
  read -r secs kb < <(tail -1 "$dir/.time")
  [ "$status" = 124 ] && secs="> $limit"
  note=$(python3 -c 'import json,sys
try:
    r = json.load(open(sys.argv[1])); e = r["files"][0]["errors"]
    print(e[0]["message"].split(": ", 1)[-1] if e else "%d finding(s)" % len(r["files"][0]["findings"]))
except Exception:
    print(open(sys.argv[2]).readline().strip())' "$dir/.out" "$dir/.err")
  printf '%-34s %10s %10.1f %8s  %s\n' "$name" "$secs" "$(echo "$kb / 1024" | bc -l)" "$status" "${note:0:110}"
}
printf '%-34s %10s %10s %8s  %s\n' case seconds "peak MB" status "result (error or finding count)"
for f in "$dir"/*; do
  measure "$(basename "$f")" check --format json "$f"
done
# The same inputs with the limit that stopped them raised: the cost of reading them through.
measure "50mb.txt (--max-file-size-mb 64)" check --format json --max-file-size-mb 64 "$dir/50mb.txt"
measure "100k-list-markers.md (nesting 200k)" check --format json --max-nesting 200000 "$dir/100k-list-markers.md"
measure "100k-quote-markers.md (nesting 200k)" check --format json --max-nesting 200000 "$dir/100k-quote-markers.md"
measure "pdf-flate-bomb.pdf (stream 512 MB)" check --format json --max-pdf-stream-mb 512 "$dir/pdf-flate-bomb.pdf"
# A scan over all of them: every file reported, the scan completes.
measure "scan of all the above" scan --no-progress --format jsonl -o "$dir/.scan.jsonl" "$dir"
