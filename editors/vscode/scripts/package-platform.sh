#!/usr/bin/env bash
# A platform-specific .vsix that carries the clauselint binary, so users need nothing else:
#   scripts/package-platform.sh [BINARY] [TARGET]
# BINARY defaults to the workspace's release build; TARGET (a VS Code target such as linux-x64,
# darwin-arm64, win32-x64) to this machine's. The binary goes to server/<TARGET>/, where the
# extension looks first, and the package is written to clauselint-<TARGET>.vsix.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(cd ../.. && pwd)"
binary="${1:-${CARGO_TARGET_DIR:-$ROOT/target}/release/clauselint}"
target="${2:-$(node -p 'process.platform + "-" + process.arch')}"
[ -f "$binary" ] || { echo "error: $binary: no such binary (build it with cargo build --release -p clauselint-cli)"; exit 2; }
case "$target" in
  win32-*) name=clauselint.exe ;;
  *) name=clauselint ;;
esac
rm -rf server
mkdir -p "server/$target"
cp "$binary" "server/$target/$name"
chmod 755 "server/$target/$name"
trap 'rm -rf server' EXIT
node esbuild.mjs --production
npx vsce package --no-dependencies --allow-missing-repository --skip-license --target "$target" --out "clauselint-$target.vsix"
