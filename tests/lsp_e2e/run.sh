#!/usr/bin/env bash
# End-to-end tests of `clauselint lsp` through a real LSP client (pytest-lsp), with the client
# capabilities of VS Code and Neovim. Creates a venv under target/, builds the binary, runs pytest.
# Exits non-zero on failure; pytest prints its summary line.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
VENV="$ROOT/target/lsp-e2e-venv"
REQ="$ROOT/tests/lsp_e2e/requirements.txt"

if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
# Reinstall only when the pins change.
if ! cmp -s "$REQ" "$VENV/.requirements.txt"; then
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQ"
    cp "$REQ" "$VENV/.requirements.txt"
fi

cargo build --quiet -p clauselint-cli
export CLAUSELINT_BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/clauselint"

cd "$ROOT/tests/lsp_e2e"
exec "$VENV/bin/python" -m pytest -p no:cacheprovider -q -rfE "$@"
