#!/usr/bin/env bash
# Renders the HTML pre-signing checklist of the bundled example in headless Chromium: the page must
# load with its verdict and questions, and a screenshot is produced (docs/checklist.png when
# UPDATE_SCREENSHOT=1). Installs Debian's chromium if it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v chromium >/dev/null 2>&1; then
  echo "installing chromium (Debian package)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
fi
cargo build -q -p clauselint-cli
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
set +e
"${CARGO_TARGET_DIR:-target}/debug/clauselint" checklist --format html -o "$out/checklist.html" corpus/examples/zoom-terms-of-service.md
code=$?
set -e
[ "$code" -le 1 ] || { echo "checklist failed with status $code"; exit 1; }
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --disable-quic --user-data-dir="$out/profile")
chromium "${flags[@]}" --dump-dom "file://$out/checklist.html" > "$out/dom.html" 2>/dev/null
chromium "${flags[@]}" --window-size=1100,1400 --screenshot="$out/checklist.png" "file://$out/checklist.html" >/dev/null 2>&1
failures=0
check() { if grep -q "$1" "$out/dom.html"; then echo "ok: page shows $2"; else echo "FAIL: page lacks $2"; failures=$((failures+1)); fi; }
check "Pre-signing review" "the title"
check "Verdict:" "the verdict"
check "May the vendor train or improve AI/ML models" "question 1"
check "Who holds the encryption keys" "question 8"
check "<blockquote" "quoted evidence"
size=$(stat -c %s "$out/checklist.png" 2>/dev/null || echo 0)
if [ "$size" -gt 20000 ]; then echo "ok: screenshot rendered ($size bytes)"; else echo "FAIL: screenshot missing or blank ($size bytes)"; failures=$((failures+1)); fi
if [ "${UPDATE_SCREENSHOT:-0}" = 1 ]; then cp "$out/checklist.png" docs/checklist.png; fi
passed=$((6-failures))
echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
