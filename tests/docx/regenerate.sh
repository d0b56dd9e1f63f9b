#!/usr/bin/env bash
# Regenerates the real-document Word fixtures in tests/fixtures/docx/ from Open Terms Archive
# snapshots: Markdown → HTML (pandoc) → .docx (LibreOffice Writer, headless). HTML lists become
# Word automatic numbering, headings Heading N styles, so the fixtures exercise numbering.xml and
# styles.xml as LibreOffice writes them. CI never runs this: the .docx files are committed.
#
# Needs: pandoc and LibreOffice (Debian: apt-get install pandoc libreoffice-writer-nogui).
# Usage: tests/docx/regenerate.sh [TERMS_DIR]   (default ../shared/corpus/terms from the repo root)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
terms="${1:-$root/../shared/corpus/terms}"
[ -d "$terms" ] || terms=/work/shared/corpus/terms
out="$root/tests/fixtures/docx"
for tool in pandoc soffice; do
  command -v "$tool" >/dev/null || { echo "error: $tool not found (apt-get install pandoc libreoffice-writer-nogui)" >&2; exit 2; }
done
# Service/Document → fixture name. Chosen for variety: numbered lists (Alpha Vantage, sourcehut),
# nested bullets, headings of several levels, long flat prose (Tildes, Glass).
sources=(
  "Alpha Vantage/Terms of Service.md:alpha-vantage-terms"
  "sourcehut/Terms of Service.md:sourcehut-terms"
  "Signal/Terms of Service.md:signal-terms"
  "GitLab/Terms of Service.md:gitlab-terms"
  "Firefox/Terms of Service.md:firefox-terms"
  "Wix/Terms of Service.md:wix-terms"
  "Nissan/Terms of Service.md:nissan-terms"
  "ProtonVPN/Terms of Service.md:protonvpn-terms"
  "Tildes/Terms of Service.md:tildes-terms"
  "ubuntu.com/Terms of Service.md:ubuntu-terms"
)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
for entry in "${sources[@]}"; do
  src="${entry%%:*}"
  name="${entry##*:}"
  # The Markdown travels with the .docx: it is the reference the fidelity test compares against.
  cat "$terms/$src" > "$out/$name.md"
  pandoc -f gfm -t html5 -s --metadata pagetitle="$name" -o "$work/$name.html" "$terms/$src"
  # A separate profile keeps the run from touching the user's LibreOffice settings.
  soffice -env:UserInstallation=file://"$work/profile" --headless \
    --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$work/$name.html" >/dev/null
  mv "$work/$name.docx" "$out/$name.docx"
  echo "$name.docx  ← $src"
done
du -ch "$out"/*.docx | tail -1
