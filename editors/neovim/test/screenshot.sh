#!/usr/bin/env bash
# Renders Neovim showing clauselint's diagnostics on the bundled example to docs/neovim.png:
# nvim runs in a tmux pane, the pane is captured with its colours, converted to HTML
# (ansi2html.py) and photographed by headless Chromium. Needs tmux and chromium (Debian packages,
# installed if missing) and the venv that run.sh sets up.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT="$PWD"
NVIM="$ROOT/target/neovim-venv/bin/nvim"
[ -x "$NVIM" ] || bash editors/neovim/test/run.sh >/dev/null
for tool in tmux chromium; do
  if ! command -v "$tool" >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
  fi
done
cargo build --quiet -p clauselint-cli
work="$(mktemp -d)"
session="clauselint-shot-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
export CLAUSELINT_READY="$work/ready"
tmux new-session -d -s "$session" -x 132 -y 40 \
  env PATH="${CARGO_TARGET_DIR:-$ROOT/target}/debug:$PATH" TERM=xterm-256color COLORTERM=truecolor \
  XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" \
  CLAUSELINT_READY="$CLAUSELINT_READY" \
  "$NVIM" --clean -u editors/neovim/test/init.lua -c "luafile editors/neovim/test/screenshot.lua" \
  corpus/examples/zoom-terms-of-service.md
for _ in $(seq 1 120); do [ -s "$CLAUSELINT_READY" ] && break; sleep 0.5; done
[ "$(cat "$CLAUSELINT_READY" 2>/dev/null)" = ok ] || { echo "no diagnostics appeared"; exit 1; }
sleep 1
tmux capture-pane -t "$session" -e -p > "$work/screen.ansi"
python3 editors/neovim/test/ansi2html.py "Neovim — clauselint" < "$work/screen.ansi" > "$work/screen.html"
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/profile" --hide-scrollbars \
  --window-size=1215,830 --screenshot="$work/neovim.png" "file://$work/screen.html" >/dev/null 2>&1
cp "$work/neovim.png" docs/neovim.png
echo "wrote docs/neovim.png ($(stat -c %s docs/neovim.png) bytes)"
