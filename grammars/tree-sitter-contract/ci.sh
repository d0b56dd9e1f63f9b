#!/usr/bin/env bash
# The grammar's own checks, for CI: the committed generated parser is what grammar.js generates,
# the external scanner compiles cleanly with warnings as errors, and the corpus tests in
# test/corpus/*.txt pass. Installs the tree-sitter CLI matching the `tree-sitter` crate's version
# when it is missing (a few minutes of compiling on a fresh machine).
set -euo pipefail
cd "$(dirname "$0")"

# Keep in step with `tree-sitter` in the workspace Cargo.toml (same minor version).
TS_CLI_VERSION=0.26.13

if ! command -v tree-sitter >/dev/null || [[ "$(tree-sitter --version)" != *"$TS_CLI_VERSION"* ]]; then
  echo "installing tree-sitter-cli $TS_CLI_VERSION"
  # Without default features: the bundled QuickJS runtime needs libclang to build; `generate`
  # then evaluates grammar.js with Node, which CI has.
  cargo install tree-sitter-cli --locked --version "$TS_CLI_VERSION" --no-default-features
fi
command -v node >/dev/null || { echo "tree-sitter generate needs Node (node on PATH)"; exit 1; }

tree-sitter generate
if ! git diff --exit-code -- src || [[ -n "$(git status --porcelain -- src)" ]]; then
  echo "src/ differs from what grammar.js generates: run 'tree-sitter generate' in $(pwd) and commit" >&2
  git status --short -- src >&2
  exit 1
fi

cc -std=c11 -Wall -Wextra -Werror -Isrc -c src/scanner.c -o /dev/null

tree-sitter test
