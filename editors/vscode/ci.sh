#!/usr/bin/env bash
# The VS Code extension's CI: install the locked dependencies, check that the settings generated
# from the rule table are current, lint, type-check, run the unit tests (the checklist tests also
# against the real binary), and package the .vsix offline. Needs Node 20 and npm; run from anywhere.
# package.json overrides rollup (vitest's bundler) to 4.67.4: the newest release is not published for
# every platform, and a lockfile missing those optional packages fails `npm ci`.
set -euo pipefail
cd "$(dirname "$0")"
EXT="$PWD"
ROOT="$(cd ../.. && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"

command -v npm >/dev/null || { echo "editors/vscode/ci.sh: npm (Node 20) is required"; exit 1; }

(cd "$ROOT" && cargo xtask vscode-settings --check)
(cd "$ROOT" && cargo build --quiet -p clauselint-cli)
export CLAUSELINT_BIN="$TARGET/debug/clauselint"

npm ci --no-audit --no-fund --loglevel=error
npm run --silent lint
npm run --silent typecheck
npm test --silent
npm run --silent package

# The package holds the bundle and the manifest, and no node_modules.
listing="$(unzip -l clauselint.vsix)"
for expected in extension/package.json extension/dist/extension.js extension/readme.md; do
  grep -q " $expected\$" <<<"$listing" || { echo "FAIL: clauselint.vsix lacks $expected"; exit 1; }
done
if grep -q "node_modules" <<<"$listing"; then
  echo "FAIL: clauselint.vsix carries node_modules"
  exit 1
fi
echo "ok: $EXT/clauselint.vsix ($(stat -c %s clauselint.vsix) bytes)"

# A platform package carries its server binary where the extension looks for it, executable.
# (A stand-in binary keeps this fast; the real one is only copied.)
stand_in="$(mktemp)"
printf '#!/bin/sh\necho clauselint stand-in\n' > "$stand_in"
npm run --silent package:platform -- "$stand_in" linux-x64 >/dev/null
rm -f "$stand_in"
python3 - clauselint-linux-x64.vsix <<'PY'
import stat, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    info = z.getinfo("extension/server/linux-x64/clauselint")
    mode = info.external_attr >> 16
    assert mode & stat.S_IXUSR, f"server binary is not executable (mode {oct(mode)})"
    manifest = z.read("extension.vsixmanifest").decode()
    assert 'TargetPlatform="linux-x64"' in manifest, "the package does not declare its target platform"
print("ok: clauselint-linux-x64.vsix carries server/linux-x64/clauselint, executable")
PY
rm -f clauselint-linux-x64.vsix
